/**
 * What a valid rules file becomes: absolute module keys, options with defaults, and a RuleIndex that follows
 * chains, renames and moves to the module and name each import really ends up at.
 */
import { describe, expect, it } from "vitest";
import { RuleIndex } from "../../src/rules/targets";
import { DEFAULT_MOCK_FUNCTIONS, type ModuleRef, type Rule } from "../../src/rules/types";
import { absolute, loadRuleSet, loadRules } from "../helpers/core";

const files = absolute({
  "src/a.ts": "export const x = 1;\n",
  "src/b.ts": "export const y = 1;\n",
  "src/c.ts": "export const z = 1;\n",
  "src/d.tsx": "export const d = 1;\n",
  "src/services/index.ts": "export const s = 1;\n",
  "src/types.d.ts": "export type T = 1;\n",
});

function indexOf(rules: Record<string, unknown>[]) {
  const ruleSet = loadRuleSet({ rules }, files);
  const index = new RuleIndex(ruleSet);
  const rule = (n: number): Rule => ruleSet.rules.find((r) => r.index === n)!;
  return { ruleSet, index, rule };
}

/** A module as the tests compare it: its key, or the bare specifier. */
const where = (module: ModuleRef) => (module.kind === "bare" ? `bare:${module.key}` : module.key);

describe("module paths in rules", () => {
  it("makes paths absolute relative to the rules file, extension optional", () => {
    const { rule } = indexOf([
      { from: "./src/a", to: "./src/b.ts" },
      { from: "./src/c.ts", to: "./src/d" },
    ]);
    expect(rule(1).from).toMatchObject({ kind: "path", key: "/proj/src/a", file: "/proj/src/a.ts", isFolder: false });
    expect(rule(1).to).toMatchObject({ kind: "path", key: "/proj/src/b", file: "/proj/src/b.ts" });
    expect(rule(2).from).toMatchObject({ key: "/proj/src/c", file: "/proj/src/c.ts" });
    expect(rule(2).to).toMatchObject({ key: "/proj/src/d", file: "/proj/src/d.tsx" });
  });

  it("accepts a .js spelling for a .ts file and a declaration file as a target", () => {
    const { rule } = indexOf([
      { from: "./src/a.js", to: "./src/types" },
    ]);
    expect(rule(1).from).toMatchObject({ key: "/proj/src/a", file: "/proj/src/a.ts" });
    expect(rule(1).to).toMatchObject({ key: "/proj/src/types", file: "/proj/src/types.d.ts" });
  });

  it("resolves a folder to its index file", () => {
    const { rule } = indexOf([{ from: "./src/a", to: "./src/services" }]);
    expect(rule(1).to).toMatchObject({ kind: "path", key: "/proj/src/services/index", file: "/proj/src/services/index.ts", isFolder: true });
  });

  it("accepts a from that no longer exists (the deprecated module was deleted)", () => {
    const { rule } = indexOf([{ from: "./src/old/gone", to: "./src/b" }]);
    expect(rule(1).from).toEqual({ kind: "path", key: "/proj/src/old/gone", isFolder: false, written: "./src/old/gone" });
  });

  it("keeps bare specifiers as written on either side", () => {
    const { rule } = indexOf([
      { from: "legacy-lib", to: "@scope/new-lib/sub" },
      { from: "@app/old", to: "./src/b" },
    ]);
    expect(rule(1).from).toEqual({ kind: "bare", key: "legacy-lib", written: "legacy-lib" });
    expect(rule(1).to).toEqual({ kind: "bare", key: "@scope/new-lib/sub", written: "@scope/new-lib/sub" });
    expect(rule(2).from).toEqual({ kind: "bare", key: "@app/old", written: "@app/old" });
  });

  it("labels each rule with its position and both modules, and keeps its message", () => {
    const { rule } = indexOf([
      { from: "./src/a", to: "./src/b", message: "use b" },
      { from: "./src/c", symbols: { z: { to: "./src/b" } } },
    ]);
    expect(rule(1).label).toBe("rule 1 (./src/a → ./src/b)");
    expect(rule(1).message).toBe("use b");
    expect(rule(2).label).toBe("rule 2 (./src/c → listed symbols only)");
  });

  it("records where each rule and each symbol entry sits in the rules file", () => {
    const text = `{
  "rules": [
    {
      "from": "./src/a", "to": "./src/b",
      "symbols": { "x": "y" }
    }
  ]
}`;
    const result = loadRules(text, files);
    expect(result.ok).toBe(true);
    const rule = result.ok ? result.ruleSet.rules[0] : undefined;
    expect({ line: rule?.line, column: rule?.column }).toEqual({ line: 3, column: 5 });
    expect(rule?.symbolLocations.get("x")).toEqual({ line: 5, column: 20 });
  });
});

describe("options", () => {
  it("defaults report to off and mockFunctions to the vitest and jest callees", () => {
    const { ruleSet } = indexOf([{ from: "./src/a", to: "./src/b" }]);
    expect(ruleSet.options).toEqual({ report: "off", mockFunctions: DEFAULT_MOCK_FUNCTIONS });
    expect(DEFAULT_MOCK_FUNCTIONS).toEqual(expect.arrayContaining(["vi.mock", "vi.importActual", "jest.mock", "jest.requireActual"]));
  });

  it("takes report and mockFunctions from the file", () => {
    const ruleSet = loadRuleSet({ rules: [{ from: "./src/a", to: "./src/b" }], report: "summary", mockFunctions: ["td.replace"] }, files);
    expect(ruleSet.options).toEqual({ report: "summary", mockFunctions: ["td.replace"] });
  });
});

