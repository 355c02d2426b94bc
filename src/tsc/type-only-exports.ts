import type * as TS from "typescript";
import type { ResolvedSymbol } from "../rules/targets";

/**
 * Which rule targets exist only as types, asked of the original Program's checker (it follows re-exports and
 * declaration merging exactly). A rewritten `export *` re-exports such a name as `export { type New as Old }`:
 * without `type`, isolatedModules and verbatimModuleSyntax reject the re-export (TS1205). The checker is made
 * only when a rewritten `export *` asks, which few builds do.
 */
export function typeOnlyExports(ts: typeof TS, program: TS.Program): (target: ResolvedSymbol) => boolean {
  let checker: TS.TypeChecker | undefined;
  return (target) => {
    if (target.module.kind !== "path" || !target.module.file) return false;
    const sourceFile = program.getSourceFile(target.module.file);
    if (!sourceFile) return false;
    // Making the checker binds every file; only then does the module have its symbol.
    checker ??= program.getTypeChecker();
    const moduleSymbol = checker.getSymbolAtLocation(sourceFile) ?? (sourceFile as TS.SourceFile & { symbol?: TS.Symbol }).symbol;
    if (!moduleSymbol) return false;
    let symbol = checker.getExportsOfModule(moduleSymbol).find((s) => s.name === target.name);
    if (!symbol) return false;
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    return (symbol.flags & ts.SymbolFlags.Value) === 0;
  };
}
