import type * as TS from "typescript";
import type { SsotDiagnostic } from "../diagnostic";
import type { Rewrite } from "../plan/types";
import { RuleIndex } from "../rules/targets";
import type { RuleSet } from "../rules/types";
import { collectExports, type ModuleExports } from "../scan/exports";

/**
 * Every name a rewritten import now asks of a path target must be exported there. Checked syntactically
 * (no type checker needed) and reported against the rule that sent it there, not as a bare TS2305 on a line
 * the user never wrote.
 */
export function findMissingExports(ts: typeof TS, program: TS.Program, ruleSet: RuleSet, rewrites: readonly Rewrite[]): SsotDiagnostic[] {
  const index = new RuleIndex(ruleSet);
  const exportsByFile = new Map<string, ModuleExports | undefined>();
  const reported = new Set<string>();
  const diagnostics: SsotDiagnostic[] = [];
  for (const rewrite of rewrites) {
    for (const name of rewrite.symbols) {
      if (name === "*") continue;
      const target = index.symbolTarget(rewrite.rule, name);
      if (!target || target.module.kind !== "path" || !target.module.file) continue;
      if (target.module.key === rewrite.rule.from.key && target.name === name) continue;
      const file = target.module.file;
      if (!exportsByFile.has(file)) {
        const sourceFile = program.getSourceFile(file);
        exportsByFile.set(file, sourceFile && collectExports(ts, sourceFile));
      }
      const exports = exportsByFile.get(file);
      if (!exports || exports.names.has(target.name) || exports.names.has("export=")) continue;
      if (exports.starSpecifiers.length > 0 && exportedThroughStar(program, file, target.name)) continue;
      const listed = rewrite.rule.symbolLocations.get(name);
      const key = listed ? `${rewrite.rule.index}:${name}` : `${rewrite.site.specifier.start}:${name}:${rewrite.line}`;
      if (reported.has(key)) continue;
      reported.add(key);
      diagnostics.push(
        listed
          ? {
              severity: "error",
              file: ruleSet.file,
              ...listed,
              rule: rewrite.rule.label,
              message: `symbol "${name}" maps to "${target.name}", which ${target.module.written} does not export`,
            }
          : {
              severity: "error",
              file: rewrite.file,
              line: rewrite.line,
              column: rewrite.column,
              rule: rewrite.rule.label,
              message: `this import asks for "${name}", which ${target.module.written} does not export; map it in the rule's "symbols"`,
            },
      );
    }
  }
  return diagnostics;
}

/** The rare `export *` barrel: ask the type checker, which follows re-exports exactly. */
function exportedThroughStar(program: TS.Program, file: string, name: string): boolean {
  const checker = program.getTypeChecker();
  const sourceFile = program.getSourceFile(file);
  const symbol = sourceFile && checker.getSymbolAtLocation(sourceFile);
  const moduleSymbol = symbol ?? (sourceFile as (TS.SourceFile & { symbol?: TS.Symbol }) | undefined)?.symbol;
  return moduleSymbol !== undefined && checker.getExportsOfModule(moduleSymbol).some((s) => s.name === name);
}
