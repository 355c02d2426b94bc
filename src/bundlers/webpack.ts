import { unplugin, type SsotImportsOptions } from "./plugin";

export type { SsotImportsOptions };

/** webpack: `plugins: [ssotImports()]`; the same ssot-imports.json, applied while bundling. */
export const ssotImports = unplugin.webpack;
export default ssotImports;
