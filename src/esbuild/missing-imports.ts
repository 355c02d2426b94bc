import * as path from "node:path";
import type { Message, PartialMessage } from "esbuild";
import { forgottenNameMessage } from "../messages";
import { moduleKeyOf, toPosix } from "../rules/module-paths";
import type { Rule } from "../rules/types";
import type { ActiveRules } from "./active-rules";

/** esbuild's words when an importer asks a module for a name it does not export (an error, or for `ns.name` a warning). */
const NO_MATCHING_EXPORT = /^No matching export in "([^"]+)" for import "([^"]+)"$/;
const ALWAYS_UNDEFINED = /^Import "([^"]+)" will always be undefined because there is no matching export in "([^"]+)"$/;

/**
 * In a bundle the importers are untouched: a deprecated module is replaced by a facade that re-exports its SSOT
 * module, so a name the rules forgot reaches esbuild's linker, which blames the deprecated file. When that
 * file is one of our facades, its message is reworded in place (esbuild's failure carries these very objects)
 * into the core's, at the place esbuild found; a `ns.name` read, only a warning to esbuild, becomes an error.
 */
export function explainMissingImports(errors: Message[], warnings: readonly Message[], active: ActiveRules, workingDir: string, facadeRule: (facade: string) => Rule | undefined): PartialMessage[] {
  const ruleOf = (shown: string): Rule | undefined => {
    const facade = /^ssot-imports-facade:(.*)$/.exec(shown);
    if (facade) return facadeRule(facade[1]);
    return active.matcher.index.ruleFor(moduleKeyOf(toPosix(path.resolve(workingDir, shown))));
  };
  const explain = (name: string, shown: string) => {
    const rule = ruleOf(shown);
    if (!rule) return undefined;
    return `[${rule.label}] ${forgottenNameMessage(name, rule, active.matcher.index.moduleTarget(rule))}`;
  };
  for (const error of errors) {
    const match = NO_MATCHING_EXPORT.exec(error.text);
    const text = match && explain(match[2], match[1]);
    if (!text) continue;
    error.text = text;
    error.pluginName = "ssot-imports";
    error.notes = [];
  }
  const added: PartialMessage[] = [];
  for (const warning of warnings) {
    const match = ALWAYS_UNDEFINED.exec(warning.text);
    const text = match && explain(match[1], match[2]);
    if (text) added.push({ text, location: warning.location });
  }
  return added;
}
