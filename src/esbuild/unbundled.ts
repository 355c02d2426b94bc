import * as fs from "node:fs";
import * as path from "node:path";
import type * as TS from "typescript";
import type { BuildOptions, Loader, OnLoadArgs, OnLoadResult, PartialMessage, PluginBuild } from "esbuild";
import { lineLocator, type SsotDiagnostic } from "../diagnostic";
import { applyEdits, applyEditsWithInlineMap } from "../plan/apply-edits";
import { planFile, type MatchedSite } from "../plan/plan-file";
import type { ExtensionPolicy, Rewrite, RewritePlan } from "../plan/types";
import type { ResolvedSymbol } from "../rules/targets";
import type { Rule } from "../rules/types";
import { lexImports, lexSourceImports } from "../scan/lex-imports";
import { matchImport } from "./match-import";
import { scanImports } from "../scan/scan-imports";
import { importUseOf, loadsAsEsModuleAnywhere } from "../scan/import-use";
import type { ImportSite } from "../scan/types";
import type { ActiveRules } from "./active-rules";
import { toEsbuildMessage } from "./messages";
import { missingListedExport } from "../facade/listed-reexports";
import { exportStatus, type ExportsOf } from "../facade/export-status";
import { isTypeOnlyExport, type RuntimeExports } from "../facade/runtime-exports";
import type { ExportsName } from "../check/forgotten-names";
import { deprecatedImportMessage } from "../messages";
import { readTsconfigRaw } from "./tsconfig";
import { typeScriptApiFrom } from "../project/typescript-api";
import { countWork } from "../work-counts";
import { initLexer, lex } from "./module-lexer";

/** Loaders of code that can import modules. */
const SCRIPT_LOADERS = new Set<Loader>(["js", "jsx", "ts", "tsx"]);

/** Loaders whose files es-module-lexer can read as written (no JSX), for the direct path below. */
const DIRECT_LOADERS = new Set<Loader>(["ts", "js"]);

const LOADERS: Record<string, Loader> = { ".ts": "ts", ".mts": "ts", ".cts": "ts", ".tsx": "tsx", ".js": "js", ".mjs": "js", ".cjs": "js", ".jsx": "jsx" };

/**
 * `bundle: false` (transpile-only) builds: esbuild resolves nothing, so the specifier text itself must change.
 * Only files whose text contains a needle of the rules (see Matcher.fileMayMatch) are touched; those are first
 * stripped of types by esbuild's own transform (in Go), so the JavaScript lexer sees canonical code.
 */
export interface UnbundledHooks {
  /** The file's text when the caller already read it (the set-up scan), to save reading it again. */
  preread?: (file: string) => string | undefined;
  /** The file's text as the caller read it (not yet searched for needles), to save reading it again. */
  text?: string;
  exportsOf: ExportsOf;
  onRewrite(rewrite: Rewrite): void;
  /** Keys of rules errors already reported in this build, so each is reported once, not once per importer. */
  reported: Set<string>;
  /** Each matched rule's names checked once per build, not once per importer. */
  ruleChecks: { get(rule: Rule): Promise<RuleCheck> | undefined; set(rule: Rule, check: Promise<RuleCheck>): void };
  /**
   * Only report diagnostics of this kind (a bundle asks only for names the rules forgot: its facades make every
   * other form work, and report rules errors themselves).
   */
  only?: SsotDiagnostic["code"];
  /**
   * The file's deprecated imports as the plan read them (after every fallback: the most exact reading), for a
   * bundle that serves each importer a facade built from the names it asks.
   */
  onSites?(matches: readonly MatchedSite[]): void;
  /**
   * Only the deprecated imports are wanted (`onSites`), not a plan: a file the lexer reads in full, namespace
   * objects' members included, is not planned at all (planning is half the cost of reading an importer).
   */
  sitesOnly?: boolean;
}

/** What checking one rule's renamed and moved names against their targets found. */
export interface RuleCheck {
  /** Keys (module key, name) of targets that exist only as types. */
  typeOnly: ReadonlySet<string>;
  /** A rules error per name the target does not export, keyed like `reported`. */
  missing: ReadonlyArray<{ key: string; error: SsotDiagnostic }>;
}

