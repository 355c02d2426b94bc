import * as path from "node:path";
import type { ImportKind, OnLoadResult, OnResolveArgs, OnResolveResult, Plugin, PluginBuild } from "esbuild";
import { formatSummary } from "../plan/summary";
import { toPosix } from "../rules/module-paths";
import type { ModuleRef, Rule } from "../rules/types";
import type { Rewrite } from "../plan/types";
import { loadActiveRules, type ActiveRules } from "./active-rules";
import { facadeSource } from "../facade/facade";
import { validateAdapterOptions, type AdapterOptions } from "../rules/adapter-options";
import { explainMissingImports } from "./missing-imports";
import { rulesThatMayForget } from "./checked-rules";
import { ForgottenNames } from "./forgotten-names";
import { realPath } from "./real-path";
import { deprecatedImportMessage } from "../messages";
import { specifierFor } from "../plan/specifier";
import { toEsbuildMessage } from "./messages";
import { ExportsCache } from "./module-exports";
import { targetExportsOf } from "./target-exports";
import { watchRulesFromEntryPoints } from "./watch-rules";
import { matchImport } from "./match-import";
import { UnbundledFilter } from "./unbundled-filter";
import { entryPointTest, type EntryPointTest } from "./entry-points";
import { ORIGINAL_SUFFIX, planRedirects } from "./redirect-plan";
import { facadeModules, facadeSuffix, modulesAsked, modulesOfSuffix, splitsModule, splittingRules, withoutFacadeSuffix } from "./importer-facades";
import { FacadeMemo, RebuildMemo } from "./rebuild-memo";
import { RulesInputs } from "./rules-inputs";
import type * as Unbundled from "./unbundled";

/** `cwd` defaults to esbuild's `absWorkingDir`, else the process's working directory. */
export type SsotImportsOptions = AdapterOptions;

const FACADE_NAMESPACE = "ssot-imports-facade";
const ANY = ".*";

/** `esbuild.build({ plugins: [ssotImports()] })`: the same ssot-imports.json, applied while bundling. */
export function ssotImports(options: SsotImportsOptions = {}): Plugin {
  // A mistaken option fails the build as esbuild reports errors, like a mistaken rules file.
  const problems = validateAdapterOptions(options, "ssotImports()");
  if (problems.length > 0) return { name: "ssot-imports", setup: (build) => build.onStart(() => ({ errors: problems.map((text) => ({ text })) })) };
  return { name: "ssot-imports", setup: (build) => setup(build, options ?? {}) };
}

