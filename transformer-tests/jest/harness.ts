import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { createProject, REPO_ROOT } from "../helpers/project";
import { runNodeScript, type ProcessResult } from "../helpers/processes";

/**
 * Jest as a user runs it: a throw-away project with its own jest.config.js, the real `jest` binary spawned with
 * `--json`, and the result reduced to what the differential tests compare (each test's status, each suite's
 * failure message).
 */

const require = createRequire(import.meta.url);

export const JEST_BIN = path.join(REPO_ROOT, "node_modules", "jest", "bin", "jest.js");

/** The packages a project's jest.config.js and its type declarations name, linked from this repo. */
const LINKED_PACKAGES = ["ts-jest", "babel-jest", "@swc/jest", "@jest/globals"];

export type InnerName = "ts-jest" | "babel-jest" | "@swc/jest";
export const INNER_TRANSFORMERS: readonly InnerName[] = ["ts-jest", "babel-jest", "@swc/jest"];

/** Each transformer's options, as its own `transform` entry would hold them, for a TypeScript CommonJS project. */
export function innerOptions(name: InnerName): Record<string, unknown> {
  switch (name) {
    case "ts-jest":
      return {};
    case "babel-jest":
      // Absolute paths: Babel resolves presets from the project, which has only the links above.
      return {
        babelrc: false,
        configFile: false,
        presets: [require.resolve("@babel/preset-typescript", { paths: [REPO_ROOT] })],
        plugins: [require.resolve("@babel/plugin-transform-modules-commonjs", { paths: [REPO_ROOT] })],
      };
    case "@swc/jest":
      return { jsc: { parser: { syntax: "typescript" } }, module: { type: "commonjs" } };
  }
}

/** `transform` value: the project's transformer alone, or wrapped by ssot-imports/jest. */
export function transformEntry(inner: InnerName, wrapped: boolean, extra: Record<string, unknown> = {}): unknown {
  return wrapped ? ["ssot-imports/jest", { transformer: inner, transformerOptions: innerOptions(inner), ...extra }] : [inner, innerOptions(inner)];
}

export function jestConfig(transform: unknown): string {
  return `module.exports = ${JSON.stringify({ testEnvironment: "node", testMatch: ["<rootDir>/tests/**/*.test.ts"], transform: { "^.+\\.ts$": transform } }, null, 2)};\n`;
}

export function createJestProject(files: Record<string, string>, name: string): string {
  const dir = createProject(files, name);
  for (const pkg of LINKED_PACKAGES) {
    const link = path.join(dir, "node_modules", pkg);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.join(REPO_ROOT, "node_modules", pkg), link, "dir");
  }
  return dir;
}

export interface SuiteResult {
  /** `passed` / `failed` per test, by its full name; empty when the suite failed to run. */
  tests: Record<string, string>;
  /** Why the suite failed to run (a transform error), or its failures' text. */
  message: string;
}

export interface JestRun {
  /** By test file, relative to the project, `/`-separated. */
  suites: Record<string, SuiteResult>;
  status: number | null;
  output: string;
}

/**
 * ts-jest type-checks every file of a run in one process: on a loaded 2-core machine that took over a minute, so
 * a Jest run gets longer than the default guard against a hung compiler.
 */
const JEST_TIMEOUT_MS = 180_000;

/** One `jest` process in the project, in band (these suites are small: workers would cost more than they save). */
export function spawnJest(dir: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): ProcessResult {
  return runNodeScript(
    JEST_BIN,
    ["--ci", "--runInBand", "--no-watchman", `--cacheDirectory=${path.join(dir, ".jest-cache")}`, ...args],
    dir,
    { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1", ...env },
    JEST_TIMEOUT_MS,
  );
}

/** `spawnJest` with `--json`: each suite's tests and message. */
export function runJest(dir: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): JestRun {
  const outputFile = path.join(dir, ".jest-results.json");
  fs.rmSync(outputFile, { force: true });
  const run = spawnJest(dir, ["--json", `--outputFile=${outputFile}`, ...args], env);
  const output = run.stdout + run.stderr;
  if (!fs.existsSync(outputFile)) throw new Error(`jest wrote no results (exit ${run.status}):\n${output}`);
  const json = JSON.parse(fs.readFileSync(outputFile, "utf8")) as {
    testResults: Array<{ name: string; message: string; assertionResults: Array<{ fullName: string; status: string }> }>;
  };
  const suites: Record<string, SuiteResult> = {};
  for (const result of json.testResults) {
    const file = path.relative(dir, result.name).split(path.sep).join("/");
    suites[file] = { tests: Object.fromEntries(result.assertionResults.map((t) => [t.fullName, t.status])), message: result.message };
  }
  return { suites, status: run.status, output };
}

/** Each suite's per-test statuses, or `failed to run`: the shape two runs must agree on. */
export function verdicts(run: JestRun): Record<string, Record<string, string> | "failed to run"> {
  return Object.fromEntries(
    Object.entries(run.suites).map(([file, suite]) => [file, Object.keys(suite.tests).length === 0 && suite.message ? "failed to run" : suite.tests]),
  );
}
