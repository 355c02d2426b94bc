import * as fs from "node:fs";
import { UsageError } from "./errors";
import { compare } from "./format/text";
import type { Violation } from "./scan";
import { writeFileAtomic } from "./write-atomic";

export const DEFAULT_BASELINE_FILE = "ssot-imports.baseline.json";

/**
 * Counts per file per rule: `{ "src/a.ts": { "./src/old": 2 } }`. Counts, not lines, so unrelated edits that
 * move an import do not churn the file; rules are keyed by `from` as written, which survives reordering rules.
 */
export type Counts = Record<string, Record<string, number>>;

export interface BaselineEntry {
  file: string;
  rule: string;
  baseline: number;
  current: number;
  /** The current imports of this rule in this file, to name them. */
  violations: Violation[];
}

export interface Delta {
  /** More violations than the baseline allows. */
  added: BaselineEntry[];
  /** Fewer than recorded: the baseline must shrink so the gain cannot be lost again. */
  stale: BaselineEntry[];
}

export function countViolations(violations: readonly Violation[]): Counts {
  const counts: Counts = {};
  for (const v of violations) {
    const ofFile = (counts[v.path] ??= {});
    ofFile[v.rule.from.written] = (ofFile[v.rule.from.written] ?? 0) + 1;
  }
  return counts;
}

export function compareBaseline(baseline: Counts, violations: readonly Violation[]): Delta {
  const current = countViolations(violations);
  const delta: Delta = { added: [], stale: [] };
  const files = [...new Set([...Object.keys(baseline), ...Object.keys(current)])].sort(compare);
  for (const file of files) {
    const rules = [...new Set([...Object.keys(baseline[file] ?? {}), ...Object.keys(current[file] ?? {})])].sort(compare);
    for (const rule of rules) {
      const before = baseline[file]?.[rule] ?? 0;
      const now = current[file]?.[rule] ?? 0;
      if (before === now) continue;
      const entry = { file, rule, baseline: before, current: now, violations: violations.filter((v) => v.path === file && v.rule.from.written === rule) };
      (now > before ? delta.added : delta.stale).push(entry);
    }
  }
  return delta;
}

export function readBaseline(file: string): Counts {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new UsageError(`no baseline at ${file}; create it with \`ssot-imports check --update\``);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON (${(error as Error).message}); recreate it with \`ssot-imports check --update\``);
  }
  const counts = (document as { violations?: unknown } | null)?.violations;
  if (!isCounts(counts)) throw new UsageError(`${file} is not an ssot-imports baseline (expected { "violations": { file: { rule: count } } })`);
  return counts;
}

/** Sorted keys at both levels and a trailing newline: the file's diffs show only what really changed. */
export function writeBaseline(file: string, violations: readonly Violation[]): void {
  const counts = countViolations(violations);
  const sorted: Counts = {};
  for (const path of Object.keys(counts).sort(compare)) {
    sorted[path] = {};
    for (const rule of Object.keys(counts[path]).sort(compare)) sorted[path][rule] = counts[path][rule];
  }
  writeFileAtomic(file, JSON.stringify({ violations: sorted }, null, 2) + "\n");
}

function isCounts(value: unknown): value is Counts {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  return Object.values(value).every(
    (ofFile) => typeof ofFile === "object" && ofFile !== null && !Array.isArray(ofFile) && Object.values(ofFile).every((n: unknown) => typeof n === "number" && Number.isInteger(n) && n >= 0),
  );
}
