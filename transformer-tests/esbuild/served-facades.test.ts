/**
 * A bundle serves an existing deprecated module's facade where esbuild loads the file (one round trip per
 * module, however many importers). What that must not change: a deprecated file that is itself an entry point
 * is compiled as it is, and a deprecated file deleted under a running context is reported, not silently left
 * unresolved. (A project reached through a symlink: symlinked-project.test.ts.)
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as esbuild from "esbuild";
import type { BuildOptions } from "esbuild";
import { describe, expect, it } from "vitest";
import { loadPlugin, runNode } from "../helpers/esbuild-build";
import { createProject } from "../helpers/project";

const FACTORY = `const shared = { user: "" };\nexport function createManager(user: string) { shared.user = "shared:" + user; return shared; }\nconsole.log("factory entry ran");\n`;
const CONTEXT = `export function createContext(user: string) { return { user: "ctx:" + user }; }\n`;
const RULES = { rules: [{ from: "./src/legacy/factory", to: "./src/services/ctx", symbols: { createManager: "createContext" } }] };

function project(): string {
  return createProject({
    "src/legacy/factory.ts": FACTORY,
    "src/services/ctx.ts": CONTEXT,
    "src/main.ts": `import { createManager } from "./legacy/factory";\nconsole.log(createManager("alice").user, createManager("bob").user);\n`,
    "ssot-imports.json": JSON.stringify(RULES),
  });
}

const MIGRATED_OUTPUT = "ctx:alice ctx:bob\n";

async function bundle(dir: string, options: BuildOptions, withPlugin = true): Promise<void> {
  await esbuild.build({ absWorkingDir: dir, bundle: true, format: "cjs", platform: "node", outbase: "src", outdir: "out", logLevel: "silent", ...options, plugins: withPlugin ? [loadPlugin(dir)()] : [] });
}

describe("a deprecated module that is itself an entry point", () => {
  for (const [name, entryPoints] of [
    ["named", ["src/main.ts", "src/legacy/factory.ts"]],
    ["named without extension", ["src/main.ts", "./src/legacy/factory"]],
    ["matched by a glob", ["src/main.ts", "src/legacy/*.ts"]],
    ["matched by a ** glob", ["src/main.ts", "src/**/fact*.ts"]],
  ] as const) {
    it(`is compiled as it is, while its importers are redirected (${name})`, async () => {
      const dir = project();
      await bundle(dir, { entryPoints: [...entryPoints], outdir: "out-plain" }, false);
      await bundle(dir, { entryPoints: [...entryPoints] });
      expect(runNode(path.join(dir, "out/main.js"))).toBe(MIGRATED_OUTPUT);
      expect(fs.readFileSync(path.join(dir, "out/legacy/factory.js"), "utf8")).toBe(fs.readFileSync(path.join(dir, "out-plain/legacy/factory.js"), "utf8"));
      expect(runNode(path.join(dir, "out/legacy/factory.js"))).toBe("factory entry ran\n");
    });
  }
});

describe("a deprecated file deleted under a running context", () => {
  it("asks for a restart, and a new context redirects the deleted module's imports", async () => {
    const dir = project();
    const options: BuildOptions = { absWorkingDir: dir, entryPoints: ["src/main.ts"], bundle: true, format: "cjs", platform: "node", outdir: "out", logLevel: "silent" };
    const ctx = await esbuild.context({ ...options, plugins: [loadPlugin(dir)()] });
    try {
      await ctx.rebuild();
      expect(runNode(path.join(dir, "out/main.js"))).toBe(MIGRATED_OUTPUT);
      fs.rmSync(path.join(dir, "src/legacy/factory.ts"));
      const failure = await ctx.rebuild().then(
        () => undefined,
        (e: esbuild.BuildFailure) => e,
      );
      expect(failure?.errors.map((e) => e.text).join("\n")).toMatch(/ssot-imports\.json now redirects .*restart esbuild/);
    } finally {
      await ctx.dispose();
    }
    await esbuild.build({ ...options, plugins: [loadPlugin(dir)()] });
    expect(runNode(path.join(dir, "out/main.js"))).toBe(MIGRATED_OUTPUT);
  });
});
