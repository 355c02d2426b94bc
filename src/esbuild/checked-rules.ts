import type { Rule } from "../rules/types";
import type { ActiveRules } from "./active-rules";
import type { ExportsCache } from "./module-exports";

/**
 * The rules whose importers a bundle must read before esbuild links: those that may have forgotten a name. A
 * deprecated file that exports a value its SSOT module does not, and that the rule's `symbols` does not map, can
 * be asked for that name, and esbuild alone would then blame the deprecated file on stderr (or, for `ns.name`,
 * `export { name } from` in TypeScript and `import()`, say nothing and write a broken bundle). Every other rule
 * (the common case) keeps being served at load, with no round trip per importer.
 *
 * Asked of esbuild (one probe build for all the files, shared with the facades through the cache). Only path
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
  try {
    cache.prefetch(candidates.flatMap((c) => [c.deprecated, c.target]));
  } catch {
    // A file that cannot be read now is asked again, and reported, where it is needed.
  }
  const mayForget = new Set<Rule>();
  await Promise.all(
    candidates.map(async ({ rule, deprecated, target }) => {
      const [before, after] = await Promise.all([cache.of(deprecated).catch(() => undefined), cache.of(target).catch(() => undefined)]);
      if (!before?.exact || !after?.exact) return;
      const listed = new Set(index.listedNames(rule));
      if ([...before.values].some((name) => !listed.has(name) && !after.values.has(name))) mayForget.add(rule);
    }),
  );
  return mayForget;
}
