import * as path from "node:path";
import type { ActiveRules } from "../esbuild/active-rules";
import { exactFiles, type PathSeparator } from "../esbuild/file-filter";
import { splitsModule } from "../esbuild/importer-facades";
import type { Rule } from "../rules/types";

/**
 * Which deprecated modules a build serves where it LOADS them, as the esbuild plugin does (its redirect-plan.ts).
 * Every import that crosses into `resolveId` is a round trip between Rust and JavaScript (289 on the bench's
 * 4,000-module tree); a deprecated file that still exists is instead resolved by the bundler itself, and `load`
 * of that one file returns its facade: one round trip per module whatever the number of importers. Only what
 * loading cannot see stays with `resolveId`:
 * - a deleted module (nothing to load) and a bare `from` (matched as written, not by where it leads),
 * - a module that is itself an entry point (built as it is, not replaced),
 * - every rule when imports are reported (`warn`, `summary`): only `resolveId` knows the importer,
 * - a rule that may have forgotten a name: its importers are read where they are resolved (forgotten-names.ts),
 * - a rule that splits its module, or leaves names in it: its facade imports the deprecated file itself, which
 *   `load` would answer with the facade again.
 */
export interface LoadPlan {
  /** Deprecated files (as the bundler names them: real path, `/`) whose load returns their rule's facade. */
  servedAtLoad: ReadonlyMap<string, Rule>;
  servedRules: ReadonlySet<Rule>;
  /** The `load` filter naming exactly those files; undefined when there are none. */
  loadFilter: RegExp | undefined;
  /** The rules whose imports `resolveId` still answers. */
  viaResolve: readonly Rule[];
}

/**
 * `separator`: how the bundler writes the ids `load`'s filter is tested on (Vite and Rolldown: `/` everywhere;
 * webpack: the platform's own). The map's keys are written with `/` whatever the platform.
 */
export async function planLoadServing(active: ActiveRules, isEntryPoint: (file: string) => boolean, mayForget: (rule: Rule) => Promise<boolean>, separator: PathSeparator = "/"): Promise<LoadPlan> {
  const servedAtLoad = new Map<string, Rule>();
  const servedRules = new Set<Rule>();
  const viaResolve: Rule[] = [];
  const { index } = active.matcher;
  const verdicts = await Promise.all(
    active.ruleSet.rules.map(async (rule) => {
      const file = rule.from.kind === "path" ? rule.from.file : undefined;
      if (active.report !== "off" || !file || isEntryPoint(file)) return false;
      if (index.moduleTarget(rule).key === rule.from.key || splitsModule(index, rule)) return false;
      return !(await mayForget(rule));
    }),
  );
  active.ruleSet.rules.forEach((rule, i) => {
    if (!verdicts[i] || rule.from.kind !== "path" || !rule.from.file) {
      viaResolve.push(rule);
      return;
    }
    servedRules.add(rule);
    const file = rule.from.file;
    // Vite and Rolldown name a module by its real path (symlinks followed), with `/` on every platform; webpack
    // by its real path too unless `resolve.symlinks` is off.
    for (const form of new Set([file, active.realFiles.get(file) ?? file])) servedAtLoad.set(form.split(path.sep).join("/"), rule);
  });
  const files = [...servedAtLoad.keys()];
  return { servedAtLoad, servedRules, loadFilter: files.length > 0 ? exactFiles(files, separator) : undefined, viaResolve };
}
