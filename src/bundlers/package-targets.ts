import * as path from "node:path";
import type { ExportsOf } from "../facade/export-status";
import { SCRIPT } from "./hook-filters";

/**
 * The exports of a package SSOT module (`"to": "new-lib"`), read from the file the bundler resolves it to. Left
 * unknown, the facade reads `default` off the package's namespace object, which Rspack refuses to link when the
 * package is an ES module without a default export (webpack warns). A package the bundler keeps external, or
 * one it cannot resolve, stays unknown: the facade is then right whatever the package holds.
 */
export function withPackageTargets(exportsOf: ExportsOf, resolve: (specifier: string) => Promise<string | undefined>): ExportsOf {
  return async (module) => {
    if (module.kind !== "bare") return exportsOf(module);
    const file = await resolve(module.written).catch(() => undefined);
    if (!file || !path.isAbsolute(file) || !SCRIPT.test(file)) return undefined;
    return exportsOf({ kind: "path", key: file, file, isFolder: false, written: module.written });
  };
}
