/**
 * How much per-file work ssot-imports did in this process: the evidence that a rebuild after a one-file edit
 * redoes nothing for the files that did not change (tests read it; it costs an integer add per file).
 * - scan: a file's import sites were scanned (only files whose text holds a deprecated module's needle);
 * - plan: a rewrite plan was computed for a file with matched sites;
 * - parse: ssot-imports itself parsed a file's text into a tree (not TypeScript's own parses).
 */
export type WorkKind = "scan" | "plan" | "parse";

export type WorkCounts = Record<WorkKind, number>;

const counts: WorkCounts = { scan: 0, plan: 0, parse: 0 };
/** The files behind each count, kept only while a test asks for them (`recordWorkFiles(true)`). */
let files: Record<WorkKind, string[]> | undefined;

export function countWork(kind: WorkKind, file: string): void {
  counts[kind]++;
  files?.[kind].push(file);
}

export function workCounts(): WorkCounts {
  return { ...counts };
}

export function workFiles(): Readonly<Record<WorkKind, readonly string[]>> {
  return files ?? { scan: [], plan: [], parse: [] };
}

export function resetWorkCounts(): void {
  counts.scan = counts.plan = counts.parse = 0;
  if (files) files = { scan: [], plan: [], parse: [] };
}

export function recordWorkFiles(on: boolean): void {
  files = on ? { scan: [], plan: [], parse: [] } : undefined;
}
