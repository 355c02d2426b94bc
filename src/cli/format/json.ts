import type { Violation } from "../scan";

/**
 * The documented JSON shape, and nothing more, so scripts can rely on it. `rule` names the rule as the rules
 * file has it; each symbol says where it goes, written as the importer would write it (`"*"`, a namespace
 * object, is not a symbol: its member accesses are).
 */
export function formatJson(violations: readonly Violation[]): string {
  const files = new Set(violations.map((v) => v.path)).size;
  const document = {
    violations: violations.map((v) => ({
      file: v.path,
      line: v.line,
      column: v.column,
      specifier: v.specifier,
      replacement: v.replacement,
      rule: { index: v.rule.index, from: v.rule.from.written, to: v.rule.to?.written ?? null, message: v.rule.message ?? null },
      symbols: v.targets.map((t) => ({ name: t.name, module: t.module, newName: t.newName })),
      ...(v.unsafe ? { unsafe: v.unsafe } : {}),
    })),
    summary: { violations: violations.length, files },
  };
  return JSON.stringify(document, null, 2) + "\n";
}
