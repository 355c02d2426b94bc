import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT, writeFiles } from "./project";

/**
 * `vitest run` of a throw-away project, as its own process (Vitest inside Vitest would share one module
 * graph). The project's config is a plain object, so it needs no `vitest` package of its own; with the plugin
 * it loads `ssot-imports/vite` the way a user does.
 */

export interface VitestRun {
  /** Each test's status by its full name (`describe > it`). */
  tests: Record<string, string>;
  /** Files that failed before running a test (an error in the file or in its transform), with the message. */
  failedFiles: Record<string, string>;
  output: string;
}

const VITEST = path.join(REPO_ROOT, "node_modules", "vitest", "vitest.mjs");

export function vitestConfig(withPlugin: boolean, options = "{}"): string {
  return [
    ...(withPlugin ? [`import { ssotImports } from "ssot-imports/vite";`] : []),
    `export default {`,
    ...(withPlugin ? [`  plugins: [ssotImports(${options})],`] : []),
    `  test: { include: ["tests/**/*.test.ts"], globals: true, watch: false, pool: "threads", maxWorkers: 1 },`,
    `};`,
  ].join("\n") + "\n";
}

export function runVitest(dir: string, withPlugin: boolean, args: string[] = []): Promise<VitestRun> {
  writeFiles(dir, { "vitest.config.mjs": vitestConfig(withPlugin) });
  const results = path.join(dir, "vitest-results.json");
  fs.rmSync(results, { force: true });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [VITEST, "run", "--root", dir, "--config", path.join(dir, "vitest.config.mjs"), "--reporter=json", "--reporter=default", `--outputFile.json=${results}`, ...args], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
      env: { PATH: process.env.PATH, FORCE_COLOR: "0" },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", () => {
      const tests: Record<string, string> = {};
      const failedFiles: Record<string, string> = {};
      if (fs.existsSync(results)) {
        const json = JSON.parse(fs.readFileSync(results, "utf8")) as { testResults: Array<{ name: string; message: string; assertionResults: Array<{ fullName: string; status: string }> }> };
        for (const file of json.testResults) {
          if (file.assertionResults.length === 0) failedFiles[path.relative(dir, file.name)] = file.message;
          for (const test of file.assertionResults) tests[test.fullName] = test.status;
        }
      } else failedFiles["(vitest)"] = output;
      resolve({ tests, failedFiles, output: output.replace(/\x1b\[[0-9;]*m/g, "") });
    });
  });
}
