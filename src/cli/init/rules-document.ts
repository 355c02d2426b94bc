import { parseTree } from "jsonc-parser";
import { property } from "../../rules/json-source";
import { appendMember, applyEdits, inlineJson, splitBom, layoutOf } from "./jsonc-edit";

/** A rule as `init --from … --to … --symbol old=new` describes it, paths already relative to the rules file. */
export interface RuleInput {
  from: string;
  to?: string;
  symbols?: Record<string, string>;
}

/**
 * A new rules file. Without a rule from the command line the example stays a comment: a rule whose `to` does
 * not exist stops every build, and init must leave a project that builds.
 */
export function newRulesDocument(schema: string, rule: RuleInput | undefined): string {
  const rules = rule
    ? [`    ${inlineJson(rule)}`]
    : [
        `    // One rule per deprecated module; paths are relative to this file. For example:`,
        `    // { "from": "./src/legacy/factory", "to": "./src/services/factory", "symbols": { "createOldThing": "createThing" } }`,
      ];
  return [`{`, `  "$schema": ${JSON.stringify(schema)},`, `  "rules": [`, ...rules, `  ]`, `}`, ``].join("\n");
}

export type AddRuleResult =
  | { kind: "added"; text: string }
  /** A rule for the same `from` is there already: it is left as it is, whatever it says. */
  | { kind: "present" }
  /** The file has no `rules` array to add to (the loader reports why when it validates the file). */
  | { kind: "no-rules-array" };

/** An existing rules file with one more rule at the end of `rules`, every other byte unchanged. */
export function addRule(file: string, rule: RuleInput): AddRuleResult {
  const [bom, text] = splitBom(file);
  const result = addRuleToText(text, rule);
  return result.kind === "added" ? { kind: "added", text: bom + result.text } : result;
}

function addRuleToText(text: string, rule: RuleInput): AddRuleResult {
  const root = parseTree(text, [], { allowTrailingComma: true });
  const rules = root?.type === "object" ? property(root, "rules") : undefined;
  if (rules?.type !== "array") return { kind: "no-rules-array" };
  const present = (rules.children ?? []).some((r) => r.type === "object" && property(r, "from")?.value === rule.from);
  if (present) return { kind: "present" };
  return { kind: "added", text: applyEdits(text, appendMember(text, rules, inlineJson(rule), layoutOf(text))) };
}
