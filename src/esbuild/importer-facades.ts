import type { ImportKind } from "esbuild";
import { exportStatus, type ExportsOf } from "../facade/export-status";
import type { MatchedSite } from "../plan/plan-file";
import type { RuleIndex } from "../rules/targets";
import type { ModuleRef, Rule } from "../rules/types";
import { importUseOf } from "../scan/import-use";
import type { ImportSite } from "../scan/types";

/**
 * A rule that *splits* a module (sends some names to another module than its module target) cannot be served
 * one facade for all importers: a facade that re-exports every destination loads every one of them, so an
 * importer that asks only for a split name would also evaluate the module target (or the kept deprecated file),
 * whose top-level code the hand-migrated program never runs. Such a rule is resolved importer by importer
 * instead: the importer is read once per build (the read that checks names the rules forgot), and gets a facade
 * built from the modules its names come from, in the order its migrated statements would load them. Rules
 * without splits (the common case) keep one facade, served where esbuild loads the deprecated file.
 */

const splitting = new WeakMap<Rule, boolean>();

/** True when some name of the rule (along its chain) ends up in another module than the module target. */
export function splitsModule(index: RuleIndex, rule: Rule): boolean {
  let splits = splitting.get(rule);
  if (splits === undefined) {
    const target = index.moduleTarget(rule);
    splits = index.listedNames(rule).some((name) => {
      const destination = index.symbolTarget(rule, name);
      return destination !== undefined && destination.module.key !== target.key;
    });
    splitting.set(rule, splits);
  }
  return splits;
}

/** The rules of a rule set that split a module. */
export function splittingRules(index: RuleIndex, rules: readonly Rule[]): Rule[] {
  return rules.filter((rule) => splitsModule(index, rule));
}

/** The esbuild import kind a site reaches `onResolve` with. */
function kindOf(site: ImportSite): ImportKind | undefined {
  if (site.kind === "mock" || site.kind === "import-type" || site.kind === "augmentation") return undefined; // never resolved by a bundle
  const use = importUseOf(site);
  return use === "require" ? "require-call" : use === "import" ? "dynamic-import" : "import-statement";
}

interface AskedName {
  name: string;
  /** Written as a type (`import type`, `{ type X }`): esbuild drops it, and its migrated import too. */
  typeOnly: boolean;
}

/**
 * What one import reads of its module: names, the module target alone (a side-effect import, an unused
 * `require()`), or the whole module (`export *`, a namespace object used otherwise than by `ns.member`).
 */
function askedBy(site: ImportSite): AskedName[] | "target" | "whole" | undefined {
  const names = (list: ReadonlyArray<{ name: string }>, typeOnly = false) => list.map(({ name }) => ({ name, typeOnly }));
  switch (site.kind) {
    case "import":
    case "export": {
      if (site.exportStar) return "whole";
      const bindings = [...(site.defaultBinding ? [site.defaultBinding] : []), ...(site.named ?? [])].map((b) => ({ name: b.imported, typeOnly: b.typeOnly || site.typeOnly }));
      if (site.namespace) {
        if (!site.namespace.members) return "whole";
        const asked = [...bindings, ...names(site.namespace.members, site.typeOnly)];
        return asked.length > 0 ? asked : "target";
      }
      return bindings.length > 0 ? bindings : "target";
    }
    case "import-equals":
      if (!site.namespace.members) return "whole";
      return site.namespace.members.length > 0 ? names(site.namespace.members, site.typeOnly) : "target";
    case "require":
    case "dynamic-import": {
      const usage = site.usage;
      if (usage.kind === "unused") return "target";
      if (usage.kind === "destructured") return usage.bindings.map((b) => ({ name: b.imported, typeOnly: b.typeOnly }));
      if (usage.kind === "member") return names([usage.member]);
      if (usage.kind === "namespace" && usage.namespace.members) return usage.namespace.members.length > 0 ? names(usage.namespace.members) : "target";
      return "whole";
    }
    default:
      return undefined;
  }
}

/**
 * The modules that one importer's imports of `specifier` (of one import kind: esbuild resolves each once per
 * file and kind) load once migrated, in the order the migrated statements load them: per import, the module
 * target's statement first (it stays in place), then the split ones in order of first appearance, as the
 * planner writes them. A name that is only a type there is left out: esbuild drops an import of types only.
 * Undefined when some import reads the whole module, or none of the file's imports could be found: the whole
 * facade then.
 */
