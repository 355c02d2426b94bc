import type { RewriteTarget } from "./plan/types";
import type { ModuleRef, Rule } from "./rules/types";

/**
 * The words for each event that several adapters report. Every adapter (tsc, esbuild, the CLI) builds its
 * message here, so the same mistake reads the same wherever it surfaces; adapters only add their location.
 */

/**
 * An importer asks a deprecated module for a name that the rule sends to a module which does not export it,
 * and the rule's `symbols` does not map it: the rule forgot a rename, or the export stayed behind.
 */
export function forgottenNameMessage(name: string, rule: Rule, target: ModuleRef): string {
  return (
    `imports "${name}" from ${rule.from.written}, but ${target.written} does not export "${name}" and rule ${rule.index}'s "symbols" does not map it; ` +
    `add "${name}": "<its name in ${target.written}>" (or { "to": "<module that exports it>", "name": "<its name there>" }) to the rule's "symbols"`
  );
}

/** A listed symbol whose final name its final module does not export (a typo in the rules, usually). */
export function missingListedExportMessage(name: string, newName: string, target: ModuleRef): string {
  return `symbol "${name}" maps to "${newName}", which ${target.written} does not export`;
}

/**
 * Where a deprecated import goes, as the importer would write it: `"../services/ctx.js" (createManager →
 * createContext, describe → describeContext from "../services/describe.js")`. Only names that change are listed.
 */
export function describeReplacement(replacement: string, targets: readonly RewriteTarget[]): string {
  const changes = targets
    .filter((t) => t.module !== replacement || t.newName !== t.name)
    .map((t) => (t.module === replacement ? `${t.name} → ${t.newName}` : `${t.name} → ${t.newName} from "${t.module}"`));
  return `"${replacement}"${changes.length > 0 ? ` (${changes.join(", ")})` : ""}`;
}

/**
 * One deprecated import, as a report or a build warning names it: the specifier as written, the rule's own
 * message when it has one, and the replacement as the importer would write it, so it can be copied.
 */
export function deprecatedImportMessage(specifier: string, rule: Rule, replacement: string, targets: readonly RewriteTarget[] = []): string {
  return `"${specifier}" is deprecated${rule.message ? ` (${rule.message})` : ""}: import ${describeReplacement(replacement, targets)} instead`;
}
