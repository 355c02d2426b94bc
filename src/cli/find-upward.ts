import * as fs from "node:fs";
import * as path from "node:path";

const isFile = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;

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

/**
 * The tsconfig a command works on: `--project` (a file, or a folder holding tsconfig.json) resolved against the
 * cwd, else the one tsc would pick in the cwd. Undefined when there is none; the caller words the error.
 */
export function locateTsconfig(cwd: string, project: string | undefined): string | undefined {
  if (project === undefined) return findUpward(cwd, "tsconfig.json");
  const given = path.resolve(cwd, project);
  const file = fs.statSync(given, { throwIfNoEntry: false })?.isDirectory() ? path.join(given, "tsconfig.json") : given;
  return isFile(file) ? file : undefined;
}
