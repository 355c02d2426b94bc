/**
 * A user's mistake stops the run with a message that names the file, line and rule to fix, as Jest shows it,
 * without a stack trace of ours; never a suite run on the deprecated module by default.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { validateJestOptions } from "../../src/jest/options";
import { createJestProject, jestConfig, runJest, spawnJest, transformEntry } from "./harness";

const created: string[] = [];
afterAll(() => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

const RULES = { rules: [{ from: "./src/old", to: "./src/new", symbols: { greet: "greetUser" } }] };
const TEST_FILE = "tests/greet.test.ts";

function project(overrides: Record<string, string | undefined>, options: Record<string, unknown> = {}): string {
  const files: Record<string, string | undefined> = {
    "tsconfig.json": JSON.stringify({ compilerOptions: { module: "commonjs", strict: true, types: [] } }),
    "src/old.ts": `export function greet(name: string): string { return "old " + name; }\n`,
    "src/new.ts": `export function greetUser(name: string): string { return "new " + name; }\n`,
    [TEST_FILE]: `import { greet } from "../src/old";\nit("greets", () => {\n  expect(greet("ada")).toBe("new ada");\n});\n`,
    "ssot-imports.json": JSON.stringify(RULES, null, 2),
    "jest.config.js": jestConfig(transformEntry("@swc/jest", true, options)),
    ...overrides,
  };
  const dir = createJestProject(Object.fromEntries(Object.entries(files).filter((e): e is [string, string] => e[1] !== undefined)), "jest-errors");
  created.push(dir);
  return dir;
}

/** The suite's failure, which must be ours and stack-free. */
function failureOf(dir: string): string {
  const suite = runJest(dir).suites[TEST_FILE];
  expect(suite.tests).toEqual({});
  expect(suite.message).toContain("Test suite failed to run");
  expect(suite.message, "no stack trace").not.toMatch(/^\s+at /m);
  return suite.message.replaceAll(dir.split(path.sep).join("/") + "/", "");
}

describe("errors under Jest", () => {
  it("a rule whose target does not exist: located in the rules file", () => {
    const message = failureOf(project({ "ssot-imports.json": JSON.stringify({ rules: [{ from: "./src/old", to: "./src/gone" }] }, null, 2) }));
    expect(message).toMatch(/ssot-imports\.json:5:13 - error \[rule 1 \(\.\/src\/old → \.\/src\/gone\)\]: "to" names \.\/src\/gone, which does not exist/);
  });

  it("a rules file that is not JSON: located", () => {
    const message = failureOf(project({ "ssot-imports.json": `{\n  "rules": [\n    { "from": "./src/old", }\n  ]\n` }));
    expect(message).toMatch(/ssot-imports\.json:\d+:\d+ - error/);
  });

  it("an import that cannot be rewritten safely: located at the import, with its rule", () => {
    const message = failureOf(project({ [TEST_FILE]: `import * as old from "../src/old";\nit("greets", () => {\n  expect(Object.keys(old)).toEqual(["greetUser"]);\n});\n` }));
    expect(message).toContain(`${TEST_FILE}:1:22 - error [rule 1 (./src/old → ./src/new)]: \`old\` is used as a whole`);
  });

  it("a file importing a deprecated module that does not parse: located", () => {
    const message = failureOf(project({ [TEST_FILE]: `import { greet } from "../src/old";\nit("greets", () => {\n  expect(greet("ada").toBe("new ada");\n});\n` }));
    expect(message).toMatch(new RegExp(`${TEST_FILE}:3:\\d+ - error: does not parse`));
  });

  it("no tsconfig where it is looked for: says which option to set", () => {
    const message = failureOf(project({ "tsconfig.json": undefined }));
    expect(message).toContain(`set "tsconfig" in the ssot-imports/jest options`);
    expect(message).toContain("tsconfig.json");
  });

  it("a wrapped transformer that is not installed: named", () => {
    const dir = project({ "jest.config.js": jestConfig(["ssot-imports/jest", { transformer: "no-such-jest-transformer" }]) });
    expect(failureOf(dir)).toContain(`cannot find the transformer "no-such-jest-transformer"`);
  });

  it("an unknown option stops Jest before any test, with a hint", () => {
    const run = spawnJest(project({}, { rule: "ssot-imports.json" }));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`unknown option "rule"; did you mean "rules"?`);
    expect(run.stderr, "no stack trace").not.toMatch(/^\s+at /m);
  });
});

describe("option validation", () => {
  it.each([
    [undefined, "options are required"],
    [{}, `"transformer" must name the transformer to wrap`],
    [{ transformer: "ssot-imports/jest" }, "names ssot-imports/jest itself"],
    [{ transformer: "ts-jest", rules: 3 }, `"rules" must be a path`],
    [{ transformer: "ts-jest", tsConfig: "x" }, `did you mean "tsconfig"?`],
  ])("%j is refused: %s", (options, problem) => {
    const result = validateJestOptions(options);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.join("\n")).toContain(problem);
  });

  it("a full entry is accepted as written", () => {
    const options = { transformer: "ts-jest", transformerOptions: { isolatedModules: true }, rules: "rules.json", tsconfig: "tsconfig.test.json" };
    expect(validateJestOptions(options)).toEqual({ ok: true, options });
  });
});
