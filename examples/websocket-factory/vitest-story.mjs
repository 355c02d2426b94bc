// The Vitest side of the story: the example's test suite (tests/, written against the unmigrated code) run by
// Vitest with ssot-imports/vite (vitest.config.mts) and without it (vitest.plain.config.mts). Used by demo.mjs
// and by transformer-tests/examples/websocket-vitest.test.ts, so both judge the runs the same way.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

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
 * @returns {Promise<Array<{ run: typeof VITEST_RUNS[number], tests: Record<string, string>, failedToRun: string[], output: string }>>}
 */
export function runVitestSuites(exampleDir, repoRoot) {
  const vitest = path.join(repoRoot, "node_modules", "vitest", "vitest.mjs");
  return Promise.all(VITEST_RUNS.map((run) => new Promise((resolve) => {
    const outputFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ssot-vitest-demo-")), "results.json");
    const args = [vitest, "run", "--config", run.config, "--reporter=json", `--outputFile=${outputFile}`];
    const child = spawn(process.execPath, args, { cwd: exampleDir, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" } });
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
      } else failedToRun.push(`vitest --config ${run.config} wrote no results`);
      fs.rmSync(path.dirname(outputFile), { recursive: true, force: true });
      resolve({ run, tests, failedToRun, output });
    });
  })));
}

/**
 * With the plugin every test passes; without it the test of the real factory behind the mock fails (the
 * shared singleton leaks one user's messages to another), and the mock test still passes.
 *
 * @param {Awaited<ReturnType<typeof runVitestSuites>>} results
 * @returns {Array<{ ok: boolean, text: string }>}
 */
export function judgeVitest(results) {
  return results.map(({ run, tests, failedToRun }) => {
    const names = Object.keys(tests);
    const failed = names.filter((name) => tests[name] !== "passed");
    const counts = `${names.length - failed.length} of ${names.length} tests pass`;
    if (failedToRun.length > 0 || names.length === 0) return { ok: false, text: `${run.name}: suites failed to run: ${failedToRun.join(", ") || "no tests found"}` };
    if (run.migrated) {
      return { ok: failed.length === 0, text: `${run.name}: ${counts}${failed.length ? ` (failing: ${failed.join("; ")})` : ", vi.mock and vi.importActual of the deprecated factory included"}` };
    }
    const leaks = tests[VITEST_LEAK_TEST] === "failed";
    const mocks = tests[VITEST_MOCK_TEST] === "passed";
    return {
      ok: leaks && mocks,
      text: `${run.name}: ${counts}; ${leaks ? `the leak is real: "${VITEST_LEAK_TEST}" fails` : "expected the leak test to fail, but it passes"}${mocks ? "" : "; the mock test fails too"}`,
    };
  });
}