export async function rewriteUnbundled(build: PluginBuild, active: ActiveRules, args: OnLoadArgs, hooks: UnbundledHooks): Promise<OnLoadResult | undefined> {
  const { matcher } = active;
  const watchFiles = active.watchFiles;
  if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
  // The set-up scan hands over only texts it found a needle in, with these very rules: no second search.
  const preread = hooks.preread?.(args.path);
  const text = preread ?? hooks.text ?? (await fs.promises.readFile(args.path, "utf8"));
  if (preread === undefined && !matcher.fileMayMatch(text)) return { watchFiles };
  const extension = path.extname(args.path);
  // The build's own loader for the extension first (`loader: { ".js": "jsx" }`): the file must be read as esbuild reads it.
  const loader = build.initialOptions.loader?.[extension] ?? LOADERS[extension] ?? "js";
  if (!SCRIPT_LOADERS.has(loader)) return { watchFiles }; // text, json, file…: no imports to rewrite
  const isCandidate = (s: string) => matcher.specifierMayMatch(s);
  const direct = DIRECT_LOADERS.has(loader) ? await planDirect(build, active, args.path, text, isCandidate, hooks) : undefined;
  const planned = direct ?? (await planStripped(build, active, args, text, loader, isCandidate, hooks));
  if (!planned) return { watchFiles };
  if ("errors" in planned) return hooks.only ? { watchFiles } : { ...planned, watchFiles };
  const { plan, js } = planned;
  hooks.onSites?.(planned.matches);
  const source = planned.text;
  const diagnostics = hooks.only ? plan.diagnostics.filter((d) => d.code === hooks.only) : plan.diagnostics;
  if (diagnostics.length > 0) {
    const errors = diagnostics.map((d) => toEsbuildMessage(d.file !== args.path || source === text ? d : locateInSource(d, text, js), d.file === args.path ? text : undefined));
    return { errors, watchFiles };
  }
  if (plan.edits.length === 0 || hooks.only) return { watchFiles };
  plan.rewrites.forEach((r) => hooks.onRewrite(r));
  const warn = (r: Rewrite) => {
    const d: SsotDiagnostic = { severity: "warning", file: r.file, line: r.line, column: r.column, rule: r.rule.label, message: deprecatedImportMessage(r.site.specifier.value, r.rule, r.replacement, r.targets) };
    return toEsbuildMessage(source === text ? d : locateInSource(d, text, js), text);
  };
  const warnings = active.report === "warn" ? plan.rewrites.map(warn) : [];
  const outputLoader: Loader = source === text ? loader : loader === "tsx" || loader === "jsx" ? "jsx" : "js";
  // The stripped text already carries esbuild's map of the user's file; an edit of that file itself needs one.
  const contents = source === text && build.initialOptions.sourcemap ? applyEditsWithInlineMap(source, plan.edits, args.path) : applyEdits(source, plan.edits);
  // No resolveDir: a file's own folder is already the default, and naming it anyway cost esbuild 10% more CPU
  // over a 4,000-file transpile-only build (measured: +1.1 s of Go CPU for 200 such files).
  return { contents, loader: outputLoader, warnings, watchFiles };
}

/**
 * The fast path, taken by most files: the user's own text, read by the lexer and edited in place, so esbuild
 * then compiles it with the file's own tsconfig settings exactly as it compiles a hand-migrated file.
 * Undefined when the lexer cannot prove it saw every deprecated import, or when the plan needs a closer look.
 */
