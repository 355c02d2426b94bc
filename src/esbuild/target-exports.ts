import type { PluginBuild } from "esbuild";
import type { ExportsOf } from "../facade/export-status";
import type { ActiveRules } from "./active-rules";
import type { ExportsCache } from "./module-exports";

/** What a rule's target module exports at run time; bare targets are resolved from the rules file's folder. */
export function targetExportsOf(build: PluginBuild, cache: ExportsCache, active: ActiveRules): ExportsOf {
  return async (module) => {
    let file = module.kind === "path" ? module.file : undefined;
    if (module.kind === "bare") {
      const resolved = await build.resolve(module.written, { resolveDir: active.ruleSet.baseDir, kind: "import-statement", pluginData: active.bypass });
      file = resolved.errors.length === 0 && !resolved.external ? resolved.path : undefined;
    }
    return file ? cache.of(file) : undefined;
  };
}
