import { unplugin, type SsotImportsOptions } from "./plugin";

export type { SsotImportsOptions };

/** Vite: `plugins: [ssotImports()]`; the same ssot-imports.json, applied while bundling. */
export const ssotImports = unplugin.vite;
export default ssotImports;