async function planDirect(build: PluginBuild, active: ActiveRules, file: string, text: string, isCandidate: (s: string) => boolean, hooks: UnbundledHooks): Promise<Planned & { js: string } | undefined> {
  await initLexer();
  let sites: ImportSite[] | undefined;
  countWork("parse", file);
  countWork("scan", file);
  try {
    sites = lexSourceImports(text, lex(text, file)[0], isCandidate, active.matcher.needles);
  } catch {
    return undefined; // TypeScript syntax the lexer does not know
  }
  if (!sites) return undefined;
  const matches = await matchSites(build, active, file, sites);
  if (hooks.sitesOnly && matches.every((m) => namespaceLocal(m.site) === undefined)) {
    return { plan: { file, edits: [], rewrites: [], unsafe: [], diagnostics: [] }, text, rulesErrors: false, matches, js: text };
  }
  if (await mayReadForgottenMembers(active, matches, text, hooks.exportsOf)) return undefined;
  const planned = await planChecked(build, active, file, text, matches, hooks);
  if (planned.plan.diagnostics.length > 0 && !planned.rulesErrors) return undefined;
  return { ...planned, js: text };
}

/**
 * The exact path: esbuild's own transform strips the types (in Go), the lexer reads that canonical JavaScript,
 * and TypeScript's parser is the last resort. Undefined when the file has nothing to rewrite.
 */
async function planStripped(build: PluginBuild, active: ActiveRules, args: OnLoadArgs, text: string, loader: Loader, isCandidate: (s: string) => boolean, hooks: UnbundledHooks): Promise<(Planned & { js: string }) | { errors: PartialMessage[] } | undefined> {
  let js: string;
  countWork("parse", args.path);
  try {
    js = (
      await build.esbuild.transform(text, {
        loader,
        target: "esnext",
        jsx: "preserve",
        // The map only matters when the build writes maps: esbuild then chains it back to the user's file.
        sourcemap: build.initialOptions.sourcemap ? "inline" : false,
        sourcefile: args.path,
        tsconfigRaw: build.initialOptions.tsconfigRaw ?? readTsconfigRaw(path.dirname(args.path), build.initialOptions.tsconfig, build.initialOptions.absWorkingDir ?? process.cwd()),
      })
    ).code;
  } catch {
    // A syntax error: esbuild's own load of the file reports it as it always does, at its place.
    return undefined;
  }
  const lexed = await lexSites(js, args.path, isCandidate);
  // The lexer cannot see how a namespace object is used (nor read every text); TypeScript's parser can.
  // It is loaded only for such files.
  const exactly = () => planWithTypeScript(build, active, args.path, text, isCandidate, hooks);
  let planned: Planned | undefined;
  if (lexed) {
    const matches = await matchSites(build, active, args.path, lexed);
    if (matches.length === 0) return undefined;
    planned = await planChecked(build, active, args.path, js, matches, hooks);
    if ((planned.plan.diagnostics.length > 0 && !planned.rulesErrors) || (await mayReadForgottenMembers(active, matches, js, hooks.exportsOf))) planned = (await exactly()) ?? planned;
  } else {
    planned = await exactly();
    if (!planned) return { errors: [{ text: `ssot-imports: cannot read the imports of ${args.path} (install typescript for files the lexer cannot handle)` }] };
  }
  return { ...planned, js };
}

interface Planned {
  plan: RewritePlan;
  /** The text the plan edits: the type-stripped JavaScript, or the user's own file. */
  text: string;
  /** True when the plan's diagnostics are rules errors (located in the rules file), not import errors. */
  rulesErrors: boolean;
  matches: readonly MatchedSite[];
}

/** Import sites found by es-module-lexer in esbuild's canonical JavaScript; undefined if it cannot read it. */
async function lexSites(js: string, file: string, isCandidate: (s: string) => boolean): Promise<ImportSite[] | undefined> {
  await initLexer();
  countWork("parse", file);
  countWork("scan", file);
  try {
    return lexImports(js, lex(js, file)[0], isCandidate);
  } catch {
    return undefined;
  }
}

/** Checks the matched rules' renamed names against their targets, then plans the file (rules errors first). */
async function planChecked(build: PluginBuild, active: ActiveRules, file: string, text: string, matches: readonly MatchedSite[], hooks: UnbundledHooks): Promise<Planned> {
  const { isTypeOnly, errors } = await checkListedNames(active, matches, hooks);
  if (errors.length > 0) return { plan: { file, edits: [], rewrites: [], unsafe: [], diagnostics: errors }, text, rulesErrors: true, matches };
  const extensions = extensionPolicyOf(build.initialOptions);
  const exportsName = await exportsNameOf(active, matches, hooks.exportsOf);
  countWork("plan", file);
  return { plan: planFile({ file, text, index: active.matcher.index, matches, layout: "same-line", isTypeOnly, extensions, exportsName }), text, rulesErrors: false, matches };
}

