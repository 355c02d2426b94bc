import type { SsotDiagnostic } from "../diagnostic";
import { missingListedExportMessage } from "../messages";
import type { Rewrite } from "../plan/types";
import { RuleIndex } from "../rules/targets";
import type { RuleSet } from "../rules/types";
import type { ExportLookup } from "../project/export-lookup";

/**
 * Every renamed or moved name a rewritten import now asks of a path target must be exported there: reported
 * against the rules entry that sent it there, not as a bare TS2305 on a line the user never wrote. (Names the
 * rules do not list were checked by the planner, at the importer.)
 */
export function findMissingExports(lookup: ExportLookup, ruleSet: RuleSet, rewrites: readonly Rewrite[]): SsotDiagnostic[] {
  const index = new RuleIndex(ruleSet);
  const reported = new Set<string>();
  const diagnostics: SsotDiagnostic[] = [];
  for (const rewrite of rewrites) {
    for (const name of rewrite.symbols) {
      const listed = rewrite.rule.symbolLocations.get(name);
      if (!listed) continue;
      const target = index.symbolTarget(rewrite.rule, name);
      if (!target || target.module.kind !== "path" || !target.module.file) continue;
      if (target.module.key === rewrite.rule.from.key && target.name === name) continue;
      if (lookup.exports(target.module.file, target.name) !== false) continue;
      const key = `${rewrite.rule.index}:${name}`;
      if (reported.has(key)) continue;
      reported.add(key);
      diagnostics.push({ severity: "error", file: ruleSet.file, ...listed, rule: rewrite.rule.label, message: missingListedExportMessage(name, target.name, target.module) });
    }
  }
  return diagnostics;
}
