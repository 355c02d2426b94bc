import type { RuleIndex } from "../../rules/targets";
import { colorsFor, type Io } from "../io";
import { relativePath } from "../paths";
import type { Violation } from "../scan";
import { countPhrase, describeTarget } from "./targets";

/**
 * Grouped by rule, then by file, with counts at both levels; each import on its own `file:line:col` line,
 * relative to the cwd, which terminals and editors turn into links.
 */
export function formatText(io: Io, index: RuleIndex, violations: readonly Violation[], scanned: number): string {
  const c = colorsFor(io.stdout, io.env);
  if (violations.length === 0) return `${c.green("no deprecated imports")} (${scanned} ${scanned === 1 ? "file" : "files"} scanned)\n`;
  const lines: string[] = [];
  for (const [rule, ofRule] of groupBy(violations, (v) => v.rule)) {
    lines.push(`${c.bold(rule.label)}: ${countPhrase(ofRule.length, new Set(ofRule.map((v) => v.file)).size)}`);
    if (rule.message) lines.push(`  ${c.dim(rule.message)}`);
    for (const [file, ofFile] of groupBy(ofRule, (v) => v.file)) {
      lines.push(`  ${c.underline(relativePath(io.cwd, file))}: ${ofFile.length}`);
      for (const v of ofFile) {
        const where = c.cyan(`${relativePath(io.cwd, v.file)}:${v.line}:${v.column}`);
        const unsafe = v.unsafe ? `\n      ${c.yellow("cannot be migrated automatically:")} ${v.unsafe}` : "";
        lines.push(`    ${where}  "${v.specifier}" → ${describeTarget(v)}${unsafe}`);
      }
    }
    lines.push("");
  }
  const files = new Set(violations.map((v) => v.file)).size;
  lines.push(`${c.bold(countPhrase(violations.length, files))} (${scanned} scanned)`);
  return lines.join("\n") + "\n";
}

/** Groups in order of first appearance; rules come out in rules-file order because violations are sorted so. */
export function groupBy<K, V>(items: readonly V[], key: (item: V) => K): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Violations in a stable order: rules-file order, then path, then position. */
export function sortViolations(violations: readonly Violation[]): Violation[] {
  return [...violations].sort((a, b) => a.rule.index - b.rule.index || compare(a.path, b.path) || a.line - b.line || a.column - b.column);
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