async function setup(build: PluginBuild, options: SsotImportsOptions): Promise<void> {
  const cwd = path.resolve(options.cwd ?? build.initialOptions.absWorkingDir ?? process.cwd());
  const load = () => {
    const inputs = new RulesInputs();
    return { ...loadActiveRules(options.rules, cwd, options.report, build.initialOptions.tsconfig, inputs), inputs, inline: inlineRules(options) };
  };
  // A rebuild keeps the last load (the same objects) while nothing it read has changed (rules-inputs.ts).
  const reload = (last: ReturnType<typeof load>) => (last.inline === inlineRules(options) && last.inputs.unchanged() ? last : load());
  const initial = load();
  let lastLoaded = initial;
  let active: ActiveRules | undefined = initial.active;
  let rulesFiles = initial.watchFiles;
  const bundle = build.initialOptions.bundle === true;
  // esbuild compiles filters once, at set-up; a later rules edit that needs other filters needs a restart.
  // Rules that fail to load at set-up give no filters to compile: then every specifier is let through and
  // tested in JavaScript instead, so a watching context recovers once the file is fixed.
  // Only a bundle redirects at load, and only a bundle needs to know which files are entry points.
  let isEntryPoint: EntryPointTest | undefined;
  const exportsCache = new ExportsCache(build);
  // A rule whose importers were checked since set-up stays checked once it is fixed: esbuild's filters stay
  // what they were at set-up, and a fixed rule still bundles right through `onResolve`.
  const checkedSinceSetUp = new Set<string>();
  let lastPlan: { rules: ActiveRules; forget: string; plan: ReturnType<typeof planRedirects> } | undefined;
  const planFor = async (rules: ActiveRules, atSetUp = false) => {
    isEntryPoint ??= entryPointTest(build.initialOptions, path.resolve(build.initialOptions.absWorkingDir ?? process.cwd()));
    const mayForget = await rulesThatMayForget(rules, exportsCache);
    // A rule that splits its module serves each importer its own facade (importer-facades.ts): it is resolved
    // importer by importer. Its importers' names need no check when its deprecated file says it forgot none.
    const splitting = splittingRules(rules.matcher.index, rules.ruleSet.rules);
    completeSplits = new Set(splitting.filter((rule) => !mayForget.has(rule) && rule.from.kind === "path" && rule.from.file));
    splitting.forEach((rule) => mayForget.add(rule));
    for (const rule of rules.ruleSet.rules) if (checkedSinceSetUp.has(rule.from.key)) mayForget.add(rule);
    if (atSetUp) mayForget.forEach((rule) => checkedSinceSetUp.add(rule.from.key));
    // The same rules and the same verdicts give the same plan: kept, so what was made from it stays valid too.
    const forget = [...mayForget].map((rule) => rule.index).sort((a, b) => a - b).join();
    if (lastPlan?.rules !== rules || lastPlan.forget !== forget) lastPlan = { rules, forget, plan: planRedirects(rules, isEntryPoint, initial.active !== undefined, mayForget) };
    return lastPlan.plan;
  };
  let completeSplits = new Set<Rule>();
  const setUpPlan = active && bundle ? await planFor(active, true) : undefined;
  let plan = setUpPlan;
  let rewritten: Array<{ rule: Rule; file: string }> = [];
  // Rules errors found while loading files (bundle: false) are reported once per build, not once per importer.
  const reported = new Set<string>();
  const ruleChecks = new Map<Rule, Promise<Unbundled.RuleCheck>>();

  // What each file's rewrite (or check) gave, kept across the rebuilds of a context while its inputs stay the same.
  const memo = new RebuildMemo();
  // Importers read only for their deprecated imports (a splitting rule's, importer-facades.ts), not checked.
  const lexedImporters = new RebuildMemo();
  const facades = new FacadeMemo();
  const forgottenNames = new ForgottenNames(build, exportsCache, ruleChecks, (file) => plan?.servedAtLoad.has(file) === true, { checked: memo, lexed: lexedImporters });

  // The first build uses the rules just loaded at set-up; every later one reloads them (the file may have changed).
  let preloaded: typeof initial | undefined = initial;
  let unbundledFiles: UnbundledFilter | undefined;
  build.onStart(async () => {
    forgottenNames.newBuild();
    rewritten = [];
    reported.clear();
    ruleChecks.clear();
    exportsCache.newBuild();
    const firstBuild = preloaded !== undefined;
    const loaded = preloaded ?? (lastLoaded = reload(lastLoaded));
    preloaded = undefined;
    active = loaded.active;
    rulesFiles = loaded.watchFiles;
    memo.newBuild(active);
    lexedImporters.newBuild(active);
    facades.newBuild(active);
    if (!active) return { errors: loaded.errors.map((d) => toEsbuildMessage(d)) };
    if (bundle) {
      // The first build runs on the rules the set-up plan was made from.
      plan = firstBuild && setUpPlan ? setUpPlan : await planFor(active);
      if (setUpPlan && plan.signature !== setUpPlan.signature) {
        const file = active.watchFiles[0] ?? "the ssot-imports rules";
        active = undefined;
        return { errors: [{ text: `${file} now redirects modules (or files) this esbuild context was not set up for, or a deprecated module now exports a name its SSOT module lacks; restart esbuild (plugin filters are fixed at set-up)` }] };
      }
    }
    prefetchTargetExports(active, exportsCache, targetExportsOf(build, exportsCache, active));
    if (!firstBuild) unbundledFiles?.dropTexts();
    const uncovered = firstBuild ? [] : (unbundledFiles?.uncovered(active.matcher) ?? []);
    const warnings = (active.ruleSet.warnings ?? []).map((d) => toEsbuildMessage(d));
    return { errors: uncovered, warnings };
  });

  if (bundle) {
    /** The suffix of the facade that serves one importer of a splitting rule; none for the rule's whole facade. */
    const importerFacadeSuffix = async (current: ActiveRules, rule: Rule, importer: string, specifier: string, kind: ImportKind, checked: boolean): Promise<string | undefined> => {
      const sites = await forgottenNames.sitesOf(current, importer, checked);
      const { index } = current.matcher;
      const modules = sites && (await modulesAsked(sites, rule, specifier, kind, index, targetExportsOf(build, exportsCache, current)));
      return modules && facadeSuffix(modules, (module) => facadePath(current, module));
    };
    const facadeFor = async (current: ActiveRules, rule: Rule, only?: ModuleRef[]): Promise<OnLoadResult> => {
      const { ruleSet, matcher } = current;
      const served = plan?.servedFiles;
      const importPathOf = (module: ModuleRef) => {
        if (module.kind === "bare") return module.written;
        const file = module.file ?? module.key;
        return served?.has(file) ? file + ORIGINAL_SUFFIX : file;
      };
      // A facade of some of the rule's modules (importer-facades.ts) is another text than the whole facade.
      const variant = only?.map((module) => module.key).join("\0") ?? "";
      return facades.load(rule, variant, plan, targetExportsOf(build, exportsCache, current), async (exportsOf) => {
        const { contents, errors } = await facadeSource(rule, { ruleSet, index: matcher.index, importPathOf, exportsOf, only });
        if (errors.length > 0) return { errors: errors.map((d) => toEsbuildMessage(d)), watchFiles: current.watchFiles };
        return { contents, loader: "js", resolveDir: ruleSet.baseDir, watchFiles: current.watchFiles };
      });
    };

    const resolveFilters = setUpPlan ? setUpPlan.resolveFilters : [ANY];
    const onResolve = async (args: OnResolveArgs): Promise<OnResolveResult | undefined> => {
      const current = active;
      if (!current || args.pluginData?.ssotImportsBypass || args.kind === "entry-point") return undefined;
      // The filters let through more than may match (and everything when the rules failed at set-up).
      if (!current.matcher.specifierMayMatch(args.path)) return undefined;
      const rule = await matchImport(build, current, args.path, args.importer, args.resolveDir, args.kind);
      // A module served at load is reached by esbuild's own resolution.
      if (!rule || plan?.servedRules.has(rule)) return undefined;
      // Imports reaching this callback may ask for a name the rule forgot: read their importer now, before
      // esbuild links (its own message would blame the deprecated module, or say nothing).
      const checksNames = plan?.checksImporters(rule) === true && !completeSplits.has(rule);
      const forgotten = checksNames ? await forgottenNames.in(current, args.importer) : [];
      if (forgotten.length > 0) return { errors: forgotten };
      rewritten.push({ rule, file: args.importer });
      const target = current.matcher.index.moduleTarget(rule);
      // The importer's names are not known here: the warning names the module it now gets, as it would write it.
      const replacement = specifierFor(target, toPosix(args.importer), args.path);
      const warnings = current.report === "warn" ? [{ text: `[${rule.label}] ${deprecatedImportMessage(args.path, rule, replacement)}` }] : [];
      const suffix = splitsModule(current.matcher.index, rule) ? await importerFacadeSuffix(current, rule, args.importer, args.path, args.kind, checksNames) : undefined;
      return { path: facadePath(current, rule.from), suffix, namespace: FACADE_NAMESPACE, watchFiles: current.watchFiles, warnings };
    };
    for (const filter of resolveFilters ?? []) build.onResolve({ filter: new RegExp(filter), namespace: "file" }, onResolve);
    build.onLoad({ filter: /.*/, namespace: FACADE_NAMESPACE }, async (args) => {
      const current = active;
      const rule = current && current.matcher.index.ruleFor(facadeKey(current, args.path));
      if (!current || !rule) return { errors: [{ text: `ssot-imports: no rule deprecates ${args.path} any more; rebuild` }] };
      const only = modulesOfSuffix(args.suffix, facadeModules(current.matcher.index, rule), (label) => facadeKey(current, label));
      return facadeFor(current, rule, only);
    });
    if (setUpPlan?.loadFilter) {
      build.onLoad({ filter: setUpPlan.loadFilter, namespace: "file" }, async (args) => {
        const current = active;
        const rule = plan?.servedAtLoad.get(args.path);
        if (!current || !rule || args.suffix === ORIGINAL_SUFFIX) return undefined;
        return facadeFor(current, rule);
      });
    }
  } else {
    unbundledFiles = new UnbundledFilter(build, active?.matcher);
    // Loaded at the first file that needs it, while esbuild is already at work on the others (set-up time
    // delays the whole build): the lexer, the planner and magic-string, which a bundling build never uses.
    let rewriteUnbundled: typeof Unbundled.rewriteUnbundled | undefined;
    build.onLoad({ filter: unbundledFiles.filter, namespace: "file" }, (args) => {
      const current = active;
      if (!current) return undefined;
      const rewrite = (rewriteUnbundled ??= (require("./unbundled") as typeof Unbundled).rewriteUnbundled);
      const hooks = {
        exportsOf: targetExportsOf(build, exportsCache, current),
        onRewrite: (r: Rewrite) => rewritten.push(r),
        reported,
        ruleChecks,
        preread: (file: string) => unbundledFiles?.takeText(file),
      };
      return memo.load(build, current, args.path, hooks, (recording, recorded) => rewrite(recording, current, args, recorded));
    });
  }

  watchRulesFromEntryPoints(build, () => active?.watchFiles ?? rulesFiles);

  build.onEnd((result) => {
    if (active?.report === "summary") console.log(formatSummary(active.ruleSet, rewritten));
    if (!bundle || !active) return undefined;
    const current = active;
    // esbuild shows paths relative to its working folder; the rules name files by their real path.
    const shownFrom = build.initialOptions.absWorkingDir ?? process.cwd();
    const workingDir = realPath(shownFrom) ?? shownFrom;
    explainMissingImports(result.errors, current, workingDir, (facade) => current.matcher.index.ruleFor(facadeKey(current, facade)));
    return undefined;
  });
}

