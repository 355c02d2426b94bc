import { unplugin, type SsotImportsOptions } from "./plugin";

export type { SsotImportsOptions };

/** Rspack: `plugins: [ssotImports()]`; the same ssot-imports.json, applied while bundling. */
export const ssotImports = unplugin.rspack;
export default ssotImports;
