import * as fs from "node:fs";
import type * as TS from "typescript";
import type { ExportsOf } from "../facade/export-status";
import { readRuntimeExports } from "../facade/read-exports";
import type { RuntimeExports } from "../facade/runtime-exports";

/**
 * What a facade's targets export, read from their syntax by the user's TypeScript and cached by modification
 * time across rebuilds. A package target, or a project without TypeScript, is unknown: the facade then
 * re-exports by name and reads `default` off the namespace, which is right whatever the module holds.
 */
export class TargetExports {
  private readonly cache = new Map<string, { mtimeMs: number; exports: RuntimeExports }>();

  constructor(private readonly typescript: () => typeof TS | undefined) {}

  readonly exportsOf: ExportsOf = async (module) => {
    if (module.kind !== "path" || !module.file) return undefined;
    const ts = this.typescript();
    if (!ts) return undefined;
    const { mtimeMs } = fs.statSync(module.file);
    const cached = this.cache.get(module.file);
    if (cached?.mtimeMs === mtimeMs) return cached.exports;
    const exports = readRuntimeExports(ts, module.file, fs.readFileSync(module.file, "utf8"));
    this.cache.set(module.file, { mtimeMs, exports });
    return exports;
  };
}
