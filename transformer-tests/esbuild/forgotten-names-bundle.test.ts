/**
 * `bundle: true`, and an importer asking a deprecated module for a name its SSOT module does not export and the
 * rule's `symbols` does not map. Run as a user runs esbuild (a real process, esbuild's default log level), the
 * build must fail with the core's located error only, and write nothing. Before, esbuild printed its own
 * "No matching export in <the deprecated file>" first (named, default), wrote the bundle and then failed
 * (`ns.name`), or succeeded with the name silently undefined (`export { … } from` in TypeScript, `import()`).
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { FACTORY_WITH_FORGOTTEN_NAMES, FORGOTTEN_RULE_LABEL, forgottenMessage } from "../helpers/forgotten-name-fixture";
import { filesUnder, loadPlugin } from "../helpers/esbuild-build";
import { migrationFixture } from "../helpers/processes";
import { createProject } from "../helpers/project";

const LABEL = FORGOTTEN_RULE_LABEL;
const message = forgottenMessage;

const FACTORY = FACTORY_WITH_FORGOTTEN_NAMES;

/** esbuild's JavaScript API with its defaults (log level "warning"), as a build script calls it. */
const BUILD_SCRIPT = `const esbuild = require(${JSON.stringify(require.resolve("esbuild"))});
const { ssotImports } = require("ssot-imports/esbuild");
esbuild
  .build({ entryPoints: ["src/main.ts"], bundle: true, outdir: "dist", format: "cjs", platform: "node", plugins: [ssotImports()] })
  .then(() => process.exit(0), () => process.exit(1));
`;

function runBuild(files: Record<string, string>, name: string) {
  const dir = createProject({ ...migrationFixture(), "src/ws/factory.ts": FACTORY, ...files, "build.cjs": BUILD_SCRIPT }, name);
  const run = spawnSync(process.execPath, ["build.cjs"], { cwd: dir, encoding: "utf8", env: { PATH: process.env.PATH, NO_COLOR: "1" }, timeout: 30_000 });
  return { dir, code: run.status, stderr: run.stderr, written: filesUnder(path.join(dir, "dist")) };
}

function positionOf(text: string, needle: string): { line: number; column: number } {
  const before = text.slice(0, text.indexOf(needle)).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

const CASES = [
  { name: "a named import", main: `import { createManager, VERSION } from "./ws/factory";\nconsole.log(createManager("a").user, VERSION);\n`, at: "VERSION }", forgotten: "VERSION" },
  { name: "a default import", main: `import legacy from "./ws/factory";\nconsole.log(legacy());\n`, at: "legacy from", forgotten: "default" },
  { name: "a namespace member read", main: `import * as f from "./ws/factory";\nconsole.log(f.createManager("a").user, f.VERSION);\n`, at: "VERSION);", forgotten: "VERSION" },
  { name: "a re-export", main: `export { createManager, VERSION } from "./ws/factory";\nconsole.log("x");\n`, at: "VERSION }", forgotten: "VERSION" },
  {
    name: "a destructured import()",
    main: `async function main(): Promise<void> {\n  const { createManager, VERSION } = await import("./ws/factory");\n  console.log(createManager("a").user, VERSION);\n}\nvoid main();\n`,
    at: "VERSION }",
    forgotten: "VERSION",
  },
];

describe("esbuild bundle: a name the rule forgot", () => {
  for (const c of CASES) {
    it(`${c.name}: only the core's located error on stderr, and nothing written`, () => {
      const { code, stderr, written } = runBuild({ "src/main.ts": c.main }, `forgotten-bundle-${c.name}`);
      const { line, column } = positionOf(c.main, c.at);
      expect(code).toBe(1);
      // esbuild prints the 0-based column of the location; the text is the core's words.
      expect(stderr).toContain(`[${LABEL}] ${message(c.forgotten)} [plugin ssot-imports]`);
      expect(stderr).toContain(`src/main.ts:${line}:${column - 1}:`);
      expect(stderr.match(/\[ERROR\]/g)).toHaveLength(1);
      expect(stderr).not.toMatch(/No matching export|will always be undefined|\[WARNING\]/);
      expect(written).toEqual([]);
    });
  }

  it("an importer of the same rule that asks only for names the SSOT module has builds and runs as the hand-migrated one", () => {
    const { dir, code, stderr, written } = runBuild({}, "forgotten-bundle-complete");
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(written).toEqual(["main.js"]);
    const stdout = execFileSync(process.execPath, [path.join(dir, "dist/main.js")], { encoding: "utf8" });
    expect(stdout).toBe("alice bob hi carol\n");
  });
});

describe("esbuild bundle, a watching context(): forgotten names across rebuilds", () => {
  const NAMED = `import { createManager, VERSION } from "./ws/factory";\nconsole.log(createManager("a").user, VERSION);\n`;
  const contextOf = (dir: string) =>
    esbuild.context({ absWorkingDir: dir, entryPoints: ["src/main.ts"], bundle: true, outdir: "dist", format: "cjs", platform: "node", logLevel: "silent", plugins: [loadPlugin(dir)()] });
  const rebuildErrors = (ctx: esbuild.BuildContext) => ctx.rebuild().then(() => [], (failure: esbuild.BuildFailure) => failure.errors.map((e) => e.text));

  it("a rule fixed while watching (the SSOT module now exports the name) builds at the next rebuild, without a restart", async () => {
    const dir = createProject({ ...migrationFixture(), "src/ws/factory.ts": FACTORY, "src/main.ts": NAMED }, "forgotten-bundle-fixed");
    const ctx = await contextOf(dir);
    try {
      expect(await rebuildErrors(ctx)).toEqual([`[${LABEL}] ${message("VERSION")}`]);
      expect(filesUnder(path.join(dir, "dist"))).toEqual([]);
      fs.appendFileSync(path.join(dir, "src/services/ctx.ts"), "export const VERSION = 2;\nexport default function fresh(): string { return \"fresh\"; }\n");
      expect(await rebuildErrors(ctx)).toEqual([]);
      expect(execFileSync(process.execPath, [path.join(dir, "dist/main.js")], { encoding: "utf8" })).toBe("a 2\n");
    } finally {
      await ctx.dispose();
    }
  });

  it("a deprecated module that starts exporting a name its SSOT module lacks fails the rebuild (restart), never builds", async () => {
    const dir = createProject({ ...migrationFixture() }, "forgotten-bundle-broken-later");
    const ctx = await contextOf(dir);
    try {
      expect(await rebuildErrors(ctx)).toEqual([]);
      fs.rmSync(path.join(dir, "dist"), { recursive: true });
      fs.writeFileSync(path.join(dir, "src/ws/factory.ts"), FACTORY);
      fs.writeFileSync(path.join(dir, "src/main.ts"), NAMED);
      const errors = await rebuildErrors(ctx);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/restart esbuild/);
      expect(filesUnder(path.join(dir, "dist"))).toEqual([]);
    } finally {
      await ctx.dispose();
    }
  });
});
