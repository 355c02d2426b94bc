import type { PluginBuild } from "esbuild";
import type { ResolvedSymbol } from "../rules/targets";
import type { ModuleRef } from "../rules/types";
import type { ActiveRules } from "./active-rules";
import { isTypeOnlyExport, type ExportsCache, type RuntimeExports } from "./module-exports";

export type ExportsOf = (module: ModuleRef) => Promise<RuntimeExports | undefined>;

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

/**
 * Whether a renamed or moved name exists where the rules send it: as a value, only as a type (erased from
 * JavaScript output, so nothing to re-export), not at all, or unknown (an external target, or a CommonJS one
 * whose exports exist only at run time).
 */
export async function exportStatus(exportsOf: ExportsOf, target: ResolvedSymbol): Promise<"value" | "type" | "missing" | "unknown"> {
  const exports = await exportsOf(target.module);
  if (!exports) return "unknown";
  if (exports.values.has(target.name)) return "value";
  if (isTypeOnlyExport(exports.text, target.name)) return "type";
  return exports.exact ? "missing" : "unknown";
}