describe("RuleIndex: where names end up", () => {
  it("sends unlisted names to `to` under their own name, and renames listed ones", () => {
    const { index, rule } = indexOf([{ from: "./src/a", to: "./src/b", symbols: { x: "y" } }]);
    expect(where(index.moduleTarget(rule(1)))).toBe("/proj/src/b");
    expect(index.symbolTarget(rule(1), "x")).toMatchObject({ module: { key: "/proj/src/b" }, name: "y" });
    expect(index.symbolTarget(rule(1), "other")).toMatchObject({ module: { key: "/proj/src/b" }, name: "other" });
    expect(index.reshapesExports(rule(1))).toBe(true);
  });

  it("composes a chain: A→B renames x→y and B→C renames y→z, so A.x is C.z", () => {
    const { index, rule } = indexOf([
      { from: "./src/a", to: "./src/b", symbols: { x: "y" } },
      { from: "./src/b", to: "./src/c", symbols: { y: "z" } },
    ]);
    const target = index.symbolTarget(rule(1), "x")!;
    expect([where(target.module), target.name]).toEqual(["/proj/src/c", "z"]);
    const unlisted = index.symbolTarget(rule(1), "w")!;
    expect([where(unlisted.module), unlisted.name]).toEqual(["/proj/src/c", "w"]);
    // B's own `y` is renamed too when it comes through A under that name.
    expect(index.symbolTarget(rule(1), "y")!.name).toBe("z");
    expect(where(index.moduleTarget(rule(1)))).toBe("/proj/src/c");
  });

  it("follows a chain whose first rule renames nothing, and says it reshapes exports", () => {
    const { index, rule } = indexOf([
      { from: "./src/a", to: "./src/b" },
      { from: "./src/b", to: "./src/c", symbols: { y: "z" } },
    ]);
    expect(index.reshapesExports(rule(1))).toBe(true);
    expect(index.symbolTarget(rule(1), "y")).toMatchObject({ module: { key: "/proj/src/c" }, name: "z" });
  });

  it("says a pure module move does not reshape exports", () => {
    const { index, rule } = indexOf([
      { from: "./src/a", to: "./src/b" },
      { from: "./src/b", to: "./src/c" },
    ]);
    expect(index.reshapesExports(rule(1))).toBe(false);
    expect(where(index.moduleTarget(rule(1)))).toBe("/proj/src/c");
  });

  it("moves one symbol with { to, name } while the rest follow the rule's to", () => {
    const { index, rule } = indexOf([{ from: "./src/a", to: "./src/b", symbols: { x: { to: "./src/c", name: "z" }, v: { to: "./src/c" } } }]);
    expect(index.symbolTarget(rule(1), "x")).toMatchObject({ module: { key: "/proj/src/c" }, name: "z" });
    expect(index.symbolTarget(rule(1), "v")).toMatchObject({ module: { key: "/proj/src/c" }, name: "v" });
    expect(index.symbolTarget(rule(1), "w")).toMatchObject({ module: { key: "/proj/src/b" }, name: "w" });
  });

  it("moves only the listed symbol of a rule without to; the rest stay in from", () => {
    const { index, rule } = indexOf([{ from: "./src/a", symbols: { x: { to: "./src/b", name: "y" } } }]);
    expect(index.symbolTarget(rule(1), "x")).toMatchObject({ module: { key: "/proj/src/b" }, name: "y" });
    expect(index.symbolTarget(rule(1), "other")).toMatchObject({ module: { key: "/proj/src/a" }, name: "other" });
    expect(where(index.moduleTarget(rule(1)))).toBe("/proj/src/a");
    expect(index.reshapesExports(rule(1))).toBe(true);
  });

  it("follows a moved symbol into a module that is itself deprecated", () => {
    const { index, rule } = indexOf([
      { from: "./src/a", symbols: { x: { to: "./src/b" } } },
      { from: "./src/b", to: "./src/c", symbols: { x: "z" } },
    ]);
    expect(index.symbolTarget(rule(1), "x")).toMatchObject({ module: { key: "/proj/src/c" }, name: "z" });
  });

  it("renames default on either side", () => {
    const { index, rule } = indexOf([{ from: "./src/a", to: "./src/b", symbols: { default: "y", x: "default" } }]);
    expect(index.symbolTarget(rule(1), "default")!.name).toBe("y");
    expect(index.symbolTarget(rule(1), "x")!.name).toBe("default");
  });

  it("finds rules by module key and bare specifier", () => {
    const { index } = indexOf([
      { from: "./src/a", to: "./src/b" },
      { from: "legacy-lib", to: "new-lib" },
    ]);
    expect(index.ruleFor("/proj/src/a")?.index).toBe(1);
    expect(index.ruleFor("legacy-lib")?.index).toBe(2);
    expect(index.ruleFor("/proj/src/b")).toBeUndefined();
  });
});
