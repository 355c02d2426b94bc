import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, createProject } from "../helpers/project";
import { migrationFixture } from "../helpers/processes";

/**
 * The built package (dist/) on Node 24, the Node that ts-patch 4 and current projects run: its entry points
 * load (through the code-cache stubs), the CLI runs, the esbuild plugin bundles, and the tsc plugin builds
 * through ts-patch 4. The suites themselves run on Node 20; the tsc mode and error suites run again on
 * Node 24 (tools/run-tests.mjs).
 */

const COMPAT = path.join(REPO_ROOT, "compat", "ts-patch-4-node-24", "node_modules");
const NODE_24 = path.join(COMPAT, ".bin", "node");

function node24(args: string[], cwd: string, env: Record<string, string> = {}): { status: number | null; output: string } {
  const result = spawnSync(NODE_24, args, { cwd, encoding: "utf8", env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", ...env }, timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("the package on Node 24", () => {
  let dir: string;
  beforeAll(() => {
    dir = createProject(migrationFixture(), "node-24");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is Node 24", () => {
    expect(node24(["-p", "process.versions.node"], dir).output.trim()).toMatch(/^24\./);
  });

  it("loads every entry point and its exports", () => {
    const script = `for (const entry of ["ssot-imports", "ssot-imports/tsc", "ssot-imports/esbuild"]) console.log(entry, Object.keys(require(entry)).sort().join(","));`;
    const { status, output } = node24(["-e", script], dir);
    expect(status, output).toBe(0);
    expect(output).toMatch(/^ssot-imports .*loadRulesFile/m);
    expect(output).toMatch(/^ssot-imports\/esbuild .*ssotImports/m);
    expect(output).toMatch(/^ssot-imports\/tsc \S+/m);
  });

  it("runs the CLI: report finds the two deprecated imports, facades writes their facades", () => {
    const cli = path.join(dir, "node_modules", "ssot-imports", "dist", "cli", "main.js");
    const report = node24([cli, "report", "--format", "json"], dir);
    expect(report.status, report.output).toBe(0);
    expect(JSON.parse(report.output).summary).toEqual({ violations: 2, files: 2 });
    const facades = node24([cli, "facades"], dir);
    expect(facades.status, facades.output).toBe(0);
    expect(facades.output).toContain("still exists");
  });

  it("bundles with the esbuild plugin, and the bundle runs migrated", () => {
    const script = `require("${path.join(REPO_ROOT, "node_modules", "esbuild").replace(/\\/g, "/")}").build({ entryPoints: ["src/main.ts"], bundle: true, platform: "node", outfile: "bundle/main.js", logLevel: "error", plugins: [require("ssot-imports/esbuild").ssotImports()] }).catch((e) => { console.error(e.message); process.exit(1); });`;
    const built = node24(["-e", script], dir);
    expect(built.status, built.output).toBe(0);
    expect(node24(["bundle/main.js"], dir).output).toBe("alice bob hi carol\n");
  });

  it("builds with tspc of ts-patch 4 on TypeScript 6, and the output runs migrated", () => {
    const built = node24([path.join(COMPAT, "ts-patch", "bin", "tspc.js"), "-p", "."], dir, { TSP_COMPILER_TS_PATH: path.join(COMPAT, "typescript") });
    expect(built.status, built.output).toBe(0);
    expect(node24(["out/main.js"], dir).output).toBe("alice bob hi carol\n");
  });
});
