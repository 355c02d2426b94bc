/**
 * `vite build` serves an existing deprecated file's facade where Rolldown LOADS the file (src/bundlers/load-plan.ts):
 * its imports are resolved by Rolldown itself, in Rust, and never reach the plugin's `resolveId` in JavaScript;
 * one `load` per deprecated file answers for all its importers. What loading cannot see keeps `resolveId`:
 * here a deleted module, and a deprecated file that is the build's entry point.
 */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBundlerPlugin } from "../helpers/bundlers";
import { runNode } from "../helpers/esbuild-build";
import { createProject } from "../helpers/project";
import { LOAD_PLAN_SOURCES } from "./load-plan-fixture";

const SOURCES = {
  "tsconfig.json": JSON.stringify({ compilerOptions: { target: "es2022", module: "esnext", moduleResolution: "bundler", strict: true } }),
  ...LOAD_PLAN_SOURCES,
};

type Hook = { handler: (this: unknown, ...args: unknown[]) => unknown };

/** Builds with a plugin whose hooks count the calls that reach them in JavaScript, then runs the bundle. */
async function countedBuild(dir: string, entry: string) {
  const plugin = loadBundlerPlugin(dir, "vite")({ cwd: dir }) as { resolveId: Hook; load: Hook };
  const resolved: string[] = [];
  const loaded: string[] = [];
  const count = (hook: Hook, calls: string[]) => {
    const original = hook.handler;
    hook.handler = function (this: unknown, ...args: unknown[]) {
      calls.push(String(args[0]));
      return original.apply(this, args);
    };
  };
  count(plugin.resolveId, resolved);
  count(plugin.load, loaded);
  const { build } = await import("vite");
  await build({
    root: dir,
    configFile: false,
    logLevel: "silent",
    plugins: [plugin as never],
    build: { ssr: path.join(dir, entry), outDir: path.join(dir, "out"), emptyOutDir: true, minify: false, rolldownOptions: { output: { format: "cjs", entryFileNames: "main.js" } } } as never,
  });
  return { resolved, loaded, stdout: runNode(path.join(dir, "out/main.js")) };
}

describe("vite build: an existing deprecated file's facade is served where it is loaded", () => {
  it("its imports never reach resolveId; one load serves every importer; a deleted module still goes through resolveId", async () => {
    const dir = createProject(SOURCES, "vite-load-served");
    const { resolved, loaded, stdout } = await countedBuild(dir, "src/main.ts");
    expect(stdout).toBe("ctx:m ctx:anames ctx:b\n");
    expect(resolved.filter((id) => id.includes("legacy/factory"))).toEqual([]);
    expect(resolved).toContain("./legacy/gone");
    expect(loaded.filter((id) => id.endsWith("/src/legacy/factory.ts"))).toHaveLength(1);
  }, 60_000);

  it("a deprecated file that is the build's entry point is built as it is, and its importers still get the facade", async () => {
    const dir = createProject({ ...SOURCES, "src/legacy/factory.ts": `import { a } from "../a";\nexport function createManager(user: string) { return { user }; }\nconsole.log("entry", a);\n` }, "vite-load-entry");
    const { resolved, stdout } = await countedBuild(dir, "src/legacy/factory.ts");
    expect(stdout).toBe("entry ctx:anames\n");
    expect(resolved).toContain("./legacy/factory");
  }, 60_000);
});
