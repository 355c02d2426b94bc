import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { createProject } from "../../helpers/project";
import { TS_VERSIONS, buildSolution, patchedTypeScript, referencesFixture, sleep, summaryCounts, type TsVersion } from "../../helpers/processes";

/**
 * `tsc -b` over a solution with project references and composite projects, in process (what `tspc -b`
 * runs, minus the process start). The rules are an input of the build only through tsconfig "extends":
 * `tsc -b` decides "up to date" from its inputs' timestamps before any program, hence any plugin, exists.
 */

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), "utf8");

async function retarget(dir: string): Promise<void> {
  // tsc -b compares timestamps: make sure the edit is strictly newer than the last .tsbuildinfo.
  await sleep(20);
  const file = path.join(dir, "ssot-imports.json");
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(`"createContext"`, `"createIsolatedContext"`));
}

describe.each(TS_VERSIONS)("tsc -b with references on TypeScript %s", (version: TsVersion) => {
  const ts = patchedTypeScript(version);

  it("builds both projects against the SSOT module, .d.ts included", () => {
    const dir = createProject(referencesFixture(), `build-${version}`);
    const build = buildSolution(ts, dir);
    expect(build.diagnostics).toEqual([]);
    expect(build.exitStatus).toBe(0);
    expect(read(dir, "core/out/api.js")).toContain(`require("./services/ctx")`);
    expect(read(dir, "core/out/api.js")).toContain("(0, ctx_1.createContext)(");
    expect(read(dir, "app/out/main.js")).toContain(`require("../../core/src/services/ctx")`);
    expect(read(dir, "app/out/main.d.ts")).toContain(`export { createContext as make } from "../../core/src/services/ctx";`);
    expect(read(dir, "app/out/main.d.ts")).not.toContain("factory");
  });

  it("re-emits exactly the affected files of every project after a rules edit, and then is up to date", async () => {
    const dir = createProject(referencesFixture(), `build-edit-${version}`);
    expect(buildSolution(ts, dir).exitStatus).toBe(0);
    const again = buildSolution(ts, dir);
    expect(again.written, "an unchanged solution writes nothing").toEqual([]);

    await retarget(dir);
    const rebuilt = buildSolution(ts, dir);
    expect(rebuilt.diagnostics).toEqual([]);
    expect(rebuilt.status.join("\n")).toMatch(/older than input '[^']*ssot-imports\.json'/);
    const outputs = rebuilt.written.filter((f) => !f.endsWith(".tsbuildinfo"));
    expect(outputs.filter((f) => f.endsWith(".js")), "the importers in both projects, and only them").toEqual(["app/out/main.js", "core/out/api.js"]);
    expect(outputs.some((f) => /plain|other|factory|ctx/.test(f)), outputs.join(", ")).toBe(false);
    expect(read(dir, "core/out/api.js")).toContain("(0, ctx_1.createIsolatedContext)(");
    expect(read(dir, "app/out/main.js")).toContain("(0, ctx_1.createIsolatedContext)(");

    const settled = buildSolution(ts, dir);
    expect(settled.written).toEqual([]);
    expect(settled.status.join("\n")).toMatch(/is up to date/);
  });

  it(`"report": "summary" prints one line per project built, and none when everything is up to date`, () => {
    const dir = createProject(referencesFixture({ report: true }), `build-summary-${version}`);
    const lines: string[] = [];
    const write = ts.sys.write;
    ts.sys.write = (s) => void lines.push(s);
    try {
      expect(buildSolution(ts, dir).exitStatus).toBe(0);
      // core (api.ts: one import), then app (main.ts: an import and an export-from).
      expect(summaryCounts(lines.join(""))).toEqual([
        [1, 1],
        [2, 1],
      ]);
      lines.length = 0;
      expect(buildSolution(ts, dir).written).toEqual([]);
      expect(summaryCounts(lines.join(""))).toEqual([]);
    } finally {
      ts.sys.write = write;
    }
  });

  it("without the extends entry, a rules edit leaves the solution up to date (documented limit)", async () => {
    const dir = createProject(referencesFixture({ extendsRules: false }), `build-no-extends-${version}`);
    expect(buildSolution(ts, dir).exitStatus).toBe(0);
    await retarget(dir);
    const rebuilt = buildSolution(ts, dir);
    // This is why the README tells users to extend the rules file: tsc -b never asks the plugin.
    expect(rebuilt.written).toEqual([]);
    expect(read(dir, "app/out/main.js")).toContain("(0, ctx_1.createContext)(");
  });
});
