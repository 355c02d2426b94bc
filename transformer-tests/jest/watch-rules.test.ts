/**
 * `jest --watch` re-runs the tests related to changed files; no module imports the rules file, so an edit of the
 * rules alone re-ran nothing. With `dependencyExtractor: "ssot-imports/jest/dependency-extractor"` every file
 * depends on the rules file as far as Jest knows: an edit of it re-runs the tests, under the new rules.
 */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { createJestProject, JEST_BIN, spawnJest, transformEntry } from "./harness";

const module = (kind: string) => `export const kind = "${kind}";\n`;
const rulesTo = (to: string) => JSON.stringify({ rules: [{ from: "./src/old", to }] });
const EXTRACTOR = "ssot-imports/jest/dependency-extractor";

function project(extractor: boolean, name: string): string {
  const config = { testEnvironment: "node", testMatch: ["<rootDir>/tests/**/*.test.ts"], transform: { "^.+\\.ts$": transformEntry("@swc/jest", true) }, ...(extractor ? { dependencyExtractor: EXTRACTOR } : {}) };
  const dir = createJestProject(
    {
      "tsconfig.json": JSON.stringify({ compilerOptions: { module: "commonjs", strict: true, types: [] } }),
      "src/old.ts": module("old"),
      "src/new.ts": module("new"),
      "src/newer.ts": module("newer"),
      "tests/kind.test.ts": `import { kind } from "../src/old";\nit("runs the module the rules name", () => {\n  expect(kind).toBe("new");\n});\n`,
      "tests/unrelated.test.ts": `it("imports nothing", () => {\n  expect(1).toBe(1);\n});\n`,
      "ssot-imports.json": rulesTo("./src/new"),
      "jest.config.js": `module.exports = ${JSON.stringify(config)};\n`,
    },
    name,
  );
  // --watch asks git which files changed since the last commit.
  const git = (...args: string[]) => spawnSync("git", ["-c", "user.email=t@t", "-c", "user.name=t", ...args], { cwd: dir, encoding: "utf8" });
  fs.writeFileSync(path.join(dir, ".gitignore"), "node_modules\n.jest-cache\n");
  git("init", "-q");
  git("add", "-A");
  git("commit", "-qm", "fixture");
  return dir;
}

const relatedToRules = (dir: string) =>
  spawnJest(dir, ["--listTests", "--findRelatedTests", path.join(dir, "ssot-imports.json")])
    .stdout.split("\n")
    .filter((line) => line.endsWith(".test.ts"))
    .map((line) => path.relative(dir, line))
    .sort();

describe("jest --watch and an edit of the rules file", () => {
  it("with the extractor every test is related to the rules file; without it none is", () => {
    expect(relatedToRules(project(true, "jest-watch-related"))).toEqual(["tests/kind.test.ts", "tests/unrelated.test.ts"]);
    expect(relatedToRules(project(false, "jest-watch-unrelated"))).toEqual([]);
  }, 120_000);

  it("jest --watch re-runs the tests when only the rules change, and runs them under the new rules", async () => {
    const dir = project(true, "jest-watch-run");
    const watcher = spawn(process.execPath, [JEST_BIN, "--watch", "--runInBand", "--no-watchman", `--cacheDirectory=${path.join(dir, ".jest-cache")}`], {
      cwd: dir,
      env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
    });
    let output = "";
    watcher.stdout.on("data", (chunk) => (output += chunk));
    watcher.stderr.on("data", (chunk) => (output += chunk));
    const waitFor = async (what: RegExp, ms: number) => {
      for (const start = Date.now(); !what.test(output); ) {
        if (Date.now() - start > ms) throw new Error(`jest --watch never printed ${what}:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    try {
      await waitFor(/No tests found related to files changed/, 60_000);
      fs.writeFileSync(path.join(dir, "ssot-imports.json"), rulesTo("./src/newer"));
      await waitFor(/Tests:.*total/, 90_000);
    } finally {
      watcher.kill();
    }
    // The re-run saw the new rules: the test that expects the old SSOT module fails, the other passes.
    expect(output).toMatch(/FAIL tests\/kind\.test\.ts/);
    expect(output).toMatch(/Expected: "new"\s+Received: "newer"/);
    expect(output).toMatch(/PASS tests\/unrelated\.test\.ts/);
  }, 180_000);
});
