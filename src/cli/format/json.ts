import type { Violation } from "../scan";

/** The documented JSON shape, and nothing more, so scripts can rely on it. */
export function formatJson(violations: readonly Violation[]): string {
  const files = new Set(violations.map((v) => v.path)).size;
  const document = {
    violations: violations.map((v) => ({
      file: v.path,
      line: v.line,
      column: v.column,
      specifier: v.specifier,
      rule: v.rule.label,
      symbols: v.symbols,
    })),
    summary: { violations: violations.length, files },
  };
  return JSON.stringify(document, null, 2) + "\n";
}
