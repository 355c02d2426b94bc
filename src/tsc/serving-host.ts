import type * as TS from "typescript";
import { countWork } from "../work-counts";

/**
 * Rewritten SourceFiles survive between the programs of one process (watch mode, `tsc -b` with several
 * projects), so an unchanged file is parsed once, and keeps its identity for TypeScript's structure reuse.
 */
const rewrittenCache = new Map<string, TS.SourceFile>();

/**
 * A compiler host that serves rewritten text for the files that import deprecated modules and the old
 * Program's SourceFile objects for every other file, so TypeScript reuses them instead of parsing again.
 */
export function hostServing(ts: typeof TS, host: TS.CompilerHost, program: TS.Program, replacements: ReadonlyMap<string, string>) {
  let previous: TS.Program | undefined = program;
  // TypeScript asks for each file by the name the old Program gave it. A map by that name answers without
  // normalising the name into a path first, as program.getSourceFile does: once per file and rebuild.
  let byName: Map<string, TS.SourceFile> | undefined = new Map(program.getSourceFiles().map((file) => [file.fileName, file]));
  const old = (fileName: string) => unredirected(byName?.get(fileName) ?? previous?.getSourceFile(fileName));
  const getSourceFile = (fileName: string, languageVersion: TS.ScriptTarget | TS.CreateSourceFileOptions, onError?: (message: string) => void, shouldCreate?: boolean) => {
    const text = replacements.get(fileName);
    if (text === undefined) return old(fileName) ?? host.getSourceFile(fileName, languageVersion, onError, shouldCreate);
    const cacheKey = `${fileName}\0${JSON.stringify(languageVersion)}`;
    const cached = rewrittenCache.get(cacheKey);
    if (cached && cached.text === text) return cached;
    const original = old(fileName) ?? host.getSourceFile(fileName, languageVersion, onError, shouldCreate);
    countWork("parse", fileName);
    const rewritten = ts.createSourceFile(fileName, text, languageVersion, false);
    const versioned = rewritten as TS.SourceFile & { version?: string };
    // Builder programs (incremental, watch) key files by version: the rewritten text, hence the rules, is the input.
    if ((original as { version?: string } | undefined)?.version !== undefined) versioned.version = hashOf(ts, host, text);
    rewrittenCache.set(cacheKey, rewritten);
    return rewritten;
  };
  const serving: TS.CompilerHost = Object.assign(Object.create(host) as TS.CompilerHost, {
    getSourceFile,
    getSourceFileByPath: (fileName: string, _path: TS.Path, languageVersion: TS.ScriptTarget | TS.CreateSourceFileOptions, onError?: (message: string) => void, shouldCreate?: boolean) =>
      getSourceFile(fileName, languageVersion, onError, shouldCreate),
  });
  const release = () => {
    previous = undefined;
    byName = undefined;
  };
  return { host: serving, release };
}

/**
 * A second copy of one package version (same name and version in two node_modules folders) is held by the
 * Program as a redirect to the first copy. Hosts must return the file itself, as they did the first time:
 * TypeScript asserts it ("Host should not return a redirect source file"), and rebuilds the redirect itself.
 */
function unredirected(file: TS.SourceFile | undefined): TS.SourceFile | undefined {
  return (file as { redirectInfo?: { unredirected: TS.SourceFile } } | undefined)?.redirectInfo?.unredirected ?? file;
}

/**
 * The old Program's module resolution cache, when it is the Program's own: its host resolves nothing itself
 * (`tsc -p`; watch and `tsc -b` hosts bring their own cache, with their own invalidation, and keep it).
 * It was filled with the same options and file system, so the matcher may reuse it. The rebuilt Program must
 * not: the cache keeps the old Program alive (~5 MB on 1,000 modules) for a few milliseconds saved.
 */
export function ownResolutionCache(program: TS.Program, host: TS.CompilerHost): TS.ModuleResolutionCache | undefined {
  if (host.resolveModuleNameLiterals || host.resolveModuleNames) return undefined;
  // Internal but long-standing (the emit host uses it); without it everything is resolved afresh, as before.
  return (program as { getModuleResolutionCache?(): TS.ModuleResolutionCache | undefined }).getModuleResolutionCache?.();
}

export function hashOf(ts: typeof TS, host: TS.CompilerHost, text: string): string {
  const createHash = (host as { createHash?: (s: string) => string }).createHash ?? ts.sys.createHash;
  if (createHash) return createHash(text);
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash << 5) + hash + text.charCodeAt(i)) | 0;
  return String(hash);
}

