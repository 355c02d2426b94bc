/**
 * One test per rules error: each names the rules file, the line and column of the offending JSON, the rule it
 * belongs to (absent for file-level problems) and says what is wrong.
 */
import { describe, expect, it } from "vitest";
import type { SsotDiagnostic } from "../../src/diagnostic";
import { RULES_FILE, absolute, loadRules } from "../helpers/core";

const files = absolute({
  "src/a.ts": "export const a = 1;\n",
  "src/b.ts": "export const b = 1;\n",
  "src/c.ts": "export const c = 1;\n",
});

/** 1-based line and column of the only occurrence of `needle` in `text` (its `nth` occurrence if asked). */
function positionOf(text: string, needle: string, nth = 1): { line: number; column: number } {
  let offset = -1;
  for (let i = 0; i < nth; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`fixture does not contain ${needle}`);
  if (nth === 1 && text.indexOf(needle, offset + 1) >= 0) throw new Error(`fixture contains ${needle} more than once`);
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** Loads `text` expecting exactly one error, and returns it. */
function onlyError(text: string): SsotDiagnostic {
  const result = loadRules(text, files);
  if (result.ok) throw new Error("rules loaded, but an error was expected");
  expect(result.errors.map((e) => e.message)).toHaveLength(1);
  return result.errors[0];
}

function expectError(text: string, expected: { at: string; nth?: number; rule: string | undefined; message: string | RegExp }) {
  const error = onlyError(text);
  expect(error.severity).toBe("error");
  expect(error.file).toBe(RULES_FILE);
  expect({ line: error.line, column: error.column }).toEqual(positionOf(text, expected.at, expected.nth));
  expect(error.rule).toBe(expected.rule);
  if (typeof expected.message === "string") expect(error.message).toContain(expected.message);
  else expect(error.message).toMatch(expected.message);
}

describe("rules file errors", () => {
  it("reports a JSON syntax error with its line and column", () => {
    const text = `{
  "rules": [
    { "from": "./src/a" "to": "./src/b" }
  ]
}`;
    expectError(text, { at: `"to"`, rule: undefined, message: "invalid JSON: comma expected" });
  });

  it("accepts comments and trailing commas, as tsconfig.json does", () => {
    const text = `{
  // the factory moved
  "rules": [{ "from": "./src/a", "to": "./src/b", },],
}`;
    expect(loadRules(text, files).ok).toBe(true);
  });

  it("reports a document that is not an object", () => {
    expectError(`[]`, { at: "[", rule: undefined, message: `must hold an object with a "rules" array, found array` });
  });

  it("reports a missing rules array", () => {
    expectError(`{ "report": "off" }`, { at: "{", rule: undefined, message: `missing "rules"` });
  });

  it("reports an unknown top-level key with a did-you-mean", () => {
    const text = `{
  "rules": [{ "from": "./src/a", "to": "./src/b" }],
  "reprot": "summary"
}`;
    expectError(text, { at: `"reprot"`, rule: undefined, message: `unknown top-level key "reprot"; did you mean "report"?` });
  });

  it("reports an unknown rule key with a did-you-mean", () => {
    const text = `{
  "rules": [
    { "from": "./src/a", "to": "./src/b", "symbol": { "a": "b" } }
  ]
}`;
    expectError(text, { at: `"symbol"`, rule: "rule 1", message: `unknown rule key "symbol"; did you mean "symbols"?` });
  });

  it("reports an unknown key in a { to, name } symbol object with a did-you-mean", () => {
    const text = `{
  "rules": [
    { "from": "./src/a", "to": "./src/b", "symbols": { "a": { "to": "./src/c", "nmae": "c" } } }
  ]
}`;
    expectError(text, { at: `"nmae"`, rule: "rule 1", message: `unknown key of symbol "a" "nmae"; did you mean "name"?` });
  });

  it("reports a from that is not a string", () => {
    const text = `{ "rules": [{ "from": 42, "to": "./src/b" }] }`;
    expectError(text, { at: "42", rule: "rule 1", message: `"from" must be a non-empty string, found number` });
  });

  it("reports an empty (or blank) from as empty", () => {
    const text = `{ "rules": [{ "from": "  ", "to": "./src/b" }] }`;
    expectError(text, { at: `"  "`, rule: "rule 1", message: `"from" must not be empty` });
  });

  it("reports a to that is not a string", () => {
    const text = `{ "rules": [{ "from": "./src/a", "to": ["./src/b"] }] }`;
    expectError(text, { at: `["./src/b"]`, rule: "rule 1", message: `"to" must be a non-empty string, found array` });
  });

  it("reports symbols that are not an object", () => {
    const text = `{ "rules": [{ "from": "./src/a", "to": "./src/b", "symbols": ["a"] }] }`;
    expectError(text, { at: `["a"]`, rule: "rule 1", message: `"symbols" must be an object mapping old export names to new ones` });
  });

  it("reports a symbol value that is a number", () => {
    const text = `{ "rules": [{ "from": "./src/a", "to": "./src/b", "symbols": { "a": 7 } }] }`;
    expectError(text, { at: "7", rule: "rule 1", message: `symbol "a" must map to a new name or to { "to": …, "name": … }, found number` });
  });

  it("reports an old name that is not an export name", () => {
    const text = `{ "rules": [{ "from": "./src/a", "to": "./src/b", "symbols": { "a-b": "b" } }] }`;
    expectError(text, { at: `"a-b"`, rule: "rule 1", message: `symbol "a-b" is not an export name` });
  });

  it("reports a new name that is not an export name", () => {
    const text = `{ "rules": [{ "from": "./src/a", "to": "./src/b", "symbols": { "a": "new name" } }] }`;
    expectError(text, { at: `"new name"`, rule: "rule 1", message: `"a" maps to "new name", which is not an export name` });
  });

  it("reports a { to, name } symbol whose name is not an export name", () => {
    const text = `{ "rules": [{ "from": "./src/a", "to": "./src/b", "symbols": { "a": { "to": "./src/c", "name": "1c" } } }] }`;
    expectError(text, { at: `"1c"`, rule: "rule 1", message: `"name" of symbol "a" must be an export name` });
  });

  it("reports a { to, name } symbol without to", () => {
    const text = `{ "rules": [{ "from": "./src/a", "to": "./src/b", "symbols": { "a": { "name": "c" } } }] }`;
    expectError(text, { at: `{ "name"`, rule: "rule 1", message: `symbol "a" needs "to"` });
  });

  it("reports a message that is not a string", () => {
    const text = `{ "rules": [{ "from": "./src/a", "to": "./src/b", "message": true }] }`;
    expectError(text, { at: "true", rule: "rule 1", message: `"message" must be a string, found boolean` });
  });

  it("reports a rule that is not an object", () => {
    const text = `{ "rules": [{ "from": "./src/a", "to": "./src/b" }, "./src/c"] }`;
    expectError(text, { at: `"./src/c"`, rule: "rule 2", message: "each rule must be an object" });
  });

  it("reports a rule without from", () => {
    const text = `{
  "rules": [
    { "from": "./src/a", "to": "./src/b" },
    { "to": "./src/c" }
  ]
}`;
    expectError(text, { at: `{ "to"`, rule: "rule 2", message: `missing "from"` });
  });

  it("reports a rule with neither to nor symbols", () => {
    const text = `{ "rules": [{ "from": "./src/a" }] }`;
    expectError(text, { at: `{ "from"`, rule: "rule 1", message: `missing "to": where imports of "./src/a" should go` });
  });

  it("reports a rule without to whose symbols are empty", () => {
    const text = `{ "rules": [{ "from": "./src/a", "symbols": {} }] }`;
    expectError(text, { at: `{ "from"`, rule: "rule 1", message: `a rule without "to" must move at least one symbol` });
  });

  it("reports from equal to to", () => {
    const text = `{ "rules": [{ "from": "./src/a", "to": "./src/a" }] }`;
    expectError(text, { at: `"./src/a"`, nth: 2, rule: "rule 1 (./src/a → ./src/a)", message: `"from" and "to" are the same module` });
  });

  it("reports from equal to to when they are written differently", () => {
    const text = `{ "rules": [{ "from": "./src/a", "to": "./src/a.ts" }] }`;
    expectError(text, { at: `"./src/a.ts"`, rule: "rule 1 (./src/a → ./src/a.ts)", message: `"from" and "to" are the same module (/proj/src/a)` });
  });

  it("reports from equal to to when one names a folder and the other its index file", () => {
    const withFolder = { ...files, "/proj/src/svc/index.ts": "export {};\n" };
    const text = `{ "rules": [{ "from": "./src/svc", "to": "./src/svc/index.ts" }] }`;
    const result = loadRules(text, withFolder);
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([`"from" and "to" are the same module (/proj/src/svc/index)`]);
  });

  it("reports the same from twice, pointing at the second", () => {
    const text = `{
  "rules": [
    { "from": "./src/a", "to": "./src/b" },
    { "from": "./src/a.ts", "to": "./src/c" }
  ]
}`;
    expectError(text, {
      at: `"./src/a.ts"`,
      rule: "rule 2 (./src/a.ts → ./src/c)",
      message: `"from" ./src/a.ts is already deprecated by rule 1 (./src/a → ./src/b); merge the two rules`,
    });
  });

  it("reports a cycle of to chains on each rule in it", () => {
    const text = `{
  "rules": [
    { "from": "./src/a", "to": "./src/b" },
    { "from": "./src/b", "to": "./src/a" }
  ]
}`;
    const result = loadRules(text, files);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => ({ line: e.line, column: e.column, rule: e.rule, message: e.message }))).toEqual([
      { ...positionOf(text, `{ "from": "./src/a"`), rule: "rule 1 (./src/a → ./src/b)", message: "rules form a cycle: rule 1 → rule 2 → rule 1" },
      { ...positionOf(text, `{ "from": "./src/b"`), rule: "rule 2 (./src/b → ./src/a)", message: "rules form a cycle: rule 2 → rule 1 → rule 2" },
    ]);
    expect(errors.every((e) => e.file === RULES_FILE)).toBe(true);
  });

  it("reports a symbol moved in a cycle between rules", () => {
    const text = `{
  "rules": [
    { "from": "./src/a", "symbols": { "x": { "to": "./src/b" } } },
    { "from": "./src/b", "symbols": { "x": { "to": "./src/a" } } }
  ]
}`;
    const result = loadRules(text, files);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => ({ line: e.line, column: e.column, rule: e.rule, message: e.message }))).toEqual([
      { ...positionOf(text, `{ "from": "./src/a"`), rule: "rule 1 (./src/a → listed symbols only)", message: `symbol "x" is moved in a cycle between rules` },
      { ...positionOf(text, `{ "from": "./src/b"`), rule: "rule 2 (./src/b → listed symbols only)", message: `symbol "x" is moved in a cycle between rules` },
    ]);
  });

  it("reports a to that does not exist", () => {
    const text = `{ "rules": [{ "from": "./src/a", "to": "./src/missing" }] }`;
    expectError(text, { at: `"./src/missing"`, rule: "rule 1 (./src/a → ./src/missing)", message: `"to" names ./src/missing, which does not exist` });
  });

  it("reports a symbol { to } that does not exist", () => {
    const text = `{ "rules": [{ "from": "./src/a", "to": "./src/b", "symbols": { "a": { "to": "./src/nowhere" } } }] }`;
    expectError(text, { at: `"a"`, rule: "rule 1 (./src/a → ./src/b)", message: `symbol "a" moves to ./src/nowhere, which does not exist` });
  });

  it("reports a top-level report with an unknown value", () => {
    const text = `{ "rules": [{ "from": "./src/a", "to": "./src/b" }], "report": "verbose" }`;
    expectError(text, { at: `"verbose"`, rule: undefined, message: `"report" must be one of "off", "summary"` });
  });

  it("reports mockFunctions that are not an array of callee names", () => {
    const text = `{ "rules": [{ "from": "./src/a", "to": "./src/b" }], "mockFunctions": ["vi.mock", 3] }`;
    expectError(text, { at: `["vi.mock", 3]`, rule: undefined, message: `"mockFunctions" must be an array of callee names` });
  });

  it("reports mockFunctions given as a single string", () => {
    const text = `{ "rules": [{ "from": "./src/a", "to": "./src/b" }], "mockFunctions": "vi.mock" }`;
    expectError(text, { at: `"vi.mock"`, rule: undefined, message: `"mockFunctions" must be an array` });
  });

  it("reports every shape problem of a document, not only the first", () => {
    const text = `{
  "rules": [
    { "from": 1, "to": "./src/b" },
    { "from": "./src/a", "to": "./src/b", "symbols": { "x": 2 } }
  ],
  "report": true
}`;
    const result = loadRules(text, files);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => [e.line, e.rule])).toEqual([
      [6, undefined],
      [3, "rule 1"],
      [4, "rule 2"],
    ]);
  });
});
