import type * as TS from "typescript";
import type { ExportKind, ModuleExportKinds } from "../facade/declaration-facade";

/**
 * What each of a few module files exports, values and types told apart, as the type checker sees them: it
 * follows `export *`, `export =`, declaration merging and re-exported aliases exactly. The Program holds only
 * the files asked about (and what they import), so asking about a project's few SSOT modules stays cheap
 * however large the project is.
 */
export function exportKindsOf(ts: typeof TS, options: TS.CompilerOptions, files: readonly string[]): Map<string, ModuleExportKinds> {
  const result = new Map<string, ModuleExportKinds>();
  if (files.length === 0) return result;
  // Output settings do not change what a module exports; they would only make the Program do more work.
  const program = ts.createProgram({ rootNames: [...files], options: { ...options, noEmit: true, declaration: false, composite: false, incremental: false, tsBuildInfoFile: undefined } });
  const checker = program.getTypeChecker();
  for (const file of files) {
    const sourceFile = program.getSourceFile(file);
    const moduleSymbol = sourceFile && (checker.getSymbolAtLocation(sourceFile) ?? (sourceFile as TS.SourceFile & { symbol?: TS.Symbol }).symbol);
    if (!moduleSymbol) continue;
    const kinds = new Map<string, ExportKind>();
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      // A type-only re-export (`export type { X }`) of a value still cannot be used as a value.
      const typeOnly = isTypeOnlyAlias(ts, exported) || (symbol.flags & ts.SymbolFlags.Value) === 0;
      kinds.set(exported.name, typeOnly ? "type" : "value");
    }
    result.set(file, kinds);
  }
  return result;
}

function isTypeOnlyAlias(ts: typeof TS, symbol: TS.Symbol): boolean {
  if (!(symbol.flags & ts.SymbolFlags.Alias)) return false;
  return symbol.declarations?.some((d) => ts.isTypeOnlyImportOrExportDeclaration(d)) ?? false;
}
