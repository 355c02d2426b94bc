// The Vitest side of the story: the example's test suite (tests/, written against the unmigrated code) run by
// Vitest with ssot-imports/vite (vitest.config.mts) and without it (vitest.plain.config.mts). Used by demo.mjs
// and by transformer-tests/examples/websocket-vitest.test.ts, so both judge the runs the same way.
import * as path from "node:path";
import { judgeSuites, runSuites } from "./suite-runs.mjs";

/** Holds only when the real factory behind the mock gives each user a manager of their own. */
export const VITEST_LEAK_TEST = "a mocked websocket manager factory has the real factory behind it, which gives each user their own manager";
/** Passes either way: the mock is the module the routes call, whether that is the SSOT or the deprecated one. */
export const VITEST_MOCK_TEST = "a mocked websocket manager factory is the factory the routes call";

export const VITEST_RUNS = [
  { name: "vitest + ssot-imports/vite", config: "vitest.config.mts", migrated: true },
  { name: "vitest alone", config: "vitest.plain.config.mts", migrated: false },
];

/**
 * Runs both configurations at once, each as its own `vitest run` process with a JSON report.
 *
 * @param {string} exampleDir
 * @param {string} repoRoot
 * @returns {Promise<import("./suite-runs.mjs").SuiteRunResult[]>}
 */
export function runVitestSuites(exampleDir, repoRoot) {
  const bin = path.join(repoRoot, "node_modules", "vitest", "vitest.mjs");
  return runSuites(exampleDir, VITEST_RUNS, (run, outputFile) => [bin, "run", "--config", run.config, "--reporter=json", `--outputFile=${outputFile}`]);
}

/**
 * @param {import("./suite-runs.mjs").SuiteRunResult[]} results
 * @returns {Array<{ ok: boolean, text: string }>}
 */
export function judgeVitest(results) {
  return judgeSuites(results, { leakTest: VITEST_LEAK_TEST, mockTest: VITEST_MOCK_TEST, mocksIncluded: "vi.mock and vi.importActual of the deprecated factory included" });
}
