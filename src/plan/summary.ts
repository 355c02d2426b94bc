import type { Rule, RuleSet } from "../rules/types";

/** One line per build (`report: "summary"`): how many imports in how many files each rule rewrote. */
export function formatSummary(ruleSet: RuleSet, rewrites: ReadonlyArray<{ rule: Rule; file: string }>): string {
  const perRule = ruleSet.rules.map((rule) => {
    const own = rewrites.filter((r) => r.rule === rule);
    return `rule ${rule.index}: ${own.length} in ${plural(new Set(own.map((r) => r.file)).size, "file")}`;
  });
  const files = new Set(rewrites.map((r) => r.file)).size;
  return `ssot-imports: rewrote ${plural(rewrites.length, "import")} in ${plural(files, "file")} (${perRule.join("; ")})`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
