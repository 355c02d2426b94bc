/**
 * webpack serves an existing deprecated file's facade where it LOADS the file, as `vite build` does
 * (src/bundlers/load-plan.ts): webpack resolves its imports itself, and the module is the deprecated file's own,
 * its text replaced by the facade. What loading cannot see keeps `resolveId`, whose facades are unplugin's virtual
 * modules (`_virtual_…`): here a deleted module, and a deprecated file that is the build's entry point.
 */
import * as path from "node:path";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { loadBundlerPlugin } from "../helpers/bundlers";
import { runNode } from "../helpers/esbuild-build";
import { createProject } from "../helpers/project";
import { LOAD_PLAN_SOURCES } from "./load-plan-fixture";


interface Stats {
  hasErrors(): boolean;
  toJson(options: unknown): { errors?: Array<{ message: string }> };
  compilation: { modules: Iterable<{ identifier(): string }> };
}

/** Builds `entry` with the plugin; the bundle's stdout and every module's identifier (its loaders and resource). */
async function build(dir: string, entry: string): Promise<{ stdout: string; modules: string[] }> {
  const { default: webpack } = await import("webpack");
  const config = {
    context: dir,
    mode: "production",
    target: "node",
    entry: path.join(dir, entry),
    devtool: false,
    output: { path: path.join(dir, "out"), filename: "main.js", library: { type: "commonjs2" } },
    resolve: { extensions: [".ts", ".js"], extensionAlias: { ".js": [".ts", ".js"] } },
    module: { rules: [{ test: /\.ts$/, loader: createRequire(import.meta.url).resolve("esbuild-loader"), options: { target: "es2022" } }] },
    optimization: { minimize: false, concatenateModules: false },
    plugins: [loadBundlerPlugin(dir, "webpack")({ cwd: dir })],
    infrastructureLogging: { level: "none" },
  };
  const stats = await new Promise<Stats>((resolve, reject) =>
    (webpack as unknown as (config: unknown, callback: (error: Error | null, stats?: Stats) => void) => void)(config, (error, result) => (error ? reject(error) : resolve(result!))),
  );
  if (stats.hasErrors()) throw new Error(stats.toJson({ all: false, errors: true }).errors!.map((e) => e.message).join("\n"));
  const modules = [...stats.compilation.modules].map((m) => m.identifier().split(path.sep).join("/"));
  return { stdout: runNode(path.join(dir, "out/main.js")), modules };
}

const resourceOf = (identifier: string) => identifier.slice(identifier.lastIndexOf("!") + 1);

describe("webpack: an existing deprecated file's facade is served where it is loaded", () => {
  it("the deprecated file's own module holds the facade (no virtual module); a deleted module's facade is still a virtual one", async () => {
    const dir = createProject(LOAD_PLAN_SOURCES, "webpack-load-served");
    const { stdout, modules } = await build(dir, "src/main.ts");
    expect(stdout).toBe("ctx:m ctx:anames ctx:b\n");
    const factory = modules.filter((m) => resourceOf(m).endsWith("/src/legacy/factory.ts"));
    expect(factory).toHaveLength(1);
    expect(factory[0]).toMatch(/unplugin[\\/].*load/);
    expect(modules.filter((m) => m.includes("_virtual_") && m.includes("factory"))).toEqual([]);
    expect(modules.filter((m) => m.includes("_virtual_") && m.includes("gone"))).toHaveLength(1);
  }, 60_000);

  it("a deprecated file that is the build's entry point is built as it is, and its importers still get the facade", async () => {
    const dir = createProject({ ...LOAD_PLAN_SOURCES, "src/legacy/factory.ts": `import { a } from "../a";\nexport function createManager(user: string) { return { user }; }\nconsole.log("entry", a);\n` }, "webpack-load-entry");
    const { stdout, modules } = await build(dir, "src/legacy/factory.ts");
    expect(stdout).toBe("entry ctx:anames\n");
    expect(modules.filter((m) => m.includes("_virtual_") && m.includes("factory"))).toHaveLength(1);
  }, 60_000);
});
