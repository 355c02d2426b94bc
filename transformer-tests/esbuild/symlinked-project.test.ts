/**
 * esbuild names every file by its real path (symlinks followed), while a project may be opened through a
 * symlinked folder (a monorepo link, a mounted workspace, macOS's /tmp): the rules, written relative to the
 * path the build was given, must still match, and the specifiers written must not leave the project.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import type { SsotImportsOptions } from "../../src/esbuild/index";
import { loadPlugin, runNode, sourceFiles } from "../helpers/esbuild-build";
import { createProject } from "../helpers/project";

const RULES = { rules: [{ from: "./src/legacy/factory", to: "./src/services/ctx", symbols: { createManager: "createContext" } }] };

/** The project, and a symlink to its folder through which every build below is run. */
function linkedProject(): { dir: string; link: string } {
  const dir = createProject({
    "src/legacy/factory.ts": `const shared = { user: "" };\nexport function createManager(user: string) { shared.user = "shared:" + user; return shared; }\n`,
    "src/services/ctx.ts": `export function createContext(user: string) { return { user: "ctx:" + user }; }\n`,
    "src/main.ts": `import { createManager } from "./legacy/factory";\nconsole.log(createManager("alice").user, createManager("bob").user);\n`,
    "ssot-imports.json": JSON.stringify(RULES),
  });
  const link = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ssot-link-")), "project");
  fs.symlinkSync(dir, link, "dir");
  return { dir, link };
}

const MIGRATED_OUTPUT = "ctx:alice ctx:bob\n";

describe("a project reached through a symlink", () => {
  for (const report of [undefined, "warn"] as const) {
    it(`is redirected in a bundle (${report ? `report: ${report}, every import through onResolve` : "facade served at load"})`, async () => {
      const { dir, link } = linkedProject();
      const options: SsotImportsOptions = { report };
      await esbuild.build({ absWorkingDir: link, entryPoints: ["src/main.ts"], bundle: true, format: "cjs", platform: "node", outdir: "out", logLevel: "silent", plugins: [loadPlugin(link)(options)] });
      expect(runNode(path.join(dir, "out/main.js"))).toBe(MIGRATED_OUTPUT);
    });
  }

  it("is rewritten by a bundle: false build, with specifiers relative inside the project", async () => {
    const { dir, link } = linkedProject();
    await esbuild.build({ absWorkingDir: link, entryPoints: sourceFiles(link), outbase: path.join(link, "src"), outdir: path.join(link, "out"), bundle: false, format: "cjs", platform: "node", logLevel: "silent", plugins: [loadPlugin(link)()] });
    const main = fs.readFileSync(path.join(dir, "out/main.js"), "utf8");
    expect(main).toContain(`require("./services/ctx")`);
    expect(runNode(path.join(dir, "out/main.js"))).toBe(MIGRATED_OUTPUT);
  });

  it("matches an import written inside a symlinked folder, which esbuild names by the folder's real path", async () => {
    const dir = createProject({
      "shared/legacy/factory.ts": `export function createManager(user: string) { return { user: "shared:" + user }; }\n`,
      "shared/legacy/user.ts": `import { createManager } from "./factory";\nexport const users = [createManager("alice").user, createManager("bob").user];\n`,
      "src/services/ctx.ts": `export function createContext(user: string) { return { user: "ctx:" + user }; }\n`,
      "src/main.ts": `import { users } from "./legacy/user";\nconsole.log(users.join(" "));\n`,
      "ssot-imports.json": JSON.stringify(RULES),
    });
    fs.symlinkSync(path.join(dir, "shared/legacy"), path.join(dir, "src/legacy"), "dir");
    for (const report of [undefined, "warn"] as const) {
      await esbuild.build({ absWorkingDir: dir, entryPoints: ["src/main.ts"], bundle: true, format: "cjs", platform: "node", outfile: "out/bundle.js", logLevel: "silent", plugins: [loadPlugin(dir)({ report })] });
      expect(runNode(path.join(dir, "out/bundle.js")), `report: ${report}`).toBe(MIGRATED_OUTPUT);
    }
  });

  it("names the rules file in an error as the user sees it", async () => {
    const { link } = linkedProject();
    fs.writeFileSync(path.join(link, "ssot-imports.json"), JSON.stringify({ rules: [{ from: "./src/legacy/factory", to: "./src/services/nothere" }] }));
    const failure = await esbuild
      .build({ absWorkingDir: link, entryPoints: ["src/main.ts"], bundle: true, write: false, logLevel: "silent", plugins: [loadPlugin(link)()] })
      .then(() => undefined, (e: esbuild.BuildFailure) => e);
    expect(failure?.errors.map((e) => e.location?.file)).toEqual(["ssot-imports.json"]);
  });
});
