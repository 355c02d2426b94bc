import * as fs from "node:fs";
import type { OnLoadResult, PluginBuild, ResolveOptions, ResolveResult } from "esbuild";
import type { ExportsOf } from "../facade/export-status";
import type { RuntimeExports } from "../facade/runtime-exports";
import type { Rewrite } from "../plan/types";
import type { ModuleRef, Rule } from "../rules/types";
import type { MatchedSite } from "../plan/plan-file";
import type { ActiveRules } from "./active-rules";
import type { RuleCheck, UnbundledHooks } from "./unbundled";

/** What rewriting one file gave, and everything outside its own text that the answer depended on. */
interface Entry {
  text: string;
  result: OnLoadResult | undefined;
  rewrites: readonly Rewrite[];
  /** Each `build.resolve` the matcher needed (packages, aliases), with what esbuild answered. */
  resolves: ReadonlyArray<{ specifier: string; options: ResolveOptions; outcome: string }>;
  /** The target modules whose exports the plan read, with the answer it read (compared by identity). */
  exports: ReadonlyArray<{ module: ModuleRef; answer: RuntimeExports | undefined }>;
  /** The deprecated imports the read found, for the importer's own facades (importer-facades.ts). */
  sites: readonly MatchedSite[] | undefined;
}

type Rewriting = (build: PluginBuild, hooks: UnbundledHooks) => Promise<OnLoadResult | undefined>;

/**
 * esbuild calls `onLoad` and `onResolve` again for every file at each rebuild of a `context()`, edited or not.
 * Reading a file's imports and planning its rewrite depend on its text, the rules, how esbuild resolves the
 * specifiers the matcher could not decide, and what the rules' targets export; so a file is rewritten again
 * only when one of those changed since it was last rewritten, and otherwise gets the same answer back (the
 * same contents, which esbuild's own cache then recognises too). Everything the answer depended on is
 * checked, so the memo is exact, not a guess from modification times:
 * - the text, compared whole (it must be read anyway: esbuild asks the plugin for it);
 * - the rules, by their fingerprint: other rules forget everything;
 * - each resolution, asked of esbuild again (only packages and aliases need one; relative paths never);
 * - each target's exports, as the build's ExportsCache now answers (a new answer only if the file changed).
 * Answers with errors are not kept: a failing build is recomputed until it is fixed, and a rules error is
 * reported by whichever importer meets it first in each build.
 */
export class RebuildMemo {
  private readonly entries = new Map<string, Entry>();
  private rules: string | undefined;
  /** This build's answers about target exports, asked once per module whatever the number of files. */
  private answers = new Map<string, Promise<RuntimeExports | undefined>>();

  /** A new build: the files may have changed, and rules other than the last build's forget everything. */
  newBuild(active: ActiveRules | undefined): void {
    this.answers = new Map();
    if (active?.fingerprint === this.rules) return;
    this.entries.clear();
    this.rules = active?.fingerprint;
  }

  async load(build: PluginBuild, active: ActiveRules, path: string, hooks: UnbundledHooks, rewrite: Rewriting): Promise<OnLoadResult | undefined> {
    const preread = hooks.preread?.(path);
    // Read synchronously: a file of source is read in microseconds, while the promise API's open, stat, read
    // and close are four trips through libuv's thread pool, each dearer than the read, for every file the
    // build loads through the plugin at every rebuild.
    const text = preread ?? fs.readFileSync(path, "utf8");
    const known = this.entries.get(path);
    if (known && known.text === text && (await this.stillValid(build, known, hooks.exportsOf))) {
      known.rewrites.forEach((r) => hooks.onRewrite(r));
      if (known.sites) hooks.onSites?.(known.sites);
      return known.result;
    }
    this.entries.delete(path);
    const recorder = new Recorder(build, hooks);
    const result = asBytes(await rewrite(recorder.build, { ...recorder.hooks, preread: preread === undefined ? undefined : () => preread, text }));
    const entry = await recorder.entry(active, text, result);
    if (entry) this.entries.set(path, entry);
    return result;
  }

  private async stillValid(build: PluginBuild, entry: Entry, exportsOf: ExportsOf): Promise<boolean> {
    for (const { specifier, options, outcome } of entry.resolves) {
      if (outcomeOf(await build.resolve(specifier, options)) !== outcome) return false;
    }
    for (const { module, answer } of entry.exports) {
      if ((await this.answer(module, exportsOf)) !== answer) return false;
    }
    return true;
  }

  private answer(module: ModuleRef, exportsOf: ExportsOf): Promise<RuntimeExports | undefined> {
    let answer = this.answers.get(module.key);
    if (!answer) {
      answer = exportsOf(module).catch(() => undefined);
      this.answers.set(module.key, answer);
    }
    return answer;
  }
}

/** Watches one file's rewrite: the resolutions, exports and rule checks it used, and the rewrites it made. */
class Recorder {
  readonly build: PluginBuild;
  readonly hooks: UnbundledHooks;
  private readonly resolves: Array<{ specifier: string; options: ResolveOptions; outcome: string }> = [];
  private readonly exports = new Map<string, { module: ModuleRef; answer: Promise<RuntimeExports | undefined> }>();
  private readonly rules = new Set<Rule>();
  private readonly rewrites: Rewrite[] = [];
  private sites: readonly MatchedSite[] | undefined;

