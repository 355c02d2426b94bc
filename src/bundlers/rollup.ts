import { unplugin, type SsotImportsOptions } from "./plugin";

export type { SsotImportsOptions };

/** Rollup: `plugins: [ssotImports()]`; the same ssot-imports.json, applied while bundling. */
export const ssotImports = unplugin.rollup;
export default ssotImports;
