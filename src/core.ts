import type * as TS from "typescript";
import { Matcher } from "./match/matcher";
import { applyEdits } from "./plan/apply-edits";
import { planFile, type MatchedSite } from "./plan/plan-file";
import type { PlanSettings } from "./plan/context";
import type { Layout, RewritePlan } from "./plan/types";
import { importUseOf } from "./scan/import-use";
import { scanImports } from "./scan/scan-imports";

export interface FileRewrite {
  plan: RewritePlan;
  /** The rewritten text; the original when nothing changed. */
  text: string;
}

/**
 * The whole pipeline for one file, shared by every adapter: pre-filter, scan, match, plan, apply.
 * `parse` lets the caller hand over a SourceFile it already has (tsc) instead of parsing again.
 */
export function rewriteFile(
  ts: typeof TS,
  matcher: Matcher,
  file: string,
  text: string,
  parse: () => TS.SourceFile,
  layout: Layout = "same-line",
  planOptions: PlanSettings = {},
): FileRewrite | undefined {
  // Where the needles are is also where the scan must look: the rest of the tree cannot name a deprecated module.
  const candidateOffsets = matcher.needleOffsets(text);
  if (candidateOffsets.length === 0) return undefined;
  const sites = scanImports(ts, parse(), {
    mockFunctions: matcher.index.ruleSet.options.mockFunctions,
    isCandidate: (specifier) => matcher.specifierMayMatch(specifier),
    candidateOffsets,
  });
  const matches: MatchedSite[] = [];
  for (const site of sites) {
    const rule = matcher.match(site.specifier.value, file, importUseOf(site));
    if (rule) matches.push({ site, rule });
  }
  if (matches.length === 0) return undefined;
  const plan = planFile({ file, text, index: matcher.index, matches, layout, ...planOptions });
  return { plan, text: applyEdits(text, plan.edits) };
}