/**
 * What the matched rules' module targets export, for the planner's check of names the rules forgot: a name
 * the rules do not list can only end up there. Answered from esbuild's own view of each module; a CommonJS
 * target's names exist only at run time, so those are not known.
 */
async function exportsNameOf(active: ActiveRules, matches: readonly MatchedSite[], exportsOf: ExportsOf): Promise<ExportsName> {
  const known = new Map<string, RuntimeExports | undefined>();
  for (const rule of new Set(matches.map((m) => m.rule))) {
    const target = active.matcher.index.moduleTarget(rule);
    if (target.kind !== "path" || !target.file || known.has(target.key)) continue;
    known.set(target.key, await exportsOf(target).catch(() => undefined));
  }
  return (module, name) => {
    const exports = known.get(module.key);
    if (!exports) return undefined;
    if (exports.values.has(name) || isTypeOnlyExport(exports.text, name)) return true;
    return exports.exact ? false : undefined;
  };
}

/**
 * The lexer does not see which members a namespace object's uses read, so it cannot check them against the
 * target. A plain text search for `ns.name` can say they are all fine, which is the common case; only when it
 * finds a name the target lacks (or one in a comment, or a shadowing local) is the file read by TypeScript's
 * parser, which knows. TypeScript is not loaded for the rest.
 */
async function mayReadForgottenMembers(active: ActiveRules, matches: readonly MatchedSite[], text: string, exportsOf: ExportsOf): Promise<boolean> {
  const hidden = matches.filter((m) => namespaceLocal(m.site) !== undefined);
  if (hidden.length === 0) return false;
  const exportsName = await exportsNameOf(active, hidden, exportsOf);
  const { index } = active.matcher;
  return hidden.some(({ site, rule }) => {
    const local = namespaceLocal(site)!.replace(/\$/g, "\\$");
    const listed = new Set(index.listedNames(rule));
    const target = index.moduleTarget(rule);
    if (target.kind !== "path" || target.key === rule.from.key) return false;
    for (const [, name] of text.matchAll(new RegExp(`(?<![\\w$.])${local}\\s*\\??\\.\\s*([A-Za-z_$][\\w$]*)`, "g"))) {
      if (!listed.has(name) && exportsName(target, name) === false) return true;
    }
    return false;
  });
}

/** The local of a namespace object whose member reads the lexer did not see. */
function namespaceLocal(site: ImportSite): string | undefined {
  if ((site.kind === "import" || site.kind === "export" || site.kind === "import-equals") && site.namespace && !site.namespace.members) return site.namespace.local;
  if ((site.kind === "require" || site.kind === "dynamic-import") && site.usage.kind === "namespace" && !site.usage.namespace.members) return site.usage.namespace.local;
  return undefined;
}

/**
 * Transpile-only output keeps each specifier as written, and names every output file `<name><outExtension>`
 * whatever its source's extension (`.mts` too). An ES module loader (Node's, a browser's) needs a relative
 * import's extension, so a path target of an import written as a bare specifier or alias gets one in every
 * import of ES module output, and only in `import()` (an ES module load) in CommonJS output.
 */
function extensionPolicyOf(options: BuildOptions): ExtensionPolicy {
  const outputExtension = options.outExtension?.[".js"] ?? ".js";
  if (options.format === "cjs" || options.format === "iife") return { outputExtension, requiresExtension: loadsAsEsModuleAnywhere };
  return { outputExtension, requiresExtension: () => true };
}

async function matchSites(build: PluginBuild, active: ActiveRules, importer: string, sites: readonly ImportSite[]): Promise<MatchedSite[]> {
  const matches: MatchedSite[] = [];
  for (const site of sites) {
    const use = importUseOf(site);
    const kind = use === "require" ? "require-call" : use === "import" ? "dynamic-import" : "import-statement";
    const rule = await matchImport(build, active, site.specifier.value, importer, path.dirname(importer), kind);
    if (rule) matches.push({ site, rule });
  }
  return matches;
}

