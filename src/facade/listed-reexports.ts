import type { SsotDiagnostic } from "../diagnostic";
import { missingListedExportMessage } from "../messages";
import type { ResolvedSymbol, RuleIndex } from "../rules/targets";
import type { Rule, RuleSet } from "../rules/types";

/** A name the old module exports that a facade must re-export by name: `export *` from the target cannot carry it. */
export interface ListedReexport {
  /** The old name, as importers of the deprecated module ask for it. */
  name: string;
  destination: ResolvedSymbol;
}

/**
 * The rule's listed names that need a re-export of their own in a facade built on `export * from <target>`:
 * every renamed or moved one, and `default` (which `export *` never carries). Shared by every facade (bundler
 * and declaration alike), so they all agree on what a rule's old module exports.
 */
export function listedReexports(index: RuleIndex, rule: Rule): ListedReexport[] {
  const target = index.moduleTarget(rule);
  const result: ListedReexport[] = [];
  for (const name of index.listedNames(rule)) {
    const destination = index.symbolTarget(rule, name);
    if (!destination) continue; // a cycle, which the rules loader has already refused
    if (destination.module.key === target.key && destination.name === name && name !== "default") continue;
    result.push({ name, destination });
  }
  return result;
}

/** The rules error for a listed name whose destination does not export it: the same words as the tsc plugin's. */
export function missingListedExport(ruleSet: RuleSet, rule: Rule, name: string, destination: ResolvedSymbol): SsotDiagnostic {
  const location = rule.symbolLocations.get(name) ?? { line: rule.line, column: rule.column };
  return {
    severity: "error",
    file: ruleSet.file,
    ...location,
    rule: rule.label,
    message: missingListedExportMessage(name, destination.name, destination.module),
  };
}
