import type { Rule, RuleSet } from "../rules/types";

/** One line per build (`report: "summary"`): how many imports in how many files each rule rewrote. */
export function formatSummary(ruleSet: RuleSet, rewrites: ReadonlyArray<{ rule: Rule; file: string }>): string {
  const perRule = ruleSet.rules.map((rule) => {
    const own = rewrites.filter((r) => r.rule === rule);
    const files = new Set(own.map((r) => r.file)).size;
    return `rule ${rule.index}: ${own.length} in ${files} ${files === 1 ? "file" : "files"}`;
  });
  const files = new Set(rewrites.map((r) => r.file)).size;
  return `ssot-imports: rewrote ${rewrites.length} imports in ${files} files (${perRule.join("; ")})`;
}
