// The Jest side of the story: the example's test suite (tests/, written against the unmigrated code) run by
// Jest with ssot-imports/jest and without it. Shared by demo.mjs and transformer-tests/examples, so both judge
// the runs the same way.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The test that holds only when each user has a manager of their own. */
export const LEAK_TEST = "two users chatting at the same time never see each other's messages";
/** Passes either way: the mock is the module the routes call, whether that is the SSOT or the deprecated one. */
export const MOCK_TEST = "a mocked websocket manager factory is the factory the routes call";

export const JEST_RUNS = [
  { name: "jest + ssot-imports/jest", config: "jest.config.js", migrated: true },
  { name: "jest, ts-jest alone", config: "jest.plain.config.js", migrated: false },
];

/**
 * @typedef {{ name: string, config: string, migrated: boolean }} JestRunSpec
 * @typedef {{ run: JestRunSpec, tests: Record<string, string>, failedToRun: string[], output: string }} JestRunResult
 */

/**
 * Runs both configurations at once, each as its own `jest --json` process.
 *
 * @param {string} exampleDir
 * @param {string} repoRoot
 * @returns {Promise<JestRunResult[]>}
 */
export function runJestSuites(exampleDir, repoRoot) {
  const jest = path.join(repoRoot, "node_modules", "jest", "bin", "jest.js");
  return Promise.all(JEST_RUNS.map((run) => new Promise((resolve) => {
    const outputFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ssot-jest-demo-")), "results.json");
    const args = [jest, "-c", run.config, "--ci", "--no-watchman", "--json", `--outputFile=${outputFile}`];
    const child = spawn(process.execPath, args, { cwd: exampleDir, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0" } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", () => {
      /** @type {Record<string, string>} */
      const tests = {};
      const failedToRun = [];
      if (fs.existsSync(outputFile)) {
        const json = JSON.parse(fs.readFileSync(outputFile, "utf8"));
        for (const suite of json.testResults) {
          if (suite.assertionResults.length === 0) failedToRun.push(path.relative(exampleDir, suite.name));
          for (const test of suite.assertionResults) tests[test.fullName] = test.status;
        }
        fs.rmSync(path.dirname(outputFile), { recursive: true, force: true });
      } else failedToRun.push(`jest -c ${run.config} wrote no results`);
      resolve({ run, tests, failedToRun, output });
    });
  })));
}

/**
 * With the transformer every test passes; without it the leak test fails and the mock test still passes.
 *
 * @param {JestRunResult[]} results
 * @returns {Array<{ ok: boolean, text: string }>}
 */
export function judgeJest(results) {
  return results.map(({ run, tests, failedToRun }) => {
    const names = Object.keys(tests);
    const failed = names.filter((name) => tests[name] !== "passed");
    const counts = `${names.length - failed.length} of ${names.length} tests pass`;
    if (failedToRun.length > 0 || names.length === 0) return { ok: false, text: `${run.name}: suites failed to run: ${failedToRun.join(", ") || "no tests found"}` };
    if (run.migrated) {
      return { ok: failed.length === 0, text: `${run.name}: ${counts}${failed.length ? ` (failing: ${failed.join("; ")})` : ", the mocks of the deprecated factory included"}` };
    }
    const leaks = tests[LEAK_TEST] === "failed";
    const mocks = tests[MOCK_TEST] === "passed";
    return {
      ok: leaks && mocks,
      text: `${run.name}: ${counts}; ${leaks ? "the leak is real: \"" + LEAK_TEST + "\" fails" : "expected the leak test to fail, but it passes"}${mocks ? "" : "; the mock test fails too"}`,
    };
  });
}
