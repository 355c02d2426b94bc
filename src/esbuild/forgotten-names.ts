import * as path from "node:path";
import type { PartialMessage, PluginBuild } from "esbuild";
import type { MatchedSite } from "../plan/plan-file";
import type { Rule } from "../rules/types";
import type { ActiveRules } from "./active-rules";
import type { ExportsCache } from "./module-exports";
import { targetExportsOf } from "./target-exports";
import type * as Unbundled from "./unbundled";
import type { RebuildMemo } from "./rebuild-memo";

/**
 * In a bundle, the names an importer asks of deprecated modules, checked by the same planner as a
 * transpile-only build, before esbuild links: a name the rules forgot then fails the build with the core's
 * located error, and esbuild never prints its own (which blames the deprecated module) nor writes anything.
 * Each importer is read once per build, whatever the number of its deprecated imports, and its errors are
 * returned once.
 */
export class ForgottenNames {
  private checked = new Map<string, Promise<ImporterRead>>();
  /** Importers read only for their imports (no names to check): no plan made. */
  private lexed = new Map<string, Promise<ImporterRead>>();
  /** Importers whose errors were already returned in this build. */
  private returned = new Set<string>();

  constructor(
    private readonly build: PluginBuild,
    private readonly cache: ExportsCache,
    private readonly ruleChecks: Map<Rule, Promise<Unbundled.RuleCheck>>,
    /** A deprecated file answered with its facade: its own text is never compiled, so never checked. */
    private readonly isFacade: (file: string) => boolean,
    /** An importer unchanged since the last build (text, rules, targets) is not read again. */
    private readonly memos: { checked: RebuildMemo; lexed: RebuildMemo },
  ) {}

  newBuild(): void {
    this.checked = new Map();
    this.lexed = new Map();
    this.returned = new Set();
  }

  /** The errors of `importer` the first time it is asked about in this build; none after. */
  async in(active: ActiveRules, importer: string): Promise<PartialMessage[]> {
    const read = await this.read(active, importer, true);
    if (!read || this.returned.has(importer)) return [];
    this.returned.add(importer);
    return read.errors;
  }

  /**
   * The deprecated imports of `importer` (importer-facades.ts): from the read that checks its names when there is
   * one (`checked`: the caller asks for it too), else from a read that only lexes. Undefined when the file cannot
   * be read as code (a virtual module, a package's file, a facade).
   */
  async sitesOf(active: ActiveRules, importer: string, checked: boolean): Promise<readonly MatchedSite[] | undefined> {
    return (await this.read(active, importer, checked))?.sites;
  }

  private read(active: ActiveRules, importer: string, checked: boolean): Promise<ImporterRead | undefined> {
    if (!path.isAbsolute(importer) || this.isFacade(importer)) return Promise.resolve(undefined);
    const known = this.checked.get(importer) ?? (checked ? undefined : this.lexed.get(importer));
    if (known) return known;
    const read = this.check(active, importer, checked);
    (checked ? this.checked : this.lexed).set(importer, read);
    return read;
  }

  private async check(active: ActiveRules, importer: string, checked: boolean): Promise<ImporterRead> {
    // Loaded only when a rule needs it: the lexer and the planner, which most bundles never use.
    const { rewriteUnbundled } = require("./unbundled") as typeof Unbundled;
    const args = { path: importer, namespace: "file", suffix: "", pluginData: undefined, with: {} };
    let sites: readonly MatchedSite[] | undefined;
    const hooks = {
      exportsOf: targetExportsOf(this.build, this.cache, active),
      onRewrite: () => undefined,
      reported: new Set<string>(),
      ruleChecks: this.ruleChecks,
      only: "forgotten-name" as const,
      onSites: (matches: readonly MatchedSite[]) => (sites = matches),
      sitesOnly: !checked,
    };
    // A read for the imports alone answers less than a check: each kind is remembered on its own.
    const memo = checked ? this.memos.checked : this.memos.lexed;
    const result = await memo.load(this.build, active, importer, hooks, (recording, recorded) => rewriteUnbundled(recording, active, args, recorded));
    return { errors: checked ? (result?.errors ?? []) : [], sites };
  }
}

interface ImporterRead {
  errors: PartialMessage[];
  sites: readonly MatchedSite[] | undefined;
}