let typescript: typeof TS | null | undefined;

/**
 * The names the matched rules rename or move, checked against their targets as the bundling facade checks
 * them: a value the target does not export is a rules error (reported once per build), and a name that exists
 * there only as a type must not be re-exported by a rewritten `export *`, since JavaScript has no such export.
 */
async function checkListedNames(active: ActiveRules, matches: readonly MatchedSite[], hooks: UnbundledHooks) {
  const typeOnly = new Set<string>();
  const errors: SsotDiagnostic[] = [];
  for (const rule of new Set(matches.map((m) => m.rule))) {
    let check = hooks.ruleChecks.get(rule);
    if (!check) {
      check = checkRule(active, rule, hooks.exportsOf);
      hooks.ruleChecks.set(rule, check);
    }
    const result = await check;
    result.typeOnly.forEach((key) => typeOnly.add(key));
    for (const { key, error } of result.missing) {
      if (hooks.reported.has(key)) continue;
      hooks.reported.add(key);
      errors.push(error);
    }
  }
  return { isTypeOnly: (t: ResolvedSymbol) => typeOnly.has(targetKey(t)), errors };
}

const targetKey = (t: ResolvedSymbol) => `${t.module.key}\0${t.name}`;

async function checkRule(active: ActiveRules, rule: Rule, exportsOf: ExportsOf): Promise<RuleCheck> {
  const { index } = active.matcher;
  const typeOnly = new Set<string>();
  const missing: Array<{ key: string; error: SsotDiagnostic }> = [];
  const moduleTarget = index.moduleTarget(rule);
  for (const name of index.listedNames(rule)) {
    const target = index.symbolTarget(rule, name);
    if (!target || (target.module.key === moduleTarget.key && target.name === name)) continue;
    const status = await exportStatus(exportsOf, target);
    if (status === "type") typeOnly.add(targetKey(target));
    if (status === "missing") missing.push({ key: `${rule.index}:${name}`, error: missingListedExport(active.ruleSet, rule, name, target) });
  }
  return { typeOnly, missing };
}

async function planWithTypeScript(build: PluginBuild, active: ActiveRules, file: string, text: string, isCandidate: (s: string) => boolean, hooks: UnbundledHooks): Promise<Planned | undefined> {
  if (typescript === undefined) {
    // TypeScript 7's package has no JavaScript API: then TypeScript 6 under its alias, or no type-aware plan.
    typescript = typeScriptApiFrom(require) ?? null;
  }
  if (!typescript) return undefined;
  countWork("parse", file);
  countWork("scan", file);
  const sourceFile = typescript.createSourceFile(file, text, typescript.ScriptTarget.Latest, false);
  const sites = scanImports(typescript, sourceFile, { mockFunctions: active.ruleSet.options.mockFunctions, isCandidate });
  const matches = await matchSites(build, active, file, sites);
  return planChecked(build, active, file, text, matches, hooks);
}

/**
 * Plan positions are in the transformed JavaScript; users read their own file, so point at the same specifier
 * there (its first occurrence as a string literal), falling back to the transformed position.
 */
function locateInSource(d: SsotDiagnostic, source: string, js: string): SsotDiagnostic {
  const jsLines = js.split("\n");
  const lineOffset = jsLines.slice(0, d.line - 1).reduce((n, l) => n + l.length + 1, 0);
  const position = lineOffset + d.column - 1;
  const literal = /^(["'])([^"'\n]+)\1/.exec(js.slice(position));
  if (!literal) return d;
  const pattern = new RegExp(`["']${literal[2].replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}["']`, "g");
  // The same specifier may be imported several times; the nth occurrence in the output is the nth in the source.
  const nth = [...js.slice(0, position).matchAll(pattern)].length;
  const inSource = [...source.matchAll(pattern)][nth];
  return inSource?.index === undefined ? d : { ...d, ...lineLocator(source)(inSource.index) };
}
