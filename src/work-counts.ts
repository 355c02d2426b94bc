/**
 * How much per-file work ssot-imports did in this process: the evidence that a rebuild after a one-file edit
 * redoes nothing for the files that did not change (tests read it; it costs an integer add per file).
 * - scan: a file's import sites were scanned (only files whose text holds a deprecated module's needle);
 * - plan: a rewrite plan was computed for a file with matched sites;
 * - parse: ssot-imports itself parsed a file's text into a tree (not TypeScript's own parses).
 */
export type WorkKind = "scan" | "plan" | "parse";

export type WorkCounts = Record<WorkKind, number>;

interface Store {
  counts: WorkCounts;
  /** The files behind each count, kept only while a test asks for them (`recordWorkFiles(true)`). */
  files: Record<WorkKind, string[]> | undefined;
}

// One store per process, not per copy of this module: each entry point of dist/ is its own bundle (the esbuild
// plugin and its lazily loaded rewriter are two), and a test reads the counts through src/ (a third copy).
const STORE = Symbol.for("ssot-imports.work-counts");
const store: Store = ((globalThis as { [STORE]?: Store })[STORE] ??= { counts: { scan: 0, plan: 0, parse: 0 }, files: undefined });
const counts = store.counts;

export function countWork(kind: WorkKind, file: string): void {
  counts[kind]++;
  store.files?.[kind].push(file);
}

export function workCounts(): WorkCounts {
  return { ...counts };
}

export function workFiles(): Readonly<Record<WorkKind, readonly string[]>> {
  return store.files ?? { scan: [], plan: [], parse: [] };
}

export function resetWorkCounts(): void {
  counts.scan = counts.plan = counts.parse = 0;
  if (store.files) store.files = { scan: [], plan: [], parse: [] };
}

export function recordWorkFiles(on: boolean): void {
  store.files = on ? { scan: [], plan: [], parse: [] } : undefined;
}
