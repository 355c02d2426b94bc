import type { ResolvedSymbol } from "../rules/targets";
import type { ModuleRef } from "../rules/types";
import { isTypeOnlyExport, type RuntimeExports } from "./runtime-exports";

/** What a module exports at run time, as the host bundler sees it; undefined when it cannot tell (external). */
export type ExportsOf = (module: ModuleRef) => Promise<RuntimeExports | undefined>;

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
