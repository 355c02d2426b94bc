/**
 * Jest's ES module mode (`--experimental-vm-modules`, the transformer's processAsync): the unmigrated suite
 * through ssot-imports/jest against its hand-migrated twin without it, `jest.unstable_mockModule` included.
 */
import * as fs from "node:fs";
import { afterAll, expect, it } from "vitest";
import { createJestProject, innerOptions, runJest, verdicts, type JestRun } from "./harness";

const SHARED = {
  "package.json": JSON.stringify({ type: "module" }),
  "tsconfig.json": JSON.stringify({ compilerOptions: { module: "esnext", moduleResolution: "bundler", strict: true, types: [] } }),
  "src/new.ts": `export function greetUser(name: string): string {\n  return "own greeting for " + name;\n}\n`,
  "src/format.ts": "export const mark = (text: string) => `[${text}]`;\n",
};
const DEPRECATED = {
  "src/old.ts": `export function greet(name: string): string {\n  return "shared greeting for " + name;\n}\n`,
  "src/legacy-format.ts": "export const mark = (text: string) => `<${text}>`;\n",
};
const RULES = JSON.stringify({ rules: [{ from: "./src/old", to: "./src/new", symbols: { greet: "greetUser" } }, { from: "./src/legacy-format", to: "./src/format" }] });

const test = (oldModule: string, greet: string, format: string) => `import { jest } from "@jest/globals";
jest.unstable_mockModule("../src/${format}", () => ({ mark: (text: string) => "mocked " + text }));
const { ${greet === "greet" ? "greet" : "greetUser"} } = await import("../src/${oldModule}");
const { mark } = await import("../src/${format}");
it("greets through the module the rules name", () => {
  expect(${greet}("ada")).toBe("own greeting for ada");
});
it("mocks the moved module", () => {
  expect(mark("x")).toBe("mocked x");
});
`;

const config = (wrapped: boolean) => {
  const swc = { ...innerOptions("@swc/jest"), module: undefined };
  const transform = wrapped ? ["ssot-imports/jest", { transformer: "@swc/jest", transformerOptions: swc }] : ["@swc/jest", swc];
  return `export default ${JSON.stringify({ testEnvironment: "node", extensionsToTreatAsEsm: [".ts"], testMatch: ["<rootDir>/tests/**/*.test.ts"], transform: { "^.+\\.ts$": transform } })};\n`;
};

const created: string[] = [];
afterAll(() => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

function run(files: Record<string, string>, name: string): JestRun {
  const dir = createJestProject(files, name);
  created.push(dir);
  return runJest(dir, [], { NODE_OPTIONS: "--experimental-vm-modules --no-warnings" });
}

it("ES modules: the unmigrated suite runs as its hand-migrated twin runs", () => {
  const withPlugin = run({ ...SHARED, ...DEPRECATED, "ssot-imports.json": RULES, "tests/greet.test.ts": test("old", "greet", "legacy-format"), "jest.config.js": config(true) }, "jest-esm-plugin");
  const migrated = run({ ...SHARED, "tests/greet.test.ts": test("new", "greetUser", "format"), "jest.config.js": config(false) }, "jest-esm-migrated");
  expect(verdicts(migrated), migrated.output).toEqual({ "tests/greet.test.ts": { "greets through the module the rules name": "passed", "mocks the moved module": "passed" } });
  expect(verdicts(withPlugin), withPlugin.output).toEqual(verdicts(migrated));
});
