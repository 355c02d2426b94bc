/**
 * The core refuses an import that asks a deprecated module for a name its rule sends to a module which does
 * not export it, when no `symbols` entry maps that name: every form that names an export, located at the name.
 */
import * as path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import type { ExportsName } from "../../src/check/forgotten-names";
import { rewriteFile } from "../../src/core";
import { collectExports } from "../../src/scan/exports";
import { ROOT, absolute, createMatcher, type CoreFixture } from "../helpers/core";

const FILES = {
  "src/old.ts": `export function kept() {}\nexport function forgotten() {}\nexport function renamed() {}\nexport default 1;\n`,
  "src/ssot.ts": `export function kept() {}\nexport function renamedNew() {}\nexport default 2;\n`,
  "src/split.ts": `export function stays() {}\nexport function moves() {}\n`,
  "src/moved.ts": `export function moved() {}\n`,
};
const RULES = {
  rules: [
    { from: "./src/old", to: "./src/ssot", symbols: { renamed: "renamedNew" } },
    { from: "./src/split", symbols: { moves: { to: "./src/moved", name: "moved" } } },
  ],
};

/** What a module exports, read from the fixture's own syntax, as the tsc adapter's first look does. */
function syntacticExports(files: Record<string, string>): ExportsName {
  return (module, name) => {
    const text = files[module.file!];
    if (text === undefined) return undefined;
    return collectExports(ts, ts.createSourceFile(module.file!, text, ts.ScriptTarget.Latest)).names.has(name);
  };
}

function plan(code: string, exportsName?: ExportsName) {
  const fixture: CoreFixture = { files: { ...FILES, "src/user.ts": code }, rules: RULES };
  const matcher = createMatcher(fixture);
  const file = path.posix.join(ROOT, "src/user.ts");
  const result = rewriteFile(ts, matcher, file, code, () => ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true), "same-line", {
    exportsName: exportsName ?? syntacticExports(absolute(fixture.files)),
  });
  return result!;
}

const FORGOTTEN = `imports "forgotten" from ./src/old, but ./src/ssot does not export "forgotten" and rule 1's "symbols" does not map it; add "forgotten": "<its name in ./src/ssot>" (or { "to": "<module that exports it>", "name": "<its name there>" }) to the rule's "symbols"`;

describe("an import asking for a name the rule forgot", () => {
  const invalid: Array<{ name: string; code: string; at: string }> = [
    { name: "named import", code: `import { kept, forgotten } from "./old";\nkept(); forgotten();\n`, at: "forgotten }" },
    { name: "aliased named import", code: `import { forgotten as f } from "./old";\nf();\n`, at: "forgotten as" },
    { name: "re-export", code: `export { forgotten } from "./old";\n`, at: "forgotten }" },
    { name: "namespace member access", code: `import * as old from "./old";\nold.kept(); old.forgotten();\n`, at: "forgotten()" },
    { name: "destructured require", code: `const { forgotten } = require("./old");\nforgotten();\n`, at: "forgotten }" },
    { name: "destructured dynamic import", code: `export async function f() { const { forgotten } = await import("./old"); forgotten(); }\n`, at: "forgotten }" },
    { name: "import type qualifier", code: `let x: import("./old").forgotten;\n`, at: "forgotten;" },
  ];
  for (const c of invalid) {
    it(`is refused, located at the name, and left unchanged: ${c.name}`, () => {
      const result = plan(c.code);
      const offset = c.code.indexOf(c.at);
      const before = c.code.slice(0, offset).split("\n");
      expect(result.plan.diagnostics).toEqual([
        { severity: "error", code: "forgotten-name", file: `${ROOT}/src/user.ts`, line: before.length, column: before[before.length - 1].length + 1, rule: "rule 1 (./src/old → ./src/ssot)", message: FORGOTTEN },
      ]);
      expect(result.plan.edits).toEqual([]);
      expect(result.plan.unsafe.map((u) => u.symbols)).toEqual([expect.arrayContaining(["forgotten"])]);
      expect(result.text).toBe(c.code);
    });
  }

  const valid: Array<{ name: string; code: string }> = [
    { name: "names the target exports", code: `import def, { kept } from "./old";\nkept(); def;\n` },
    { name: "a listed name (the rules checks own it)", code: `import { renamed } from "./old";\nrenamed();\n` },
    { name: "a split rule's staying name", code: `import { stays, moves } from "./split";\nstays(); moves();\n` },
    { name: "export * (names nothing)", code: `export * from "./old";\n` },
    { name: "a side-effect import", code: `import "./old";\n` },
  ];
  for (const c of valid) {
    it(`is rewritten: ${c.name}`, () => {
      const result = plan(c.code);
      expect(result.plan.diagnostics).toEqual([]);
      expect(result.text).not.toBe(c.code);
    });
  }

  it("is not refused when the adapter cannot know the target's exports", () => {
    const result = plan(`import { forgotten } from "./old";\n`, () => undefined);
    expect(result.plan.diagnostics).toEqual([]);
    expect(result.text).toBe(`import { forgotten } from "./ssot";\n`);
  });
});
