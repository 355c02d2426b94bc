import * as fs from "node:fs";
import * as path from "node:path";

export const isFile = (file: string): boolean => fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;

/**
 * `name` in `dir` or the nearest folder above it: how tsc finds tsconfig.json when run without `-p`
 * (`ts.findConfigFile`), and how Node and npm find the package.json that owns a folder.
 */
export function findUpward(dir: string, name: string, fileExists: (file: string) => boolean = isFile): string | undefined {
  for (let current = path.resolve(dir); ; ) {
    const candidate = path.join(current, name);
    if (fileExists(candidate)) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
