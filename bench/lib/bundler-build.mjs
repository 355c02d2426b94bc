#!/usr/bin/env node
// One Vite or webpack build in its own process, so that the bench measures each build alone (and
// bench/instructions.mjs can count it under valgrind).
//
//   node bench/lib/bundler-build.mjs '<json>'
//
// JSON: {
//   cwd,                          project folder
//   bundler: "vite"|"webpack",    vite: `vite build --ssr src/main.ts` (Rolldown), ESM for node, not minified;
//                                 webpack: production mode with esbuild-loader for TypeScript, ESM for node, not minified
//   out,                          output folder (absolute, or relative to cwd)
//   plugin: boolean|"hooks-only"  with ssot-imports/<bundler> (loaded as a user loads it, from the project);
//                                 hooks-only: the floor of any plugin shaped like it, an unplugin plugin with
//                                 the same hooks and the same filters (filters below) whose handlers do nothing
//   filters?: { resolveId, mocks }  for hooks-only: the sources of ssot-imports' own hook filters for this
//                                 project's rules (bench/scenarios/bundlers.mjs reads them off the real plugin)
// }
// Exit 0 on success; 1 with the bundler's messages on stderr when the build fails.
//
// webpack's esbuild-loader does its work in esbuild's Go service, a child of this process that esbuild unrefs:
// as in esbuild-build.mjs, the child is captured at spawn, stopped after the build and awaited, so that its CPU
// time joins ours and bench/instructions.mjs can count it (the webpack scenario sets esbuildService).

import * as path from "node:path";
import { createRequire } from "node:module";
import { captureSpawnedChildren, reapChildren } from "./spawned-children.mjs";

const options = JSON.parse(process.argv[2] ?? "{}");
const cwd = path.resolve(options.cwd);
const out = path.resolve(cwd, options.out);
const require = createRequire(import.meta.url);
const children = captureSpawnedChildren();
const fromProject = createRequire(path.join(cwd, "package.json"));
const plugins = options.plugin === "hooks-only" ? [await hooksOnly(options.filters)] : options.plugin ? [fromProject(`ssot-imports/${options.bundler}`).ssotImports({ cwd })] : [];

/** ssot-imports' hooks (resolveId, load, transform, buildStart, buildEnd) with its filters and no work in them. */
async function hooksOnly(filters) {
  const { createUnplugin } = await import("unplugin");
  const script = { include: /\.[cm]?[jt]sx?(?:$|\?)/, exclude: [/ssot-imports-facade:/, /[\\/]node_modules[\\/]/] };
  const nothing = () => null;
  const floor = createUnplugin(() => ({
    name: "hooks-only",
    enforce: "pre",
    buildStart() {},
    resolveId: { filter: { id: new RegExp(filters.resolveId) }, handler: nothing },
    load: { filter: { id: /ssot-imports-facade:/ }, handler: nothing },
    transform: { filter: { id: script, code: { include: new RegExp(filters.mocks) } }, handler: nothing },
    buildEnd() {},
  }));
  return floor[options.bundler]();
}

async function vite() {
  const { build } = await import("vite");
  await build({
    root: cwd,
    configFile: false,
    logLevel: "error",
    plugins,
    build: { ssr: path.join(cwd, "src/main.ts"), outDir: out, emptyOutDir: true, minify: false, rolldownOptions: { output: { format: "esm", entryFileNames: "main.mjs" } } },
  });
}

async function webpack() {
  const { default: compile } = await import("webpack");
  const config = {
    context: cwd,
    mode: "production",
    target: "node",
    entry: path.join(cwd, "src/main.ts"),
    devtool: false,
    output: { path: out, filename: "main.mjs", module: true, chunkFormat: "module", library: { type: "module" } },
    experiments: { outputModule: true },
    resolve: { extensions: [".ts", ".js"], extensionAlias: { ".js": [".ts", ".js"] } },
    module: { rules: [{ test: /\.ts$/, loader: require.resolve("esbuild-loader"), options: { target: "es2022" } }] },
    optimization: { minimize: false },
    plugins,
    infrastructureLogging: { level: "none" },
  };
  await new Promise((resolve, reject) =>
    compile(config, (error, stats) => {
      if (error) return reject(error);
      if (stats.hasErrors()) return reject(new Error(stats.toJson({ all: false, errors: true }).errors.map((e) => e.message).join("\n")));
      resolve();
    }),
  );
}

try {
  await (options.bundler === "vite" ? vite() : webpack());
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
}
if (children.length > 0) await reapChildren(children, () => require("esbuild").stop());
