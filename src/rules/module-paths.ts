import * as path from "node:path";
import type { ModuleRef, PathModule } from "./types";

/** What the file system must answer for the core; adapters pass their host's (tsc's, esbuild's, node's). */
export interface FileSystem {
  fileExists(file: string): boolean;
  readFile(file: string): string | undefined;
  /** Lets messages say "is a folder" rather than "does not exist"; hosts without it get the plainer words. */
  directoryExists?(folder: string): boolean;
}

/** Why a rules file cannot be read: a folder named where a file is expected, or nothing at all. */
export function rulesFileProblem(file: string, fs: FileSystem): string {
  return fs.directoryExists?.(file) ? `rules file ${file} is a folder, not a file` : `rules file not found: ${file}`;
}

/**
 * The folder a rules file's paths must stay inside: the folder that names the rules file (the tsconfig's, or
 * esbuild's working folder) when the file lies inside it (`./config/rules.json`), else the rules file's own.
 */
export function projectRootFor(namingDir: string, rulesFile: string): string {
  const file = toPosix(path.resolve(rulesFile));
  const dir = toPosix(path.resolve(namingDir));
  return isInside(dir, file) ? dir : path.posix.dirname(file);
}

/**
 * Whether `file` lies inside `folder` (both resolved: absolute, normalised, `/`-separated). A prefix test, not
 * `path.posix.relative`, which normalises both again: asked for every module a rules file names, that work made
 * node:path's normaliser hot enough for V8 to optimise it, ~12 M instructions in each esbuild process.
 */
export function isInside(folder: string, file: string): boolean {
  return file === folder || file.startsWith(folder.endsWith("/") ? folder : `${folder}/`);
}

/** Longest first, so `.d.ts` is stripped whole rather than as `.ts`. */
export const SOURCE_EXTENSIONS = [".d.mts", ".d.cts", ".d.ts", ".tsx", ".mts", ".cts", ".ts", ".jsx", ".mjs", ".cjs", ".js"];
/** Probe order for a module written without an extension, as TypeScript's resolver tries them. */
const PROBE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".d.ts", ".d.mts", ".d.cts", ".js", ".jsx", ".mjs", ".cjs"];

export function toPosix(file: string): string {
  return file.replace(/\\/g, "/");
}

/** The identity of a module file: `/abs/src/old.ts` and `/abs/src/old.js` are the same module `/abs/src/old`. */
export function moduleKeyOf(file: string): string {
  const posix = toPosix(file);
  for (const ext of SOURCE_EXTENSIONS) if (posix.endsWith(ext)) return posix.slice(0, -ext.length);
  return posix;
}

/** `./x` and `../x` (and absolute paths) are rule paths; anything else is a bare specifier or alias. */
export function isPathLike(written: string): boolean {
  return written.startsWith("./") || written.startsWith("../") || written === "." || written === ".." || path.isAbsolute(written);
}

export function resolveModuleRef(written: string, baseDir: string, fs: FileSystem): ModuleRef {
  if (!isPathLike(written)) return { kind: "bare", key: written, written };
  return resolvePathModule(written, baseDir, fs);
}

/** Finds the file a rule path names: a file (extension optional), or a folder's index file. */
export function resolvePathModule(written: string, baseDir: string, fs: FileSystem): PathModule {
  const absolute = toPosix(path.resolve(baseDir, written));
  const key = moduleKeyOf(absolute);
  if (key !== absolute && fs.fileExists(absolute)) return { kind: "path", key, file: absolute, isFolder: false, written };
  for (const ext of PROBE_EXTENSIONS) {
    if (fs.fileExists(key + ext)) return { kind: "path", key, file: key + ext, isFolder: false, written };
  }
  for (const ext of PROBE_EXTENSIONS) {
    const index = `${key}/index${ext}`;
    if (fs.fileExists(index)) return { kind: "path", key: `${key}/index`, file: index, isFolder: true, written };
  }
  return { kind: "path", key, isFolder: false, written };
}
