import { describe, expect, it } from "vitest";
import { listedReexports, missingListedExport } from "../../src/facade/listed-reexports";
import { loadRulesText } from "../../src/rules/load";
import { RuleIndex } from "../../src/rules/targets";
import type { RuleSet } from "../../src/rules/types";
import { RULES_FILE, absolute, memoryFs } from "../helpers/core";

const FILES = absolute({ "src/services/context.ts": "", "src/services/math.ts": "" });

function ruleSetOf(rules: unknown[]): RuleSet {
  const loaded = loadRulesText(RULES_FILE, JSON.stringify({ rules }, null, 2), memoryFs(FILES));
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join("\n"));
  return loaded.ruleSet;
}

describe("listedReexports", () => {
  it("lists renamed, moved and default names, and leaves out a name export * carries unchanged", () => {
    const ruleSet = ruleSetOf([
      {
        from: "./src/legacy/factory",
        to: "./src/services/context",
        symbols: { same: "same", createManager: "createContext", default: "default", count: { to: "./src/services/math", name: "countOf" } },
      },
    ]);
    const index = new RuleIndex(ruleSet);
    const listed = listedReexports(index, ruleSet.rules[0]!).map(({ name, destination }) => `${name} → ${destination.module.written}#${destination.name}`);
    expect(listed).toEqual(["createManager → ./src/services/context#createContext", "default → ./src/services/context#default", "count → ./src/services/math#countOf"]);
  });

  it("a missing destination is an error at the symbol's place in the rules file, in the tsc plugin's words", () => {
    const ruleSet = ruleSetOf([{ from: "./src/legacy/factory", to: "./src/services/context", symbols: { createManager: "createMissing" } }]);
    const rule = ruleSet.rules[0]!;
    const [reexport] = listedReexports(new RuleIndex(ruleSet), rule);
    const error = missingListedExport(ruleSet, rule, reexport!.name, reexport!.destination);
    expect(error).toMatchObject({ severity: "error", file: RULES_FILE, rule: rule.label, ...rule.symbolLocations.get("createManager") });
    expect(error.message).toBe(`symbol "createManager" maps to "createMissing", which ./src/services/context does not export`);
    expect(rule.symbolLocations.get("createManager")).toBeDefined();
  });
});
