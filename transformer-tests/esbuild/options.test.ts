/**
 * The plugin's options: `rules` as a path (relative to `cwd`, whose `./` paths are relative to the rules file
 * itself) or as an inline object, and `cwd`. Each case bundles and runs the program.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import type { SsotImportsOptions } from "../../src/esbuild/index";
import { buildErrors, loadPlugin, runNode } from "../helpers/esbuild-build";
import { createProject } from "../helpers/project";

const SOURCES = {
  "app/src/ws/factory.ts": `const shared = { user: "" };\nexport function createManager(user: string) { shared.user = user; return shared; }\n`,
  "app/src/services/ctx.ts": `export function createContext(user: string) { return { user: "ctx:" + user }; }\n`,
  "app/src/main.ts": `import { createManager } from "./ws/factory";\nconsole.log(createManager("a").user);\n`,
};

async function bundleAndRun(dir: string, absWorkingDir: string, options: SsotImportsOptions): Promise<string> {
  const outfile = path.join(dir, "out", "main.js");
  await esbuild.build({ absWorkingDir, entryPoints: [path.join(dir, "app/src/main.ts")], bundle: true, platform: "node", outfile, logLevel: "silent", plugins: [loadPlugin(dir)(options)] });
  return runNode(outfile);
}

describe("options", () => {
  it("rules: a path relative to absWorkingDir; the rule paths inside are relative to that file", async () => {
    const rules = { rules: [{ from: "../app/src/ws/factory", to: "../app/src/services/ctx", symbols: { createManager: "createContext" } }] };
    const dir = createProject({ ...SOURCES, "config/ssot.json": JSON.stringify(rules) });
    expect(await bundleAndRun(dir, dir, { rules: "config/ssot.json" })).toBe("ctx:a\n");
  });

  it("cwd: where the default ssot-imports.json is looked for, instead of absWorkingDir", async () => {
    const rules = { rules: [{ from: "./src/ws/factory", to: "./src/services/ctx", symbols: { createManager: "createContext" } }] };
    const dir = createProject({ ...SOURCES, "app/ssot-imports.json": JSON.stringify(rules) });
    expect(await bundleAndRun(dir, dir, { cwd: path.join(dir, "app") })).toBe("ctx:a\n");
  });

  it("rules: an inline object, its paths relative to cwd", async () => {
    const dir = createProject(SOURCES);
    const rules = { rules: [{ from: "./app/src/ws/factory", to: "./app/src/services/ctx", symbols: { createManager: "createContext" } }] };
    expect(await bundleAndRun(dir, dir, { rules })).toBe("ctx:a\n");
  });

  it("rules: an inline object with a mistake fails the build naming the option and the rule", async () => {
    const dir = createProject(SOURCES);
    const rules = { rules: [{ from: "./app/src/ws/factory", to: "./app/src/services/gone" }] };
    const { errors } = await buildErrors({ absWorkingDir: dir, entryPoints: ["app/src/main.ts"], bundle: true, write: false, outdir: "out", logLevel: "silent", plugins: [loadPlugin(dir)({ rules })] });
    expect(errors).toHaveLength(1);
    expect(errors[0].text).toContain(`[rule 1 (./app/src/ws/factory → ./app/src/services/gone)] "to" names ./app/src/services/gone, which does not exist`);
    expect(errors[0].location?.file).toMatch(/ssotImports\(\{ rules \}\)$/);
  });

  it.each([
    [{ reprot: "warn" }, `ssotImports(): unknown option "reprot"; did you mean "report"? (known: rules, cwd, report)`],
    [{ report: "loud" }, `ssotImports(): "report" must be one of "off", "warn", "summary", not "loud"`],
  ])("a mistaken option %j fails the build as an esbuild error, nothing written", async (options, message) => {
    const dir = createProject(SOURCES);
    const { errors } = await buildErrors({ absWorkingDir: dir, entryPoints: ["app/src/main.ts"], bundle: true, outdir: "out", logLevel: "silent", plugins: [loadPlugin(dir)(options as SsotImportsOptions)] });
    expect(errors.map((e) => e.text)).toEqual([message]);
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });
});
