import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "jsonc-parser";

const cache = new Map<string, string | undefined>();

/**
 * esbuild's transform API reads no tsconfig, yet TypeScript semantics (decorators, class fields, import
 * elision) depend on it; hand it the `compilerOptions` of the tsconfig esbuild's build would use for the file.
 */
export function readTsconfigRaw(dir: string, explicit?: string): string | undefined {
  const file = explicit ? path.resolve(explicit) : findUp(dir);
  if (!file) return undefined;
  if (!cache.has(file)) {
    try {
      const config = parse(fs.readFileSync(file, "utf8"), [], { allowTrailingComma: true });
      cache.set(file, JSON.stringify({ compilerOptions: config?.compilerOptions ?? {} }));
    } catch {
      cache.set(file, undefined);
    }
  }
  return cache.get(file);
}

function findUp(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    const candidate = path.join(current, "tsconfig.json");
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(current) === current) return undefined;
  }
}
