import * as fs from "node:fs";
import type { Rule } from "../rules/types";
import type { ActiveRules } from "./active-rules";
import { declaredValueExports } from "./declared-exports";
import type { ExportsCache } from "./module-exports";

/**
 * The rules whose importers a bundle must read before esbuild links: those that may have forgotten a name. A
 * deprecated file that exports a value its SSOT module does not, and that the rule's `symbols` does not map, can
 * be asked for that name, and esbuild alone would then blame the deprecated file on stderr (or, for `ns.name`,
 * `export { name } from` in TypeScript and `import()`, say nothing and write a broken bundle). Every other rule
 * (the common case) keeps being served at load, with no round trip per importer.
 *
 * The deprecated file's names are read from its text when that reading is certain (declared-exports.ts), else
 * asked of esbuild; the targets' always are (one probe build, shared with the facades through the cache). Only path
 * targets are known here: `build.resolve` is not available while the plugin is set up, so a package target's
 * exports are not checked (docs/esbuild.md, limits). A CommonJS module's exports exist only at run time: not
 * checked either, as in every adapter.
 */
export async function rulesThatMayForget(active: ActiveRules, cache: ExportsCache): Promise<Set<Rule>> {
  const { index } = active.matcher;
  const candidates = active.ruleSet.rules.flatMap((rule) => {
    const deprecated = rule.from.kind === "path" ? rule.from.file : undefined;
    const target = index.moduleTarget(rule);
    // A split rule (no module-level `to`) leaves every unlisted name where it is: nothing to forget.
    if (!deprecated || target.key === rule.from.key || target.kind !== "path" || !target.file) return [];
    return [{ rule, deprecated, target: target.file }];
  });
  if (candidates.length === 0) return new Set();
  // The targets (symbol targets too) are asked in one probe build, which the facades then share: they need them all.
  prefetch(cache, [...candidates.map((c) => c.target), ...symbolTargetFiles(active)]);
  const judged = await Promise.all(
    candidates.map(async ({ rule, deprecated, target }) => {
      const after = await cache.of(target).catch(() => undefined);
      if (!after?.exact) return { rule, verdict: false as const };
      const listed = new Set(index.listedNames(rule));
      const covered = (name: string) => listed.has(name) || after.values.has(name);
      // Read from the text when it says for certain: then esbuild need not compile the deprecated file at all.
      const text = readText(deprecated);
      if (text === undefined) return { rule, verdict: false as const }; // as esbuild failing to read it
      const declared = declaredValueExports(text);
      if (declared && [...declared].every(covered)) return { rule, verdict: false as const };
      return { rule, verdict: { deprecated, covered } };
    }),
  );
  const unsure = judged.flatMap(({ verdict }) => (verdict ? [verdict.deprecated] : []));
  if (unsure.length > 0) prefetch(cache, unsure);
  const mayForget = new Set<Rule>();
  await Promise.all(
    judged.map(async ({ rule, verdict }) => {
      if (!verdict) return;
      const before = await cache.of(verdict.deprecated).catch(() => undefined);
      if (before?.exact && [...before.values].some((name) => !verdict.covered(name))) mayForget.add(rule);
    }),
  );
  return mayForget;
}

function symbolTargetFiles(active: ActiveRules): string[] {
  const { index } = active.matcher;
  return active.ruleSet.rules.flatMap((rule) =>
    index.listedNames(rule).flatMap((name) => {
      const module = index.symbolTarget(rule, name)?.module;
      return module?.kind === "path" && module.file ? [module.file] : [];
    }),
  );
}

function prefetch(cache: ExportsCache, files: string[]): void {
  try {
    cache.prefetch(files);
  } catch {
    // A file that cannot be read now is asked again, and reported, where it is needed.
  }
}

/** Unreadable now: reported where the file is needed, as when esbuild's probe fails to read it. */
function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
