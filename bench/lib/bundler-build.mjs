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
//   plugin: boolean               with ssot-imports/<bundler> (loaded as a user loads it, from the project)
// }
// Exit 0 on success; 1 with the bundler's messages on stderr when the build fails.

import * as path from "node:path";
import { createRequire } from "node:module";

const options = JSON.parse(process.argv[2] ?? "{}");
const cwd = path.resolve(options.cwd);
const out = path.resolve(cwd, options.out);
const require = createRequire(import.meta.url);
const fromProject = createRequire(path.join(cwd, "package.json"));
const plugins = options.plugin ? [fromProject(`ssot-imports/${options.bundler}`).ssotImports({ cwd })] : [];

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
  process.exit(1);
}
