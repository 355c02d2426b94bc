import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, createProject, readTree, runNode } from "../../helpers/project";
import {
  STACK_LINE,
  TS_PACKAGE_DIR,
  TS_VERSIONS,
  installPatchedTsc,
  migrationFixture,
  removePatchedTsc,
  referencesFixture,
  runNodeScript,
  runTspc,
  summaryCounts,
  type TsVersion,
} from "../../helpers/processes";

/**
 * End to end with real compiler processes: `tspc -p` and a `ts-patch install`ed `tsc -p`, on every supported
 * TypeScript version. The in-process tests cover the details; these prove the wiring a user actually runs.
 */

/** With the plugin the two users get separate contexts; the deprecated factory would print "bob bob". */
const MIGRATED_OUTPUT = "alice bob hi carol\n";

/** The `ssot-imports-tsc` bin (package.json "bin"). */
const COLD_BIN = path.join(REPO_ROOT, "dist", "tsc", "cold-bin.js");

function fingerprint(dir: string): string {
  const hash = createHash("sha256");
  for (const file of ["lib/typescript.js", "lib/_tsc.js", "lib/tsc.js"]) {
    const full = path.join(dir, file);
    if (fs.existsSync(full)) hash.update(fs.readFileSync(full));
  }
  return hash.digest("hex");
}

const repoTypeScriptBefore = Object.fromEntries(TS_VERSIONS.map((v) => [v, fingerprint(TS_PACKAGE_DIR[v])]));

afterAll(() => {
  // Installs happen on copies only: the repo's own compilers must come out of this file byte-identical.
  for (const v of TS_VERSIONS) expect(fingerprint(TS_PACKAGE_DIR[v]), `node_modules TypeScript ${v} was modified`).toBe(repoTypeScriptBefore[v]);
});

function expectMigratedBuild(dir: string, result: { status: number | null; stdout: string; stderr: string }): void {
  expect(result.stderr).toBe("");
  expect(result.status, result.stdout).toBe(0);
  expect(result.stdout).not.toMatch(STACK_LINE);
  expect(fs.readFileSync(path.join(dir, "out/main.js"), "utf8")).toContain(`require("./services/ctx")`);
  expect(fs.readFileSync(path.join(dir, "out/handlers/chat.js"), "utf8")).not.toContain("ws/factory");
  expect(runNode(path.join(dir, "out/main.js"))).toBe(MIGRATED_OUTPUT);
}

describe.each(TS_VERSIONS)("TypeScript %s, real processes", (version: TsVersion) => {
  it("tspc -p builds the migrated program and prints exactly one summary line", () => {
    const dir = createProject(migrationFixture({ report: true }), `tspc-${version}`);
    const result = runTspc(dir, ["-p", "."], version);
    expectMigratedBuild(dir, result);
    expect(summaryCounts(result.stdout), "one line: 2 imports in 2 files").toEqual([[2, 2]]);
    expect(result.stdout).toMatch(/rule 1: 2 in 2 files/);
  });

  describe("tsc after ts-patch install (on a copy of the package)", () => {
    let tsc: string;
    beforeAll(() => {
      tsc = installPatchedTsc(version);
    });
    afterAll(() => {
      if (tsc) removePatchedTsc(tsc);
    });

    it("reports the version it claims and builds the migrated program", () => {
      const dir = createProject(migrationFixture(), `patched-tsc-${version}`);
      expect(runNodeScript(tsc, ["-v"], dir).stdout).toContain(`Version ${version}.`);
      expectMigratedBuild(dir, runNodeScript(tsc, ["-p", "."], dir));
    });

    it("ssot-imports-tsc, with that copy as the project's typescript, emits what the patched tsc emits", () => {
      const dir = createProject(migrationFixture(), `read-time-${version}`);
      fs.symlinkSync(path.dirname(path.dirname(tsc)), path.join(dir, "node_modules", "typescript"), "dir");
      expectMigratedBuild(dir, runNodeScript(COLD_BIN, ["-p", "."], dir));
      const twin = createProject(migrationFixture(), `read-time-twin-${version}`);
      expect(runNodeScript(tsc, ["-p", "."], twin).status).toBe(0);
      expect(readTree(dir, "out", "")).toEqual(readTree(twin, "out", ""));
    });

    it("ssot-imports-tsc with incremental: the second build emits nothing, a rules edit re-emits the importers", async () => {
      const dir = createProject(migrationFixture({ compilerOptions: { incremental: true } }), `read-time-incremental-${version}`);
      fs.symlinkSync(path.dirname(path.dirname(tsc)), path.join(dir, "node_modules", "typescript"), "dir");
      const build = () => runNodeScript(COLD_BIN, ["-p", ".", "--listEmittedFiles"], dir);
      expectMigratedBuild(dir, build());
      const again = build();
      expect(again.status, again.stdout + again.stderr).toBe(0);
      expect(again.stdout).not.toContain("TSFILE:");
      await new Promise((r) => setTimeout(r, 20));
      const rules = path.join(dir, "ssot-imports.json");
      fs.writeFileSync(rules, fs.readFileSync(rules, "utf8").replace(`"createContext"`, `"createIsolatedContext"`));
      const edited = build();
      expect(edited.status, edited.stdout + edited.stderr).toBe(0);
      expect(edited.stdout).toContain(path.join(dir, "out", "main.js").split(path.sep).join("/"));
      expect(edited.stdout).not.toContain("out/util.js");
    });
  });
});

describe("ssot-imports-tsc on a TypeScript that ts-patch has not patched", () => {
  it("stops with a message saying what to run, and writes nothing", () => {
    const dir = createProject(migrationFixture(), "read-time-unpatched");
    fs.symlinkSync(TS_PACKAGE_DIR["6.0"], path.join(dir, "node_modules", "typescript"), "dir");
    const result = runNodeScript(COLD_BIN, ["-p", "."], dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/is not patched by ts-patch: run `npx ts-patch install`/);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });
});

describe("tspc -b with project references (TypeScript 6.0 process)", () => {
  it("rebuilds the referencing project after a rules edit when the rules file is an extended config", async () => {
    const dir = createProject(referencesFixture(), "tspc-b");
    const first = runTspc(dir, ["-b", "--listEmittedFiles"]);
    expect(first.status, first.stdout + first.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, "app/out/main.js"), "utf8")).toContain("createContext)(");

    await new Promise((r) => setTimeout(r, 20));
    const rules = path.join(dir, "ssot-imports.json");
    fs.writeFileSync(rules, fs.readFileSync(rules, "utf8").replace(`"createContext"`, `"createIsolatedContext"`));
    const second = runTspc(dir, ["-b", "--listEmittedFiles"]);
    expect(second.status, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toContain(path.join("app", "out", "main.js"));
    expect(second.stdout).not.toContain(path.join("app", "out", "other.js"));
    expect(fs.readFileSync(path.join(dir, "app/out/main.js"), "utf8")).toContain("createIsolatedContext)(");
  });
});