  constructor(build: PluginBuild, private readonly outer: UnbundledHooks) {
    const resolve = async (specifier: string, options: ResolveOptions = {}): Promise<ResolveResult> => {
      const resolved = await build.resolve(specifier, options);
      this.resolves.push({ specifier, options, outcome: outcomeOf(resolved) });
      return resolved;
    };
    this.build = Object.create(build, { resolve: { value: resolve } }) as PluginBuild;
    const exportsOf: ExportsOf = (module) => {
      const answer = outer.exportsOf(module);
      if (!this.exports.has(module.key)) this.exports.set(module.key, { module, answer: answer.catch(() => undefined) });
      return answer;
    };
    this.hooks = {
      ...outer,
      exportsOf,
      onRewrite: (r) => {
        this.rewrites.push(r);
        outer.onRewrite(r);
      },
      onSites: (matches) => {
        this.sites = matches;
        outer.onSites?.(matches);
      },
      ruleChecks: {
        get: (rule) => {
          this.rules.add(rule);
          return outer.ruleChecks.get(rule);
        },
        set: (rule, check) => outer.ruleChecks.set(rule, check),
      },
    };
  }

  /** What to remember, or undefined when the answer must not be reused (errors, a failed check). */
  async entry(active: ActiveRules, text: string, result: OnLoadResult | undefined): Promise<Entry | undefined> {
    if (result?.errors?.length) return undefined;
    const { index } = active.matcher;
    for (const rule of this.rules) {
      const check: RuleCheck | undefined = await this.outer.ruleChecks.get(rule)?.catch(() => undefined);
      if (!check || check.missing.length > 0) return undefined;
      // The check may have been made for another file of this build: its targets are this file's inputs too.
      const targets = [index.moduleTarget(rule), ...index.listedNames(rule).map((name) => index.symbolTarget(rule, name)?.module)];
      for (const module of targets) {
        if (module && !this.exports.has(module.key)) this.exports.set(module.key, { module, answer: this.outer.exportsOf(module).catch(() => undefined) });
      }
    }
    const exports: Array<{ module: ModuleRef; answer: RuntimeExports | undefined }> = [];
    for (const { module, answer } of this.exports.values()) exports.push({ module, answer: await answer });
    return { text, result, rewrites: this.rewrites, resolves: this.resolves, exports, sites: this.sites };
  }
}

/**
 * The rewritten text as UTF-8 bytes, encoded once: esbuild's JavaScript side encodes a string answer again at
 * every rebuild before sending it to its Go service, while bytes go as they are.
 */
function asBytes<R extends OnLoadResult | undefined>(result: R): R {
  // A plain Uint8Array, as esbuild's own encoding makes (not a Buffer): its packet writer then sees one type.
  return typeof result?.contents === "string" ? { ...result, contents: utf8.encode(result.contents) } : result;
}
const utf8 = new TextEncoder();

function outcomeOf(resolved: ResolveResult): string {
  return JSON.stringify([resolved.errors.length, resolved.path, resolved.external, resolved.namespace, resolved.suffix]);
}

/**
 * A facade's text depends on its rule, on how the redirect plan reaches the deprecated files, and on what its
 * targets export: while those stay the same, a rebuild answers esbuild's load of the facade with the text it
 * gave last time, instead of writing it again (ten facades per build on the bench tree).
 */
export class FacadeMemo {
  /** By rule, then by the facade's variant: the whole facade (""), or only some of its modules. */
  private facades = new Map<Rule, Map<string, { plan: unknown; exports: ReadonlyArray<{ module: ModuleRef; answer: RuntimeExports | undefined }>; result: OnLoadResult }>>();
  private rules: ActiveRules | undefined;

  /** Other rules (a new load) make other facades. */
  newBuild(active: ActiveRules | undefined): void {
    if (active !== this.rules) this.facades = new Map();
    this.rules = active;
  }

  async load(rule: Rule, variant: string, plan: unknown, exportsOf: ExportsOf, make: (exportsOf: ExportsOf) => Promise<OnLoadResult>): Promise<OnLoadResult> {
    let variants = this.facades.get(rule);
    if (!variants) this.facades.set(rule, (variants = new Map()));
    const known = variants.get(variant);
    if (known && known.plan === plan && (await sameAnswers(known.exports, exportsOf))) return known.result;
    const asked = new Map<string, { module: ModuleRef; answer: Promise<RuntimeExports | undefined> }>();
    const made = await make((module) => {
      const answer = exportsOf(module);
      if (!asked.has(module.key)) asked.set(module.key, { module, answer: answer.catch(() => undefined) });
      return answer;
    });
    const result = asBytes(made);
    if (result.errors?.length) {
      variants.delete(variant);
      return result;
    }
    const exports: Array<{ module: ModuleRef; answer: RuntimeExports | undefined }> = [];
    for (const { module, answer } of asked.values()) exports.push({ module, answer: await answer });
    variants.set(variant, { plan, exports, result });
    return result;
  }
}

async function sameAnswers(exports: ReadonlyArray<{ module: ModuleRef; answer: RuntimeExports | undefined }>, exportsOf: ExportsOf): Promise<boolean> {
  for (const { module, answer } of exports) {
    if ((await exportsOf(module).catch(() => undefined)) !== answer) return false;
  }
  return true;
}
