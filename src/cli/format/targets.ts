import type { RuleIndex } from "../../rules/targets";
import type { Violation } from "../scan";

/**
 * What a deprecated import resolves to under the rules, chains followed: the module, and each imported name
 * that changes (`old → new`, or `old → ./other#new` when it moves elsewhere). Wording only: the core decides.
 */
export function describeTarget(index: RuleIndex, v: Violation): string {
  const moduleTarget = index.moduleTarget(v.rule);
  const changes: string[] = [];
  for (const name of v.symbols) {
    if (name === "*") continue;
    const target = index.symbolTarget(v.rule, name);
    if (!target) continue;
    if (target.module.key !== moduleTarget.key) changes.push(`${name} → ${target.module.written}#${target.name}`);
    else if (target.name !== name) changes.push(`${name} → ${target.name}`);
  }
  return `${moduleTarget.written}${changes.length > 0 ? ` (${changes.join(", ")})` : ""}`;
}

/** `3 violations in 2 files`, with singulars where they belong. */
export function countPhrase(violations: number, files: number): string {
  return `${violations} ${violations === 1 ? "violation" : "violations"} in ${files} ${files === 1 ? "file" : "files"}`;
}
