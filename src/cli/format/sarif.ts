import { pathToFileURL } from "node:url";
import type { RuleIndex } from "../../rules/targets";
import type { Rule } from "../../rules/types";
import type { Violation } from "../scan";
import { deprecatedImportMessage } from "../../messages";

const BASE_ID = "PROJECTROOT";

/**
 * SARIF 2.1.0 for code scanning. Each rule's id is its `from` as written: stable when rules are reordered, so
 * code scanning keeps tracking the same alerts. Locations are relative to the project root, declared as a base.
 */
export function formatSarif(root: string, version: string, index: RuleIndex, violations: readonly Violation[]): string {
  const rules = index.ruleSet.rules;
  const position = new Map<Rule, number>(rules.map((r, i) => [r, i]));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "ssot-imports",
            version,
            informationUri: "https://www.npmjs.com/package/ssot-imports",
            rules: rules.map((rule) => ({
              id: rule.from.written,
              name: `rule${rule.index}`,
              shortDescription: { text: rule.label },
              fullDescription: { text: rule.message ?? `${rule.from.written} is deprecated; import ${index.moduleTarget(rule).written} instead` },
              defaultConfiguration: { level: "warning" },
            })),
          },
        },
        originalUriBaseIds: { [BASE_ID]: { uri: pathToFileURL(root.endsWith("/") ? root : `${root}/`).href } },
        results: violations.map((v) => ({
          ruleId: v.rule.from.written,
          ruleIndex: position.get(v.rule),
          level: "warning",
          message: {
            text: `${deprecatedImportMessage(v.specifier, v.rule, v.replacement, v.targets)}${v.unsafe ? `. Cannot be migrated automatically: ${v.unsafe}` : ""}`,
          },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(v.path), uriBaseId: BASE_ID },
                region: { startLine: v.line, startColumn: v.column },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}
