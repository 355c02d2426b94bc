import * as path from "node:path";
import type { PartialMessage, PluginBuild } from "esbuild";
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
  private checked = new Map<string, Promise<PartialMessage[]>>();

  constructor(
    private readonly build: PluginBuild,
    private readonly cache: ExportsCache,
    private readonly ruleChecks: Map<Rule, Promise<Unbundled.RuleCheck>>,
    /** A deprecated file answered with its facade: its own text is never compiled, so never checked. */
    private readonly isFacade: (file: string) => boolean,
    /** An importer unchanged since the last build (text, rules, targets) is not read again. */
    private readonly memo: RebuildMemo,
  ) {}

  newBuild(): void {
    this.checked = new Map();
  }

  /** The errors of `importer` the first time it is asked about in this build; none after. */
  async in(active: ActiveRules, importer: string): Promise<PartialMessage[]> {
    if (!path.isAbsolute(importer) || this.isFacade(importer)) return [];
    const known = this.checked.get(importer);
    if (known) return known.then(() => []);
    const errors = this.check(active, importer);
    this.checked.set(importer, errors);
    return errors;
  }

  private async check(active: ActiveRules, importer: string): Promise<PartialMessage[]> {
    // Loaded only when a rule needs it: the lexer and the planner, which most bundles never use.
    const { rewriteUnbundled } = require("./unbundled") as typeof Unbundled;
    const args = { path: importer, namespace: "file", suffix: "", pluginData: undefined, with: {} };
    const hooks = {
      exportsOf: targetExportsOf(this.build, this.cache, active),
      onRewrite: () => undefined,
      reported: new Set<string>(),
      ruleChecks: this.ruleChecks,
      only: "forgotten-name" as const,
    };
    const result = await this.memo.load(this.build, active, importer, hooks, (recording, recorded) => rewriteUnbundled(recording, active, args, recorded));
    return result?.errors ?? [];
  }
}
