import type * as TS from "typescript";
import { Matcher } from "./match/matcher";
import { applyEdits } from "./plan/apply-edits";
import { planFile, type MatchedSite } from "./plan/plan-file";
import type { PlanSettings } from "./plan/context";
import type { Layout, RewritePlan } from "./plan/types";
import { importUseOf } from "./scan/import-use";
import { scanImports } from "./scan/scan-imports";
import type { ImportSite } from "./scan/types";
import { countWork } from "./work-counts";

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
  return rewriteSites(ts, matcher, file, text, parse, () => true, layout, planOptions);
}

/**
 * Only the test-framework mock calls of a file (`vi.mock`, `vi.importActual`, `jest.mock`, …): for the bundler
 * adapters, whose facades serve every import, while a mock must name the module the code really loads (a mock
 * of the facade would reach no importer of the SSOT module). Factories get the same verdicts as in tsc.
 */
export function rewriteMockCalls(ts: typeof TS, matcher: Matcher, file: string, text: string): FileRewrite | undefined {
  if (!matcher.index.ruleSet.options.mockFunctions.some((callee) => text.includes(callee))) return undefined;
  const parse = () => ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  return rewriteSites(ts, matcher, file, text, parse, (site) => site.kind === "mock");
}

function rewriteSites(
  ts: typeof TS,
  matcher: Matcher,
  file: string,
  text: string,
  parse: () => TS.SourceFile,
  keep: (site: ImportSite) => boolean,
  layout: Layout = "same-line",
  planOptions: PlanSettings = {},
): FileRewrite | undefined {
  // Where the needles are is also where the scan must look: the rest of the tree cannot name a deprecated module.
  const candidateOffsets = matcher.needleOffsets(text);
  if (candidateOffsets.length === 0) return undefined;
  countWork("scan", file);
  const sites = scanImports(ts, parse(), {
    mockFunctions: matcher.index.ruleSet.options.mockFunctions,
    isCandidate: (specifier) => matcher.specifierMayMatch(specifier),
    candidateOffsets,
  });
  const matches: MatchedSite[] = [];
  for (const site of sites) {
    if (!keep(site)) continue;
    const rule = matcher.match(site.specifier.value, file, importUseOf(site));
    if (rule) matches.push({ site, rule });
  }
  if (matches.length === 0) return undefined;
  countWork("plan", file);
  const plan = planFile({ file, text, index: matcher.index, matches, layout, ...planOptions });
  return { plan, text: applyEdits(text, plan.edits) };
}
