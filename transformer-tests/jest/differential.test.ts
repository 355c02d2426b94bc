/**
 * The unmigrated suite run through ssot-imports/jest against its hand-migrated twin run without it, under the
 * real `jest`: every test must pass or fail alike, mocks included, with each transformer the wrapper serves.
 */
import * as fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { PLUGIN_ENTRY, writeFiles } from "../helpers/project";
import { buildWithPlugin } from "../helpers/tsc-build";
import { createJestProject, INNER_TRANSFORMERS, jestConfig, runJest, transformEntry, verdicts, type InnerName, type JestRun } from "./harness";
import { migratedProject, REFUSED, unmigratedProject } from "./suites";

const created: string[] = [];
afterAll(() => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

function run(files: Record<string, string>, name: string): JestRun & { dir: string } {
  const dir = createJestProject(files, name);
  created.push(dir);
  return { ...runJest(dir), dir };
}

/** The unmigrated project through the transformer, run once per wrapped transformer and shared by the tests. */
const pluginRuns = new Map<InnerName, JestRun & { dir: string }>();
function runWithPlugin(inner: InnerName): JestRun & { dir: string } {
  if (!pluginRuns.has(inner)) pluginRuns.set(inner, run({ ...unmigratedProject(), "jest.config.js": jestConfig(transformEntry(inner, true)) }, `jest-${inner}-plugin`));
  return pluginRuns.get(inner)!;
}

describe.each(INNER_TRANSFORMERS)("wrapping %s", (inner) => {
  it("runs the unmigrated suite as its hand-migrated twin runs", () => {
    const withPlugin = runWithPlugin(inner);
    const migrated = run({ ...migratedProject(), "jest.config.js": jestConfig(transformEntry(inner, false)) }, `jest-${inner}-migrated`);

    const expected = verdicts(migrated);
    const actual = verdicts(withPlugin);
    // The twin's mock factory names the SSOT's exports; the unmigrated one names the old ones and is refused.
    expect(expected[REFUSED.file], migrated.output).toEqual({ "mocks the factory": "passed" });
    expect(actual[REFUSED.file], withPlugin.output).toBe("failed to run");
    delete expected[REFUSED.file];
    delete actual[REFUSED.file];
    expect(actual).toEqual(expected);

    // The comparison has teeth: the twin passes and fails tests, and runs every suite.
    const statuses = Object.values(expected).flatMap((suite) => (suite === "failed to run" ? ["failed to run"] : Object.values(suite)));
    expect(statuses.filter((s) => s === "passed").length).toBeGreaterThanOrEqual(8);
    expect(statuses.filter((s) => s !== "passed")).toEqual(["failed"]);

    const refusal = withPlugin.suites[REFUSED.file].message;
    expect(refusal).toContain(`${REFUSED.file}:${REFUSED.line}:${REFUSED.column} - error [rule 1 (./src/old → ./src/new)]: the factory of \`jest.mock\``);
    expect(refusal, "no stack trace of ours").not.toMatch(/\bat .*ssot-imports|dist[\\/]jest/);
  });
});

it("without the transformer, the unmigrated suite runs the deprecated module: the leak shows", () => {
  const plain = run({ ...unmigratedProject(), "jest.config.js": jestConfig(transformEntry("@swc/jest", false)) }, "jest-unwrapped");
  const isolation = plain.suites["tests/isolation.test.ts"].tests;
  expect(isolation["isolation runs the SSOT module"]).toBe("failed");
  expect(isolation["isolation gives each user their own history"]).toBe("failed");
  expect(isolation["isolation refuses an anonymous user"]).toBe("failed");
});

it("refuses the mock factory where, and as, the tsc plugin refuses it", () => {
  const jest = runWithPlugin("@swc/jest");
  writeFiles(jest.dir, { "tsconfig.plugin.json": JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { noEmit: true, plugins: [PLUGIN_ENTRY] } }) });
  const tsc = buildWithPlugin(jest.dir, "tsconfig.plugin.json").diagnostics;

  const refusal = /factory\.test\.ts:(\d+):(\d+) - error \[(rule [^\]]+)\]: (.*)/.exec(jest.suites[REFUSED.file].message);
  expect(refusal, jest.suites[REFUSED.file].message).not.toBeNull();
  const [, line, column, rule, message] = refusal!;
  const atSite = tsc.filter((d) => d.startsWith(`${REFUSED.file}(${line},${column}):`));
  expect(atSite, tsc.join("\n")).toHaveLength(1);
  expect(atSite[0]).toContain(rule);
  expect(atSite[0]).toContain(message.trim());
  // Nothing else in the project is refused by either.
  expect(tsc.filter((d) => d.includes(" error ")).length, tsc.join("\n")).toBe(1);
});
