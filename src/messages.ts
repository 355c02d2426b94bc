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
 * One deprecated import, as a report or a build warning names it: the specifier as written, the replacement as
 * the importer would write it, and the rule's own message when it has one.
 */
export function deprecatedImportMessage(specifier: string, replacement: string, rule: Rule): string {
  return `"${specifier}" is deprecated; import "${replacement}" instead${rule.message ? `: ${rule.message}` : ""}`;
}
