import type * as TS from "typescript";
import type { SsotDiagnostic } from "../diagnostic";
import type { Rewrite } from "../plan/types";
import { RuleIndex } from "../rules/targets";
import type { RuleSet } from "../rules/types";
import { ExportLookup } from "../project/export-lookup";

/**
 * Every name a rewritten import now asks of a path target must be exported there. Checked syntactically
 * (no type checker needed) and reported against the rule that sent it there, not as a bare TS2305 on a line
 * the user never wrote.
 */
export function findMissingExports(ts: typeof TS, program: TS.Program, ruleSet: RuleSet, rewrites: readonly Rewrite[]): SsotDiagnostic[] {
  const index = new RuleIndex(ruleSet);
  const lookup = new ExportLookup(ts, (file) => program.getSourceFile(file), () => program);
  const reported = new Set<string>();
  const diagnostics: SsotDiagnostic[] = [];
  for (const rewrite of rewrites) {
    for (const name of rewrite.symbols) {
      if (name === "*") continue;
      const target = index.symbolTarget(rewrite.rule, name);
      if (!target || target.module.kind !== "path" || !target.module.file) continue;
      if (target.module.key === rewrite.rule.from.key && target.name === name) continue;
      if (lookup.exports(target.module.file, target.name) !== false) continue;
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
