import * as path from "node:path";
import type { Message } from "esbuild";
import { forgottenNameMessage } from "../messages";
import { moduleKeyOf, toPosix } from "../rules/module-paths";
import type { Rule } from "../rules/types";
import type { ActiveRules } from "./active-rules";

/** esbuild's words when an importer asks a module for a name it does not export. */
const NO_MATCHING_EXPORT = /^No matching export in "([^"]+)" for import "([^"]+)"$/;

/**
 * A rule that may have forgotten a name has its importers checked before esbuild links (checked-rules.ts), so
 * esbuild's linker meets a facade's missing name only when the deprecated module lacked it too, or when the
 * check could not know (a package target). Its message, which blames the deprecated file, is then reworded in
 * place (esbuild's failure carries these very objects) into the core's, at the place esbuild found. esbuild has
 * printed its own words already by then; a `ns.name` read stays esbuild's warning, as in the hand-migrated build.
 */
export function explainMissingImports(errors: Message[], active: ActiveRules, workingDir: string, facadeRule: (facade: string) => Rule | undefined): void {
  const ruleOf = (shown: string): Rule | undefined => {
    const facade = /^ssot-imports-facade:(.*)$/.exec(shown);
    if (facade) return facadeRule(facade[1]);
    return active.matcher.index.ruleFor(moduleKeyOf(toPosix(path.resolve(workingDir, shown))));
  };
  for (const error of errors) {
    const match = NO_MATCHING_EXPORT.exec(error.text);
    const rule = match ? ruleOf(match[1]) : undefined;
    if (!match || !rule) continue;
    error.text = `[${rule.label}] ${forgottenNameMessage(match[2], rule, active.matcher.index.moduleTarget(rule))}`;
    error.pluginName = "ssot-imports";
    error.notes = [];
  }
}
