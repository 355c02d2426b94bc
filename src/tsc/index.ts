import type * as TS from "typescript";
import { rewriteProgram } from "./program-rewriter";
import type { PluginConfig } from "../project/load-plugin-rules";

/** For `ssot-imports-tsc` (cold-bin.ts), which loads this module itself so that both share one copy. */
export { rewritingSystem } from "./rewriting-system";

/**
 * ts-patch program transformer: `{ "transform": "ssot-imports/tsc", "transformProgram": true }`.
 * ts-patch passes its own TypeScript instance, which is the one this plugin must use throughout.
 */
export default function ssotImportsTransformProgram(
  program: TS.Program,
  host: TS.CompilerHost | undefined,
  config: PluginConfig,
  extras: { ts: typeof TS },
): TS.Program {
  return rewriteProgram(extras.ts, program, host, config);
}
