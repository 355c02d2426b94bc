import * as path from "node:path";
import type * as TS from "typescript";
import MagicString from "magic-string";
import type * as Unplugin from "unplugin" with { "resolution-mode": "import" };
import type { UnpluginBuildContext, UnpluginContext, UnpluginOptions } from "unplugin" with { "resolution-mode": "import" };
import { rewriteMockCalls } from "../core";
import type { SsotDiagnostic } from "../diagnostic";
import { facadeSource } from "../facade/facade";
import { formatSummary } from "../plan/summary";
import { validateAdapterOptions, type AdapterOptions } from "../rules/adapter-options";
import type { ModuleRef, Rule } from "../rules/types";
import { loadActiveRules, type ActiveRules } from "../esbuild/active-rules";
import { facadeId, facadeKey, fileOfId, FACADE_ID } from "./facade-ids";
import { TargetExports } from "./exports-of";
import { THROWN_PREFIX, toRollupError, toThrown } from "./errors";
import { ForgottenNames } from "./forgotten-names";
import { compilerResolve, type Resolve, type WebpackLikeResolverHost } from "./compiler-resolver";
import { withPackageTargets } from "./package-targets";
import { hookFilters, type HookFilters } from "./hook-filters";
import { mockCallsMayBeIn } from "./mock-prefilter";
import { viteHooks } from "./vite-hooks";
import { planLoadServing, type LoadPlan } from "./load-plan";
import { entryPointTest } from "./entry-point-test";
import { prefilterResolveRequests } from "./webpack-resolve-prefilter";
import { webpackEntryPoints } from "./webpack-entry-points";
import type { PathSeparator } from "../esbuild/file-filter";

/** The options of every unplugin-based entry point: those of the esbuild plugin. */
export type SsotImportsOptions = AdapterOptions;

type Context = UnpluginBuildContext & Partial<UnpluginContext> & { resolve?: (id: string, importer?: string, options?: { skipSelf?: boolean }) => Promise<{ id: string; external?: boolean | string } | null> };

// unplugin ships only ES modules; Node ≥ 20.19 (unplugin's own floor) loads them with `require`. Not bundled:
// its webpack and Rspack loaders are files it hands to the bundler by path.
const { createUnplugin } = require("unplugin") as typeof Unplugin;

/** What webpack and Rspack share, as far as errors go: something iterable (see stoppedByUs). */
type CompilationErrors = { errors: Iterable<{ message?: string } | undefined> };
/**
 * Iterated, not `.some()`: Rspack's `compilation.errors` is a Proxy over an empty array that overrides the
 * iterator and some methods (not `some`), so `Array.prototype.some` sees no element and the guard never fired.
 */
const stoppedByUs = (compilation: CompilationErrors) => {
  for (const error of compilation.errors) if (String(error?.message).includes(THROWN_PREFIX)) return true;
  return false;
};

interface WebpackLikeCompiler {
  webpack: { WebpackError: new (message: string) => Error };
  options: { context?: string; entry?: unknown; resolve: { plugins?: unknown[] } };
  hooks: {
    beforeRun: { tapPromise(name: string, hook: () => Promise<void>): void };
    watchRun: { tapPromise(name: string, hook: () => Promise<void>): void };
    afterCompile: { tap(name: string, hook: (compilation: { warnings: Error[] }) => void): void };
    shouldEmit?: { tap(name: string, hook: (compilation: CompilationErrors) => false | undefined): void };
  };
}

/**
 * One plugin definition for Vite, Rollup, Rolldown, webpack and Rspack. A deprecated module is replaced by its
 * facade (the module the esbuild plugin serves too), so every import form keeps working and tree shaking sees
 * through plain re-exports; mock calls are rewritten in the text, since a mock of the facade would reach no
 * importer of the SSOT module.
 */
