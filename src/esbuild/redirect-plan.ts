import * as path from "node:path";
import type { Rule } from "../rules/types";
import type { ActiveRules } from "./active-rules";
import type { EntryPointTest } from "./entry-points";
import { exactFiles } from "./file-filter";

/**
 * How a bundle reaches each facade. Every import that esbuild resolves itself costs nothing, and every import
 * that crosses into an `onResolve` callback costs a round trip between Go and JavaScript (hundreds in a large
 * tree mid-migration). So a deprecated module whose file still exists is served where it is loaded: esbuild
 * resolves every import of it as usual, and `onLoad` of that one file returns the facade, one round trip per
 * module whatever the number of importers. Only what loading cannot see goes through `onResolve`:
 * - a deleted module (nothing to load: its imports would fail to resolve),
 * - a bare `from`, matched as written (loading would also catch other specifiers reaching the same file),
 * - a module that is itself an entry point (compiled as it is, not replaced),
 * - every rule when imports are reported (`warn`, `summary`): only `onResolve` knows the importer,
 * - a rule that may have forgotten a name (see checked-rules.ts): its importers are read before esbuild links,
 * - and a rule that splits its module: each importer gets a facade of its own (importer-facades.ts).
 */
export interface RedirectPlan {
  /** Files whose load is answered with their rule's facade, as esbuild reports them (real path, native separators). */
  servedAtLoad: ReadonlyMap<string, Rule>;
  /** The rules served at load, and their files as the rules name them. */
  servedRules: ReadonlySet<Rule>;
  servedFiles: ReadonlySet<string>;
  /** The `onLoad` filter naming exactly those files; undefined when there are none. */
  loadFilter: RegExp | undefined;
  /** The `onResolve` filter sources for the other rules (Matcher.specifierFilters); undefined when no rule needs one. */
  resolveFilters: string[] | undefined;
  /**
   * The rules whose importers are read before esbuild links, for names the rules forgot: those that may forget
   * one (checked-rules.ts), and those whose deprecated module has no file to ask (deleted, or a package).
   */
  checksImporters(rule: Rule): boolean;
  /** Equal for two plans exactly when a context set up for one can carry out the other. */
  signature: string;
}

/** A facade's import of a file that is served at load reads the file itself: esbuild strips the suffix. */
export const ORIGINAL_SUFFIX = "?ssot-imports-original";

export function planRedirects(active: ActiveRules, entryPoints: EntryPointTest, serveAtLoad: boolean, mayForget: ReadonlySet<Rule>): RedirectPlan {
  const servedAtLoad = new Map<string, Rule>();
  const servedRules = new Set<Rule>();
  const servedFiles = new Set<string>();
  const viaResolve: Rule[] = [];
  const loadAllowed = serveAtLoad && active.report === "off";
  for (const rule of active.ruleSet.rules) {
    const file = rule.from.kind === "path" ? rule.from.file : undefined;
    if (!loadAllowed || !file || entryPoints(file) || mayForget.has(rule)) {
      viaResolve.push(rule);
      continue;
    }
    servedRules.add(rule);
    servedFiles.add(file);
    // esbuild reports the real path (symlinks followed) with the platform's separators.
    for (const form of new Set([file, active.realFiles.get(file) ?? file])) servedAtLoad.set(form.split("/").join(path.sep), rule);
  }
  const files = [...servedAtLoad.keys()].sort();
  const loadFilter = files.length > 0 ? exactFiles(files) : undefined;
  const resolveFilters = viaResolve.length > 0 ? active.matcher.specifierFiltersFor(viaResolve) : undefined;
  const checksImporters = (rule: Rule) => mayForget.has(rule) || !(rule.from.kind === "path" && rule.from.file);
  return { servedAtLoad, servedRules, servedFiles, loadFilter, resolveFilters, checksImporters, signature: JSON.stringify([files, resolveFilters ?? null]) };
}
