import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire, wrap } from "node:module";
import { basename, dirname, join, parse, sep } from "node:path";
import { Script } from "node:vm";

/**
 * Runs one of the package's bundles as `module` (the stub in dist/ that users load) with V8's code cache, the
 * way Node 22's `module.enableCompileCache()` does for a whole process (Node 20, which this package supports,
 * has nothing of the kind).
 *
 * Why: the esbuild plugin runs inside the user's build, and much of what it costs on its JavaScript side is V8
 * compiling its code: the bundle at load, then each function at its first call. Reading that compiled code back
 * took ~24 M instructions off the ~81 M the plugin added in node to a 4,000-module bundle (README, Code cache).
 * The cache is written once, at the exit of the first process that loads a bundle without one, when it holds
 * every function that process compiled.
 *
 * Where: `node_modules/.cache/ssot-imports/` of the node_modules folder the package is installed in (the
 * convention of babel-loader, terser and ESLint), never a shared temporary folder, whose files anyone may write.
 * No node_modules folder, or `SSOT_IMPORTS_CODE_CACHE=off`: no cache, the bundle is compiled as usual.
 *
 * Which: V8 checks only a cache's V8 version, flags and the source's length. So the file name carries the hash
 * of the bundle's text (computed when it was built: hashing 85 KB at every start would cost as much as the cache
 * saves), and the bundle's size and modification time as this process finds them, so that an edited bundle
 * (patch-package, a rebuild) never meets the compiled code of another text; and a hash of the bundle's folder,
 * so that two copies of the package sharing one node_modules never remove each other's cache. Every failure (unreadable, rejected,
 * unwritable) falls back to plain compilation, silently.
 */
export function loadWithCodeCache(bundle: string, module: { exports: unknown }, textHash: string): void {
  // A bundle that is also a command starts with a hashbang, which only the module loader strips: comment it out.
  const text = readFileSync(bundle, "utf8");
  const source = text.startsWith("#!") ? `//${text.slice(2)}` : text;
  const cache = codeCacheFile(bundle, textHash);
  const cachedData = cache ? readIfExists(cache.file) : undefined;
  const script = new Script(wrap(source), { filename: bundle, cachedData });
  if (cache && (!cachedData || script.cachedDataRejected)) process.once("exit", () => writeCodeCache(script, cache));
  // The bundle runs as the stub's own module: its exports are the stub's, and a command bundle still sees
  // itself as `require.main`.
  const compiled = script.runInThisContext() as (...args: unknown[]) => void;
  compiled.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
}

interface CacheFile {
  file: string;
  /** What every cache of this bundle's file name starts with: older ones are removed when a new one is written. */
  prefix: string;
}

/** The cache file for this bundle as it is now, or undefined when there is nowhere safe to keep one. */
export function codeCacheFile(bundle: string, textHash: string): CacheFile | undefined {
  if (process.env.SSOT_IMPORTS_CODE_CACHE === "off") return undefined;
  const folder = cacheFolder(bundle);
  const stat = statSync(bundle, { throwIfNoEntry: false });
  if (!folder || !stat) return undefined;
  // Copies of the package that share one node_modules (worktrees of a checkout, `npm link`) each keep their own
  // cache: named only by the bundle, each copy's first process removed the other's, and every start recompiled.
  const prefix = `${basename(dirname(bundle))}-${parse(bundle).name}-${folderHash(dirname(bundle))}-`;
  const version = [textHash, stat.size, Math.round(stat.mtimeMs), process.version, process.arch].join("-");
  return { file: join(folder, `${prefix}${version}.v8`), prefix };
}

/** FNV-1a of the bundle's folder, in hex: a name, not a secret, and loading node:crypto would cost more than it saves. */
function folderHash(folder: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < folder.length; i++) hash = Math.imul(hash ^ folder.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/** `node_modules/.cache/ssot-imports` of the innermost node_modules folder holding the bundle, else of the nearest one above it. */
function cacheFolder(bundle: string): string | undefined {
  const parts = dirname(bundle).split(sep);
  const installedIn = parts.lastIndexOf("node_modules");
  if (installedIn > 0) return join(parts.slice(0, installedIn + 1).join(sep) || sep, ".cache", "ssot-imports");
  for (let dir = dirname(bundle); ; dir = dirname(dir)) {
    if (isFolder(join(dir, "node_modules"))) return join(dir, "node_modules", ".cache", "ssot-imports");
    if (dirname(dir) === dir) return undefined;
  }
}

function writeCodeCache(script: Script, { file, prefix }: CacheFile): void {
  // Written beside and renamed into place: processes that start meanwhile read a whole file or none.
  const partial = `${file}.${process.pid}.partial`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, file);
    for (const name of readdirSync(dirname(file))) {
      if (name.startsWith(prefix) && name.endsWith(".v8") && name !== basename(file)) rmSync(join(dirname(file), name), { force: true });
    }
  } catch {
    try {
      rmSync(partial, { force: true });
    } catch {
      // Nothing was written, or nothing can be removed: either way the next process compiles as usual.
    }
  }
}

function readIfExists(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
