import * as path from "node:path";
import type { SsotDiagnostic } from "../diagnostic";
import { Matcher } from "../match/matcher";
import type { PathAliases } from "../match/path-aliases";
import { RuleIndex } from "../rules/targets";
import { moduleKeyOf } from "../rules/module-paths";
import type { Rule, RuleSet } from "../rules/types";
import { loadEsbuildRules } from "./load-rules";
import type { ReportMode, RulesOption } from "../rules/adapter-options";
import { compilerOptionsIn } from "./tsconfig";
import { nodeRulesFileSystem, type RulesFileSystem } from "./rules-inputs";

/** The rules as loaded for one build; reloaded at every (re)build so edits to ssot-imports.json apply. */
export interface ActiveRules {
  ruleSet: RuleSet;
  matcher: Matcher;
  watchFiles: string[];
  report: ReportMode;
  /** pluginData marking our own `build.resolve` calls, so our onResolve does not answer them. */
  bypass: { ssotImportsBypass: true };
  /** Each existing deprecated file (as the rules name it) by its real path, where the two differ. */
  realFiles: ReadonlyMap<string, string>;
  /**
   * Everything these rules were loaded from, as one string: equal for two loads exactly when they decide every
   * import alike, so what a rebuild remembers of each file stays valid while it is (rebuild-memo.ts).
   */
  fingerprint: string;
}

/**
 * `watchFiles` comes back even when the rules fail to load, so a watching build still rebuilds once they are
 * fixed. `report` is the plugin option; without one, the rules file's own `report` applies, as for tsc.
 * Every file system question goes through `fileSystem` (see rules-inputs.ts).
 */
export function loadActiveRules(
  rules: RulesOption | undefined,
  cwd: string,
  report: ReportMode | undefined,
  tsconfig?: string,
  fileSystem: RulesFileSystem = nodeRulesFileSystem,
): { active?: ActiveRules; errors: SsotDiagnostic[]; watchFiles: string[] } {
  // esbuild names files by their real path (symlinks followed): rules named from the same place match them, and
  // the specifiers written for them are relative between real paths.
  const realCwd = fileSystem.realPath(cwd) ?? cwd;
  const { result, watchFile } = loadEsbuildRules(rules, realCwd, fileSystem);
  const watchFiles = watchFile ? [watchFile] : [];
  if (!result.ok) return { errors: result.errors, watchFiles };
  const ruleSet = result.ruleSet;
  // Resolution is esbuild's (asynchronous, in the adapter); the matcher's own resolver is never asked.
  const noResolver = { resolve: () => undefined };
  const { keys, realFiles } = realPaths(ruleSet, fileSystem.realPath);
  const aliases = pathAliases(realCwd, tsconfig, fileSystem.readFile);
  const matcher = new Matcher(new RuleIndex(ruleSet, keys), noResolver, aliases);
  const reportMode = report ?? ruleSet.options.report;
  const fingerprint = JSON.stringify([ruleSet, [...keys].map(([key, rule]) => [key, rule.index]), realFiles, aliases, reportMode, watchFiles], (_, value: unknown) =>
    value instanceof Map || value instanceof Set ? [...value] : value,
  );
  return {
    active: { ruleSet, matcher, watchFiles, report: reportMode, bypass: { ssotImportsBypass: true }, realFiles, fingerprint },
    errors: [],
    watchFiles,
  };
}

/**
 * esbuild names every file by its real path (symlinks followed), while the rules name modules by the path they
 * were written with: a project opened through a symlinked folder would otherwise never match. So each rule's
 * module is also keyed by its real path (a deleted module by its folder's), and each existing file's real path
 * is kept for the facades served where esbuild loads it: one realpath per rule and build.
 */
function realPaths(ruleSet: RuleSet, realPath: RulesFileSystem["realPath"]): { keys: Map<string, Rule>; realFiles: Map<string, string> } {
  const keys = new Map<string, Rule>();
  const realFiles = new Map<string, string>();
  for (const rule of ruleSet.rules) {
    if (rule.from.kind !== "path") continue;
    const { key, file } = rule.from;
    const real = file ? realPath(file) : realPath(path.posix.dirname(key));
    if (real === undefined) continue;
    if (file && real !== file) realFiles.set(file, real);
    const realKey = file ? moduleKeyOf(real) : `${real}/${path.posix.basename(key)}`;
    if (realKey !== key) keys.set(realKey, rule);
  }
  return { keys, realFiles };
}

/** tsconfig `paths`, needed only to find where an alias pointed once its deprecated module was deleted. */
function pathAliases(cwd: string, tsconfig: string | undefined, readFile: RulesFileSystem["readFile"]): PathAliases | undefined {
  const file = path.resolve(cwd, tsconfig ?? "tsconfig.json");
  const options = compilerOptionsIn(file, readFile) as { paths?: Record<string, string[]>; baseUrl?: string } | undefined;
  if (!options?.paths) return undefined;
  return { base: path.resolve(path.dirname(file), options.baseUrl ?? "."), paths: options.paths };
}
