// What the Jest and Vitest sides of the story share: both runners write Jest's JSON report, so running a
// configuration and judging its results is the same for either; only the command and the test names differ.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/**
 * @typedef {{ name: string, config: string, migrated: boolean }} SuiteRunSpec
 * @typedef {{ run: SuiteRunSpec, tests: Record<string, string>, failedToRun: string[], output: string }} SuiteRunResult
 */

/**
 * Runs each configuration at once as its own process; `argsFor` builds the runner's arguments, which must make
 * it write Jest's JSON report to the given file.
 *
 * @param {string} exampleDir
 * @param {SuiteRunSpec[]} runs
 * @param {(run: SuiteRunSpec, outputFile: string) => string[]} argsFor
 * @returns {Promise<SuiteRunResult[]>}
 */
export function runSuites(exampleDir, runs, argsFor) {
  return Promise.all(runs.map((run) => new Promise((resolve) => {
    const outputFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ssot-suite-demo-")), "results.json");
    const child = spawn(process.execPath, argsFor(run, outputFile), { cwd: exampleDir, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" } });
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
      } else failedToRun.push(`${run.config} wrote no results`);
      fs.rmSync(path.dirname(outputFile), { recursive: true, force: true });
      resolve({ run, tests, failedToRun, output });
    });
  })));
}

/**
 * With ssot-imports every test passes; without it the leak test fails (the shared singleton leaks one user's
 * messages to another) and the mock test still passes.
 *
 * @param {SuiteRunResult[]} results
 * @param {{ leakTest: string, mockTest: string, mocksIncluded: string }} names
 * @returns {Array<{ ok: boolean, text: string }>}
 */
export function judgeSuites(results, { leakTest, mockTest, mocksIncluded }) {
  return results.map(({ run, tests, failedToRun }) => {
    const names = Object.keys(tests);
    const failed = names.filter((name) => tests[name] !== "passed");
    const counts = `${names.length - failed.length} of ${names.length} tests pass`;
    if (failedToRun.length > 0 || names.length === 0) return { ok: false, text: `${run.name}: suites failed to run: ${failedToRun.join(", ") || "no tests found"}` };
    if (run.migrated) {
      return { ok: failed.length === 0, text: `${run.name}: ${counts}${failed.length ? ` (failing: ${failed.join("; ")})` : `, ${mocksIncluded}`}` };
    }
    const leaks = tests[leakTest] === "failed";
    const mocks = tests[mockTest] === "passed";
    return {
      ok: leaks && mocks,
      text: `${run.name}: ${counts}; ${leaks ? `the leak is real: "${leakTest}" fails` : "expected the leak test to fail, but it passes"}${mocks ? "" : "; the mock test fails too"}`,
    };
  });
}
