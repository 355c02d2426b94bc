import ts from "typescript";
import { describe, expect, it } from "vitest";
import { planFile } from "../../src/plan/plan-file";
import { loadRulesText } from "../../src/rules/load";
import { RuleIndex } from "../../src/rules/targets";
import { scanImports } from "../../src/scan/scan-imports";

/**
 * The core change the CLI needed: a site that cannot be rewritten safely is still a deprecated import, so the
 * plan lists it (`unsafe`) beside its diagnostic, and reports and baselines count it.
 */
describe("planFile: unsafe sites", () => {
  const files: Record<string, string> = { "/p/old.ts": "export const a = 1;", "/p/new.ts": "export const b = 1;" };
  const fs = { fileExists: (f: string) => f in files, readFile: (f: string) => files[f] };
  const loaded = loadRulesText("/p/ssot-imports.json", JSON.stringify({ rules: [{ from: "./old", to: "./new", symbols: { a: "b" } }] }), fs);
  if (!loaded.ok) throw new Error(loaded.errors[0].message);
  const index = new RuleIndex(loaded.ruleSet);
  const rule = loaded.ruleSet.rules[0];

  function plan(text: string) {
    const sourceFile = ts.createSourceFile("/p/user.ts", text, ts.ScriptTarget.Latest, true);
    const sites = scanImports(ts, sourceFile, { mockFunctions: [] });
    return planFile({ file: "/p/user.ts", text, index, matches: sites.map((site) => ({ site, rule })) });
  }

  it("lists a namespace used as a whole with its location, symbols and diagnostic", () => {
    const result = plan(`import { a } from "./old";\nimport * as ns from "./old";\nexport const all = ns;\n`);
    expect(result.rewrites.map((r) => r.line)).toEqual([1]);
    expect(result.unsafe).toHaveLength(1);
    expect(result.unsafe[0]).toMatchObject({ file: "/p/user.ts", line: 2, column: 21, symbols: ["*"] });
    expect(result.unsafe[0].site.specifier.value).toBe("./old");
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0].line).toBe(2);
  });

  it("lists nothing when every site is safe", () => {
    const result = plan(`import * as ns from "./old";\nexport const x = ns.a;\n`);
    expect(result.unsafe).toEqual([]);
    expect(result.rewrites).toHaveLength(1);
  });
});