/** Rules given inline, as they are now: the user's object may change between rebuilds. */
function inlineRules(options: SsotImportsOptions): string | undefined {
  return options.rules !== undefined && typeof options.rules !== "string" ? JSON.stringify(options.rules) : undefined;
}

/**
 * A virtual facade's name, which esbuild prints in the bundle (module comments, source maps): relative to the
 * rules file's folder, so the same project bundles to the same bytes on every machine.
 */
function facadePath(active: ActiveRules, module: ModuleRef): string {
  if (module.kind === "bare") return module.key;
  // Asked again for every import of a splitting rule and each module of its facade (~200 times for the bench's
  // 53 imports): path.relative walks both paths a character at a time, enough calls to get V8 optimizing it.
  let paths = facadePaths.get(active);
  if (!paths) facadePaths.set(active, (paths = new Map()));
  let shown = paths.get(module.key);
  if (shown === undefined) {
    const relative = path.posix.relative(toPosix(active.ruleSet.baseDir), module.key);
    shown = relative.startsWith("../") ? relative : `./${relative}`;
    paths.set(module.key, shown);
  }
  return shown;
}
const facadePaths = new WeakMap<ActiveRules, Map<string, string>>();

/** The rule key a facade name stands for (the inverse of facadePath; an importer's suffix dropped). */
function facadeKey(active: ActiveRules, shown: string): string {
  const facade = withoutFacadeSuffix(shown);
  return facade.startsWith("./") || facade.startsWith("../") ? path.posix.join(toPosix(active.ruleSet.baseDir), facade) : facade;
}

/**
 * Facades need their targets' exports; asking for them as the build starts lets that probe build run while
 * esbuild parses, instead of each facade waiting for its own. Failures surface where the facade awaits them.
 */
function prefetchTargetExports(active: ActiveRules, cache: ExportsCache, exportsOf: ReturnType<typeof targetExportsOf>): void {
  const { index } = active.matcher;
  const files = new Set<string>();
  for (const rule of active.ruleSet.rules) {
    const targets = [index.moduleTarget(rule), ...index.listedNames(rule).map((name) => index.symbolTarget(rule, name)?.module)];
    for (const module of targets) {
      if (module?.kind === "path" && module.file) files.add(module.file);
      else if (module) exportsOf(module).catch(() => undefined); // a package: resolved by esbuild first
    }
  }
  try {
    cache.prefetch(files);
  } catch {
    // A target that cannot be read now is asked again, and reported, by the facade that needs it.
  }
}