export async function modulesAsked(
  sites: readonly MatchedSite[],
  rule: Rule,
  specifier: string,
  kind: ImportKind,
  index: RuleIndex,
  exportsOf: ExportsOf,
): Promise<ModuleRef[] | undefined> {
  const target = index.moduleTarget(rule);
  const loaded = new Map<string, ModuleRef>();
  // Every module, types included: what esbuild keeps when it keeps type-only imports (a JavaScript importer,
  // `verbatimModuleSyntax`); used when no value is asked at all, yet esbuild resolved the import.
  const written = new Map<string, ModuleRef>();
  let found = false;
  for (const { site, rule: matched } of sites) {
    if (matched !== rule || site.specifier.value !== specifier || kindOf(site) !== kind) continue;
    const asked = askedBy(site);
    if (asked === undefined) continue;
    if (asked === "whole") return undefined;
    found = true;
    if (asked === "target") {
      loaded.set(target.key, target);
      continue;
    }
    const values: ModuleRef[] = [];
    const all: ModuleRef[] = [];
    for (const { name, typeOnly } of asked) {
      const destination = index.symbolTarget(rule, name);
      if (!destination) continue; // a cycle, refused by the rules loader
      all.push(destination.module);
      // A name missing there is one the rules forgot: the importer's read refuses it before this facade is built.
      if (!typeOnly && !["type", "missing"].includes(await exportStatus(exportsOf, destination))) values.push(destination.module);
    }
    for (const module of targetFirst(values, target)) loaded.set(module.key, module);
    for (const module of targetFirst(all, target)) written.set(module.key, module);
  }
  if (!found) return undefined;
  return [...(loaded.size > 0 ? loaded : written).values()];
}

function targetFirst(modules: readonly ModuleRef[], target: ModuleRef): ModuleRef[] {
  const distinct = [...new Map(modules.map((m) => [m.key, m])).values()];
  const at = distinct.findIndex((m) => m.key === target.key);
  return at <= 0 ? distinct : [distinct[at], ...distinct.slice(0, at), ...distinct.slice(at + 1)];
}

/**
 * Every module a rule's facade may import, by key: what a facade's suffix names (`?from=…`) is looked up here,
 * so a stale name (rules edited between builds) can only drop a module, never name an arbitrary one.
 */
export function facadeModules(index: RuleIndex, rule: Rule): Map<string, ModuleRef> {
  const modules = new Map<string, ModuleRef>();
  const target = index.moduleTarget(rule);
  modules.set(target.key, target);
  for (const name of index.listedNames(rule)) {
    const destination = index.symbolTarget(rule, name);
    if (destination) modules.set(destination.module.key, destination.module);
  }
  return modules;
}

const SUFFIX = "?from=";

/**
 * The suffix that names an importer-specific facade, after the deprecated module's facade name: the modules it
 * loads, in order, each as the rules file's folder sees it (`?from=./src/extra,./src/ssot`), so a bundle names
 * the same facade the same on every machine, and importers that ask for the same modules share one facade.
 */
export function facadeSuffix(modules: readonly ModuleRef[], labelOf: (module: ModuleRef) => string): string {
  return SUFFIX + modules.map((m) => labelOf(m).replace(/%/g, "%25").replace(/,/g, "%2C")).join(",");
}

/** The modules a facade suffix names (the inverse of facadeSuffix); undefined for the rule's whole facade. */
export function modulesOfSuffix(suffix: string, candidates: ReadonlyMap<string, ModuleRef>, keyOf: (label: string) => string): ModuleRef[] | undefined {
  if (!suffix.startsWith(SUFFIX)) return undefined;
  const labels = suffix.slice(SUFFIX.length).split(",").map(decodeURIComponent);
  const modules = labels.flatMap((label) => candidates.get(keyOf(label)) ?? []);
  // Only a name from before a rules edit names no module of the rule now: the whole facade, never an empty one.
  return modules.length > 0 ? modules : undefined;
}

/** A facade's name as esbuild shows it (in messages, the metafile) without its suffix. */
export function withoutFacadeSuffix(shown: string): string {
  const at = shown.indexOf(SUFFIX);
  return at < 0 ? shown : shown.slice(0, at);
}
