import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "jsonc-parser";
import { findUpward } from "../project/find-upward";

const cache = new Map<string, string | undefined>();

/** A tsconfig's `compilerOptions` (comments and trailing commas allowed), or undefined if it cannot be read. */
export function compilerOptionsIn(file: string, readFile: (file: string) => string | undefined = (f) => fs.readFileSync(f, "utf8")): Record<string, unknown> | undefined {
  try {
    const text = readFile(file);
    if (text === undefined) return undefined;
    return parse(text, [], { allowTrailingComma: true })?.compilerOptions ?? {};
  } catch {
    return undefined;
  }
}

/**
 * esbuild's transform API reads no tsconfig, yet TypeScript semantics (decorators, class fields, import
 * elision) depend on it; hand it the `compilerOptions` of the tsconfig esbuild's build would use for the file.
 * An explicit `tsconfig` option is relative to the build's working directory, as esbuild reads it.
 */
export function readTsconfigRaw(dir: string, explicit: string | undefined, workingDir: string): string | undefined {
  // Any entry named tsconfig.json ends the search; one that is not a readable file gives no options.
  const file = explicit ? path.resolve(workingDir, explicit) : findUpward(dir, "tsconfig.json", fs.existsSync);
  if (!file) return undefined;
  if (!cache.has(file)) {
    const options = compilerOptionsIn(file);
    cache.set(file, options && JSON.stringify({ compilerOptions: options }));
  }
  return cache.get(file);
}
