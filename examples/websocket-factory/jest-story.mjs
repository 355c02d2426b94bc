// The Jest side of the story: the example's test suite (tests/, written against the unmigrated code) run by
// Jest with ssot-imports/jest and without it. Shared by demo.mjs and transformer-tests/examples, so both judge
// the runs the same way.
import * as path from "node:path";
import { judgeSuites, runSuites } from "./suite-runs.mjs";

/** The test that holds only when each user has a manager of their own. */
export const LEAK_TEST = "two users chatting at the same time never see each other's messages";
/** Passes either way: the mock is the module the routes call, whether that is the SSOT or the deprecated one. */
export const MOCK_TEST = "a mocked websocket manager factory is the factory the routes call";

export const JEST_RUNS = [
  { name: "jest + ssot-imports/jest", config: "jest.config.js", migrated: true },
  { name: "jest, ts-jest alone", config: "jest.plain.config.js", migrated: false },
];

/**
 * Runs both configurations at once, each as its own `jest --json` process.
 *
 * @param {string} exampleDir
 * @param {string} repoRoot
 * @returns {Promise<import("./suite-runs.mjs").SuiteRunResult[]>}
 */
export function runJestSuites(exampleDir, repoRoot) {
  const bin = path.join(repoRoot, "node_modules", "jest", "bin", "jest.js");
  return runSuites(exampleDir, JEST_RUNS, (run, outputFile) => [bin, "-c", run.config, "--ci", "--no-watchman", "--json", `--outputFile=${outputFile}`]);
}

/**
 * @param {import("./suite-runs.mjs").SuiteRunResult[]} results
 * @returns {Array<{ ok: boolean, text: string }>}
 */
export function judgeJest(results) {
  return judgeSuites(results, { leakTest: LEAK_TEST, mockTest: MOCK_TEST, mocksIncluded: "the mocks of the deprecated factory included" });
}
