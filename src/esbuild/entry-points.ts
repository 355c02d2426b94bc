import * as path from "node:path";
import type { BuildOptions } from "esbuild";
import { moduleKeyOf, toPosix } from "../rules/module-paths";
import { pathPatternStyle, type PathSeparator } from "./file-filter";

/** `entryPoints` as the user wrote them: paths or globs, relative to the working directory or absolute. */
export function writtenEntryPoints(entryPoints: BuildOptions["entryPoints"]): string[] {
  if (!entryPoints) return [];
  if (Array.isArray(entryPoints)) return entryPoints.map((entry) => (typeof entry === "string" ? entry : entry.in));
  return Object.values(entryPoints);
}

export const isGlob = (entry: string) => entry.includes("*");

/**
 * esbuild's glob syntax (`*` within a path segment, `**` across them) as an RE2 pattern over an absolute path.
 * Separators as the platform writes them (see exactFiles: a literal start is what keeps Go's test cheap); on
 * Windows either separator, as esbuild may hand over either there.
 */
export function globPattern(absoluteGlob: string, separator: PathSeparator = path.sep as PathSeparator): string {
  const style = pathPatternStyle(separator);
  const glob = style.normalise(absoluteGlob);
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    if (glob.startsWith("**/", i)) {
      out += `(?:.*${style.char("/")})?`;
      i += 2;
    } else if (glob.startsWith("**", i)) {
      out += ".*";
      i += 1;
    } else if (glob[i] === "*") out += `${style.notSeparator}*`;
    else out += style.char(glob[i]);
  }
  return `^${out}$`;
}

/** Whether a file is one of the build's entry points: named (with or without extension, a folder for its index) or matched by a glob. */
export type EntryPointTest = (file: string) => boolean;

export function entryPointTest(options: BuildOptions, workingDir: string): EntryPointTest {
  const keys = new Set<string>();
  const globs: RegExp[] = [];
  for (const entry of writtenEntryPoints(options.entryPoints)) {
    const absolute = toPosix(path.resolve(workingDir, entry));
    if (isGlob(entry)) globs.push(new RegExp(globPattern(absolute)));
    else keys.add(moduleKeyOf(absolute));
  }
  return (file) => {
    const posix = toPosix(file);
    const key = moduleKeyOf(posix);
    if (keys.has(key) || (key.endsWith("/index") && keys.has(key.slice(0, -"/index".length)))) return true;
    return globs.some((glob) => glob.test(posix));
  };
}
