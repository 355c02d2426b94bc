import type { ImportKind, PluginBuild } from "esbuild";
import type { Rule } from "../rules/types";
import type { ActiveRules } from "./active-rules";

/**
 * The matcher's decision for one import, asking esbuild to resolve only what a path cannot decide (packages,
 * aliases): every `build.resolve` is a round trip between Go and JavaScript.
 */
export async function matchImport(build: PluginBuild, active: ActiveRules, specifier: string, importer: string, resolveDir: string, kind: ImportKind): Promise<Rule | undefined> {
  const decided = active.matcher.matchWithoutResolving(specifier, importer);
  if (decided !== "resolve") return decided;
  const resolved = await build.resolve(specifier, { importer, resolveDir, kind, pluginData: active.bypass });
  return active.matcher.matchResolved(specifier, importer, resolved.errors.length === 0 && !resolved.external ? resolved.path : undefined);
}
