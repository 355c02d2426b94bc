import { unplugin, type SsotImportsOptions } from "./plugin";

export type { SsotImportsOptions };

/** Rolldown: `plugins: [ssotImports()]`; the same ssot-imports.json, applied while bundling. */
export const ssotImports = unplugin.rolldown;
export default ssotImports;
