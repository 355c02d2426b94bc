import type * as TS from "typescript";
import { ProjectMemory } from "./project-memory";

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
    serveRewrittenFiles(host, memory);
  }
  return memory;
}

/**
 * From now on the watch program's host answers each file with last build's rewritten SourceFile while the
 * file's own SourceFile is the one it was made from. The Program tsc builds at a rebuild then already holds
 * every unchanged rewritten file, as the very object the previous Program held, so TypeScript reuses it
 * (and the builder, which keys files by version, sees it unchanged). The plugin still checks every file of
 * that Program against the current rules; serving is only the guess that they did not change.
 */
function serveRewrittenFiles(host: TS.CompilerHost, memory: ProjectMemory): void {
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (...args) => memory.served(getSourceFile.apply(host, args));
  const getSourceFileByPath = host.getSourceFileByPath;
  if (getSourceFileByPath) host.getSourceFileByPath = (...args) => memory.served(getSourceFileByPath.apply(host, args));
}