export const unplugin = createUnplugin<SsotImportsOptions | undefined>((options = {}, meta) => {
  const problems = validateAdapterOptions(options, "ssotImports()");
  const rollupLike = meta.framework === "rollup" || meta.framework === "vite" || meta.framework === "rolldown";
  let cwd = path.resolve(options.cwd ?? process.cwd());
  let loaded: ReturnType<typeof loadActiveRules> | undefined;
  // Rules loaded since the last build started serve the next build as they are: a first build would otherwise
  // read them three times (plugin creation, Vite's config or webpack's apply, buildStart). A rebuild reloads.
  let loadedSinceBuildStart = false;
  const current = () => {
    if (!loaded) {
      loaded = loadActiveRules(options.rules, cwd, options.report);
      loadedSinceBuildStart = true;
    }
    return loaded;
  };
  const reload = () => {
    loaded = undefined;
    return current();
  };
  const forBuild = () => {
    const state = loadedSinceBuildStart ? current() : reload();
    loadedSinceBuildStart = false;
    return state;
  };
  /** The bundler's project root as the default `cwd`: rules already loaded from there stay. */
  const useRoot = (root: string) => {
    const next = options.cwd ? cwd : path.resolve(root);
    if (next !== cwd) loaded = undefined;
    cwd = next;
  };
  const targets = new TargetExports(typescript);
  const forgottenNames = new ForgottenNames(targets, typescript);
  // webpack's and Rspack's own resolver, for package specifiers (their hooks have no `this.resolve`).
  let resolveWithCompiler: Resolve | undefined;
  // webpack's resolver hooks have no way to warn: their warnings join the compilation's once it is compiled.
  let webpackWarnings: string[] = [];
  const reportInCompilation = (compiler: WebpackLikeCompiler) => {
    compiler.hooks.afterCompile.tap("ssot-imports", (compilation) => {
      for (const text of webpackWarnings) compilation.warnings.push(new compiler.webpack.WebpackError(text));
      webpackWarnings = [];
    });
    // Development mode emits despite errors (emitOnErrors): a build our error stopped must write nothing. Else
    // `undefined`, not `true`: shouldEmit is a bail hook, and `true` would skip the taps after ours, webpack's
    // NoEmitOnErrorsPlugin among them (a production build with another error would then write).
    compiler.hooks.shouldEmit?.tap("ssot-imports", (compilation) => (stoppedByUs(compilation) ? false : undefined));
  };
  // Keyed by importer and specifier: webpack may resolve the same import more than once.
  let rewritten = new Map<string, { rule: Rule; file: string }>();
  // Vite's build and webpack: which deprecated files are served where they are loaded (load-plan.ts), the
  // entry points they are planned against, and the rules they were planned for. The dev server (Vitest too)
  // resolves every import, as it tests no filters.
  let loadPlan: LoadPlan | undefined;
  let entryPoints: string[] | undefined;
  let plannedFor: ActiveRules | undefined;
  const separator: PathSeparator = meta.framework === "webpack" ? (path.sep as PathSeparator) : "/";
  const planLoads = async (active: ActiveRules, entries: string[]) => {
    plannedFor = active;
    return planLoadServing(active, entryPointTest(entries), (rule) => forgottenNames.mayForget(active, rule), separator);
  };

  /** Rules (or options) that cannot be used stop the build, located where the mistake is. */
  const fail = (_context: Context, diagnostics: readonly SsotDiagnostic[]): never => {
    throw rollupLike ? toRollupError(diagnostics) : toThrown(diagnostics);
  };
  const rulesOf = (context: Context): ActiveRules => {
    if (problems.length > 0) fail(context, problems.map((message) => ({ severity: "error", file: "ssotImports()", line: 1, column: 1, message })));
    const state = current();
    if (!state.active) return fail(context, state.errors);
    return state.active;
  };

  // The hooks as objects of their own, so that their filters can be set once the rules are known (see fixFilters).
  const resolveIdHook: { filter?: HookFilters["resolveId"]; handler(this: Context, id: string, importer: string | undefined): Promise<string | null> } = {
    async handler(this: Context, id: string, importer: string | undefined) {
      if (!importer || FACADE_ID.test(importer)) return null;
      const active = rulesOf(this);
      const { matcher } = active;
      if (!matcher.specifierMayMatch(id)) return null;
      const from = fileOfId(importer);
      let rule = matcher.matchWithoutResolving(id, from);
      if (rule === "resolve") {
        // Packages and aliases: the bundler's own resolution says where they lead (webpack's and Rspack's
        // resolver asked directly); unresolved, tsconfig aliases are still followed by the matcher.
        const resolved = this.resolve ? await this.resolve(id, importer, { skipSelf: true }) : ((await resolveWithCompiler?.(id, importer)) ?? null);
        rule = matcher.matchResolved(id, from, resolved && !resolved.external ? fileOfId(resolved.id) : undefined);
      }
      // A module served at load is reached by the bundler's own resolution.
      if (!rule || loadPlan?.servedRules.has(rule)) return null;
      // A name the rule forgot stops the build at the importer, in the core's words (forgotten-names.ts).
      const forgotten = await forgottenNames.check(active, rule, from, id);
      if (forgotten) return fail(this, [forgotten]);
      rewritten.set(`${from}\0${id}`, { rule, file: from });
      // The esbuild plugin's words; the importer's line is not known here, only its file.
      if (active.report === "warn") {
        const message = `"${id}" is deprecated; bundled from ${active.matcher.index.moduleTarget(rule).written} [${rule.label}]`;
        if (rollupLike) this.warn?.({ message, id: from });
        else webpackWarnings.push(`${from}: ${message}`);
      }
      return facadeId(active.ruleSet, rule);
    },
  };
  const transformHook: { filter?: HookFilters["transform"]; handler(this: Context, code: string, id: string): { code: string; map: ReturnType<MagicString["generateMap"]> } | null } = {
    handler(this: Context, code: string, id: string) {
      const active = rulesOf(this);
      if (!active.matcher.fileMayMatch(code)) return null;
      const needsParser = active.ruleSet.options.mockFunctions.some((callee) => code.includes(callee));
      if (!needsParser) return null;
      const file = fileOfId(id);
      // Only now: loading TypeScript costs ~0.3 s, and a file that merely imports a deprecated module needs none.
      const ts = typescript();
      if (!ts) return fail(this, [{ severity: "error", file, line: 1, column: 1, message: "this file mocks modules, which ssot-imports reads with TypeScript's parser: install typescript" }]);
      const result = rewriteMockCalls(ts, active.matcher, file, code);
      if (!result) return null;
      if (result.plan.diagnostics.length > 0) return fail(this, result.plan.diagnostics);
      const edited = new MagicString(code);
      for (const edit of result.plan.edits) edited.overwrite(edit.start, edit.end, edit.text);
      return { code: edited.toString(), map: edited.generateMap({ hires: true, source: file, includeContent: true }) };
    },
  };
  /**
   * A build tests the filters natively (Rolldown, and Vite's build on it, in Rust) from when it starts, so a
   * rules edit in watch mode that needs other filters needs a restart, as for esbuild. The dev server (Vitest
   * too) tests hooks in JavaScript anyway: there the hooks decide, and rules edits apply in full.
   */
  let fixedSignature: string | undefined;
  const fixFilters = (serving = false) => {
    const filters = hookFilters(serving ? undefined : current().active, serving ? undefined : loadPlan);
    resolveIdHook.filter = filters.resolveId;
    // webpack reads `load`'s filter once, as the compiler is created (webpack probes the module rules then),
    // before the plan exists: there `loadInclude` tests the plan's filter instead, when it is asked.
    loadHook.filter = meta.framework === "webpack" ? undefined : filters.load;
    transformHook.filter = filters.transform;
    fixedSignature = serving || !current().active ? undefined : filters.signature;
  };

  /** The facade of a rule, as Vite's build serves it at a facade id or at the deprecated file's own id. */
  const facadeOf = async (context: Context, active: ActiveRules, rule: Rule) => {
    for (const file of active.watchFiles) context.addWatchFile(file);
    const importPathOf = (module: ModuleRef) => (module.kind === "bare" ? module.written : (module.file ?? module.key));
    // A package target is resolved as an import written beside the rules file would be.
    const besideRules = path.join(active.ruleSet.baseDir, "ssot-imports.json");
    const resolve = async (specifier: string) => {
      const resolved = context.resolve ? await context.resolve(specifier, besideRules, { skipSelf: true }) : await resolveWithCompiler?.(specifier, besideRules);
      return resolved && !resolved.external ? fileOfId(resolved.id) : undefined;
    };
    // The facade is made from its targets' exports: in watch mode, an edit of a target must make it again.
    const exportsOf = withPackageTargets(async (module) => {
      if (module.kind === "path" && module.file) context.addWatchFile(module.file);
      return targets.exportsOf(module);
    }, resolve);
    const { contents, errors } = await facadeSource(rule, { ruleSet: active.ruleSet, index: active.matcher.index, importPathOf, exportsOf });
    if (errors.length > 0) return fail(context, errors);
    return { code: contents, map: null };
  };
  const loadHook: { filter?: HookFilters["load"]; handler(this: Context, id: string): Promise<{ code: string; map: null } | null> } = {
    async handler(this: Context, id: string) {
      const active = rulesOf(this);
      if (!FACADE_ID.test(id)) {
        // A deprecated file served at load; with a query (`?raw`, `?url`) it is not imported as a module.
        const rule = id.includes("?") ? undefined : loadPlan?.servedAtLoad.get(separator === "/" ? id : id.split(separator).join("/"));
        return rule ? facadeOf(this, active, rule) : null;
      }
      const key = facadeKey(active.ruleSet, id);
      if (key === undefined) return null;
      const rule = active.matcher.index.ruleFor(key);
      if (!rule) return fail(this, [{ severity: "error", file: active.ruleSet.file, line: 1, column: 1, message: `no rule deprecates ${id.slice(1)} any more; rebuild` }]);
      return facadeOf(this, active, rule);
    },
  };
  fixFilters();

  const plugin: UnpluginOptions = {
    name: "ssot-imports",
    // Mock calls are rewritten before Vitest hoists them, and before any other transform reads them.
    enforce: "pre",

    async buildStart(this: Context) {
      rewritten = new Map();
      forgottenNames.forget();
      const state = forBuild();
      for (const file of state.watchFiles) this.addWatchFile(file);
      const active = rulesOf(this);
      // Rules reloaded for a rebuild are planned again: the plan holds their rule objects.
      if (loadPlan && entryPoints && plannedFor !== active) loadPlan = await planLoads(active, entryPoints);
      if (fixedSignature !== undefined && hookFilters(state.active, loadPlan).signature !== fixedSignature) {
        fail(this, [{ severity: "error", file: state.watchFiles[0] ?? "ssotImports()", line: 1, column: 1, message: "the rules now deprecate modules (or mock functions) this build was not started for; restart it (plugin filters are fixed at start)" }]);
      }
    },

    resolveId: resolveIdHook,

    load: loadHook,

    transform: transformHook,

    watchChange() {
      forgottenNames.forget();
    },

    buildEnd() {
      const active = loaded?.active;
      if (active?.report === "summary") console.log(formatSummary(active.ruleSet, [...rewritten.values()]));
    },

    vite: viteHooks({
      setRoot: async (root, serving, entries) => {
        useRoot(root);
        const active = current().active;
        entryPoints = serving || !active ? undefined : entries;
        loadPlan = active && entryPoints ? await planLoads(active, entryPoints) : undefined;
        fixFilters(serving);
      },
      rules: () => current(),
      onRulesChange: () => reload(),
    }),
    webpack(compiler) {
      useRoot(compiler.context);
      resolveWithCompiler = compilerResolve(compiler as unknown as WebpackLikeResolverHost);
      fixFilters();
      const webpackCompiler = compiler as unknown as WebpackLikeCompiler;
      reportInCompilation(webpackCompiler);
      // Files whose text holds no mock call get no transform loader (see mock-prefilter.ts).
      plugin.transformInclude = mockCallsMayBeIn(compiler.inputFileSystem as never, () => transformHook.filter!);
      plugin.loadInclude = (id) => FACADE_ID.test(id) || (loadPlan?.loadFilter?.test(id) ?? false);
      // Requests whose specifier the filter rejects skip unplugin's resolver plugin (see the module).
      prefilterResolveRequests(webpackCompiler.options.resolve.plugins, plugin.name, () => resolveIdHook.filter?.id);
      // As Vite's build: existing deprecated files are served where webpack loads them (load-plan.ts), so their
      // imports are resolved by webpack alone. Planned before each compilation starts: buildStart runs in
      // webpack's make hook beside the entries' resolution, too late for a plan that is made asynchronously.
      let filtersFixed = false;
      const planBuild = async () => {
        const state = forBuild(); // a rebuild reads the rules again; buildStart then takes them as they are
        loadedSinceBuildStart = true;
        entryPoints = webpackEntryPoints(webpackCompiler.options);
        try {
          loadPlan = state.active && entryPoints ? await planLoads(state.active, entryPoints) : undefined;
        } catch {
          // Whatever stopped the plan (an SSOT file that cannot be read, say) is reported by the hooks, in
          // their words, where it matters; unplanned, every rule is served through resolveId as before.
          loadPlan = undefined;
        }
        // unplugin reads each hook's filter once, at its first use (load's as the compiler is created, hence
        // loadInclude above; resolveId's at the first request): fixed once, before the first compilation. The
        // prefilter reads resolveId's at every request, so the planned one applies even where unplugin kept the
        // unplanned one, which holds it. A rebuild whose rules need other filters is stopped by buildStart's
        // signature check.
        if (!filtersFixed) fixFilters();
        filtersFixed = true;
      };
      webpackCompiler.hooks.beforeRun.tapPromise(plugin.name, planBuild);
      webpackCompiler.hooks.watchRun.tapPromise(plugin.name, planBuild);
    },
    rspack(compiler) {
      useRoot(compiler.context);
      resolveWithCompiler = compilerResolve(compiler as unknown as WebpackLikeResolverHost);
      fixFilters();
      reportInCompilation(compiler as unknown as WebpackLikeCompiler);
    },
  };
  return plugin;
});

let loadedTypeScript: typeof TS | null | undefined;

/** The project's TypeScript (a peer dependency), loaded only once a facade or a mock call needs it. */
function typescript(): typeof TS | undefined {
  if (loadedTypeScript === undefined) {
    try {
      loadedTypeScript = require("typescript") as typeof TS;
    } catch {
      loadedTypeScript = null;
    }
  }
  return loadedTypeScript ?? undefined;
}
