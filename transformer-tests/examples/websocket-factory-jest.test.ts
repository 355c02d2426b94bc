import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/project";
import { linkPackage } from "../../examples/websocket-factory/story.mjs";
import { LEAK_TEST, MOCK_TEST, judgeJest, runJestSuites, type JestRunResult } from "../../examples/websocket-factory/jest-story.mjs";

/**
 * examples/websocket-factory/tests, written against the unmigrated code, under the real `jest`: with
 * ssot-imports/jest wrapping ts-jest it runs the SSOT (every test passes, the mocks of the deprecated factory
 * included); with ts-jest alone it runs the deprecated shared singleton, and the leak test fails.
 */
const EXAMPLE = path.join(REPO_ROOT, "examples", "websocket-factory");

let withPlugin: JestRunResult;
let plain: JestRunResult;
beforeAll(async () => {
  linkPackage(EXAMPLE, REPO_ROOT);
  const results = await runJestSuites(EXAMPLE, REPO_ROOT);
  [withPlugin, plain] = [results.find((r) => r.run.migrated)!, results.find((r) => !r.run.migrated)!];
}, 180_000);

describe("the example's Jest suite", () => {
  it("passes with ssot-imports/jest, mocks included", () => {
    expect(withPlugin.failedToRun, withPlugin.output).toEqual([]);
    expect(Object.keys(withPlugin.tests).length).toBeGreaterThanOrEqual(6);
    expect(Object.entries(withPlugin.tests).filter(([, status]) => status !== "passed"), withPlugin.output).toEqual([]);
  });

  it("without it, runs the deprecated factory: the leak test fails, the mock still works", () => {
    expect(plain.failedToRun, plain.output).toEqual([]);
    expect(plain.tests[LEAK_TEST]).toBe("failed");
    expect(plain.tests[MOCK_TEST]).toBe("passed");
    expect(Object.keys(plain.tests).sort()).toEqual(Object.keys(withPlugin.tests).sort());
  });

  it("is judged so by the demo", () => {
    expect(judgeJest([withPlugin, plain]).map((check) => check.ok)).toEqual([true, true]);
  });
});
