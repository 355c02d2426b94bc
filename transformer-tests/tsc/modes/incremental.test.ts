import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { createProject } from "../../helpers/project";
import { TS_VERSIONS, buildProject, buildSolution, migrationFixture, patchedTypeScript, retargetRule, sleep, type TsVersion } from "../../helpers/processes";

/**
 * `tsc -p` with `incremental` or `composite`, in process. The builder keys every file by its version, and
 * the plugin gives a rewritten file the hash of its rewritten text as version: a rules edit changes that
 * text, so exactly the importers are re-emitted, with or without the rules file in "extends".
 */

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), "utf8");
const js = (written: string[]) => written.filter((f) => f.endsWith(".js"));

const SETTINGS = [
  { name: "incremental", compilerOptions: { incremental: true } },
  { name: "composite", compilerOptions: { composite: true } },
] as const;

describe.each(TS_VERSIONS)("tsc -p on TypeScript %s", (version: TsVersion) => {
  const ts = patchedTypeScript(version);

  for (const setting of SETTINGS) {
    it(`${setting.name}: a rules edit re-emits exactly the two importers, also without "extends"`, async () => {
      const dir = createProject(migrationFixture({ compilerOptions: setting.compilerOptions }), `${setting.name}-${version}`);
      const first = buildProject(ts, dir);
      expect(first.diagnostics).toEqual([]);
      expect(first.written).toContain("tsconfig.tsbuildinfo");
      expect(read(dir, "out/main.js")).toContain("(0, ctx_1.createContext)(");

      const unchanged = buildProject(ts, dir);
      expect(js(unchanged.written), "nothing changed, nothing is re-emitted").toEqual([]);

      retargetRule(dir);
      const rebuilt = buildProject(ts, dir);
      expect(rebuilt.diagnostics).toEqual([]);
      expect(js(rebuilt.written)).toEqual(["out/handlers/chat.js", "out/main.js"]);
      expect(read(dir, "out/main.js")).toContain("(0, ctx_1.createIsolatedContext)(");
      expect(read(dir, "out/handlers/chat.js")).toContain("(0, ctx_1.createIsolatedContext)(");
      if (setting.name === "composite") {
        // Declarations of unchanged shape are not rewritten needlessly; their sources are untouched anyway.
        expect(rebuilt.written.filter((f) => /util|factory|ctx\./.test(f))).toEqual([]);
      }
    });
  }

  it("composite under tsc -b with the rules file extended: rebuilds on a rules edit, then is up to date", async () => {
    const dir = createProject(migrationFixture({ extendsRules: true, compilerOptions: { composite: true } }), `composite-b-${version}`);
    expect(buildSolution(ts, dir).diagnostics).toEqual([]);
    await sleep(20);
    retargetRule(dir);
    const rebuilt = buildSolution(ts, dir);
    expect(js(rebuilt.written)).toEqual(["out/handlers/chat.js", "out/main.js"]);
    expect(read(dir, "out/handlers/chat.js")).toContain("(0, ctx_1.createIsolatedContext)(");
    expect(buildSolution(ts, dir).written).toEqual([]);
  });

  it("a rules edit that makes the build fail writes nothing, and fixing it rebuilds from the last good state", () => {
    const dir = createProject(migrationFixture({ compilerOptions: { incremental: true } }), `incremental-fail-${version}`);
    expect(buildProject(ts, dir).exitStatus).toBe(0);
    const rules = path.join(dir, "ssot-imports.json");
    const good = read(dir, "ssot-imports.json");
    fs.writeFileSync(rules, good.replace(`"createContext"`, `"createMissing"`));
    const failed = buildProject(ts, dir);
    expect(failed.exitStatus).not.toBe(0);
    expect(failed.diagnostics.join("\n")).toMatch(/^ssot-imports\.json\(\d+,\d+\): TS990001: .*createMissing/m);
    expect(failed.written, "not even .tsbuildinfo").toEqual([]);

    fs.writeFileSync(rules, good.replace(`"createContext"`, `"createIsolatedContext"`));
    const fixed = buildProject(ts, dir);
    expect(fixed.diagnostics).toEqual([]);
    expect(js(fixed.written)).toEqual(["out/handlers/chat.js", "out/main.js"]);
  });
});
