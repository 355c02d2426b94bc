import type * as TS from "typescript";
import { countWork } from "../work-counts";
import { ProjectMemory } from "./project-memory";
import { hashOf } from "./serving-host";

const memories = new WeakMap<TS.CompilerHost, ProjectMemory>();

/**
 * The memory of a `tsc --watch` session, or undefined for any other build. A watch program builds every
 * Program of the session with one compiler host (the one ts-patch hands the plugin), which caches each
 * file's SourceFile until the file changes; it is the only compiler host that offers `getCurrentProgram`.
 * `tsc -b` shares one host between projects with different rules, and a cold build has a single Program:
 * both keep the plain path.
 */
export function watchMemoryOf(ts: typeof TS, host: TS.CompilerHost | undefined): ProjectMemory | undefined {
  if (!host || typeof (host as { getCurrentProgram?: unknown }).getCurrentProgram !== "function") return undefined;
  let memory = memories.get(host);
  if (!memory) {
    memory = new ProjectMemory(ts, host);
    memories.set(host, memory);
    serveRewrittenFiles(ts, host, memory);
  }
  return memory;
}

/**
 * From now on the watch program's host answers each file with last build's rewritten SourceFile while the
 * file's own SourceFile is the one it was made from, and rewrites a project file's new text as it hands it
 * over. The Program tsc builds at a rebuild then already holds every rewritten file, the unchanged ones as the
 * very objects the previous Program held, so TypeScript reuses them (the builder, which keys files by
 * version, sees them unchanged), and the plugin needs no second createProgram. The plugin still checks every
 * file of that Program against the current rules: serving is only the guess that they did not change.
 */
function serveRewrittenFiles(ts: typeof TS, host: TS.CompilerHost, memory: ProjectMemory): void {
  const serve = (original: TS.SourceFile | undefined, languageVersion: TS.ScriptTarget | TS.CreateSourceFileOptions): TS.SourceFile | undefined => {
    if (!original) return original;
    const known = memory.servedFor(original);
    if (known) return known;
    const text = memory.rewriteEdited(original);
    if (text === undefined) return original;
    countWork("parse", original.fileName);
    const rewritten = ts.createSourceFile(original.fileName, text, languageVersion, false) as TS.SourceFile & { version?: string };
    // Builder programs key files by version: the rewritten text is the input, as in the serving host.
    if ((original as { version?: string }).version !== undefined) rewritten.version = hashOf(ts, host, text);
    memory.serve(original, rewritten);
    return rewritten;
  };
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => serve(getSourceFile.call(host, fileName, languageVersion, onError, shouldCreate), languageVersion);
  const getSourceFileByPath = host.getSourceFileByPath;
  if (getSourceFileByPath) {
    host.getSourceFileByPath = (fileName, path, languageVersion, onError, shouldCreate) =>
      serve(getSourceFileByPath.call(host, fileName, path, languageVersion, onError, shouldCreate), languageVersion);
  }
}
