#!/usr/bin/env node
// One esbuild build in its own process, so that the bench measures each build's wall time and peak RSS alone
// (esbuild's Go service is a child of this process; /usr/bin/time sees the whole tree).
//
//   node bench/lib/esbuild-build.mjs '<json>'
//
// JSON: {
//   cwd,                         project folder (the build's absWorkingDir)
//   mode: "bundle"|"unbundled",  bundle: src/main.ts → outfile, ESM for node; unbundled: every file under src/
//                                is an entry point (as tsup's unbundled mode does) → outdir, CommonJS for node
//   out,                         outfile (bundle) or outdir (unbundled), relative to cwd
//   plugin: null|"ssot-imports"|"alias"|"tsconfig-paths"|"filter-only"|"load-floor",
//                                filter-only: an onResolve with ssotImports()'s own filter whose callback
//                                does nothing, the floor any onResolve-based redirection pays (round trips);
//                                load-floor (unbundled): the files that name a deprecated module passed through
//                                onLoad unchanged, the floor of any onLoad-based rewrite
//   alias?: { specifier: absolute path },  for "alias" (esbuild-plugin-alias's options)
//   tsconfig?: path,             for "tsconfig-paths" (relative to cwd)
//   metafile?: path              write esbuild's metafile there (verification only; never in timed runs)
//   entriesLike?: dir            unbundled: compile the files that dir's src/ has, not all of cwd's
//                                (spawned-children.mjs's unbundledEntries says why)
// }
// Exit 0 on success; 1 with esbuild's messages on stderr when the build fails.
//
// esbuild's Go service is captured at spawn and reaped before exit, so /usr/bin/time sees its CPU time and memory
// (spawned-children.mjs says why).

import * as fs from "node:fs";
import * as path from "node:path";
import { createRequire } from "node:module";
import { reportBuildFailure } from "./build-failure.mjs";
import { loadFloor } from "./load-floor.mjs";
import { captureSpawnedChildren, reapChildren, unbundledEntries } from "./spawned-children.mjs";

const options = JSON.parse(process.argv[2] ?? "{}");
const cwd = path.resolve(options.cwd);
const require = createRequire(import.meta.url);
const children = captureSpawnedChildren();
const esbuild = require("esbuild");

async function plugins() {
  switch (options.plugin) {
    case null:
    case undefined:
      return [];
    case "ssot-imports": {
      // As users write it; resolves to this checkout (package self-reference through its "exports").
      const { ssotImports } = require("ssot-imports/esbuild");
      return [ssotImports()];
    }
    case "alias": {
      const alias = require("esbuild-plugin-alias");
      return [alias(options.alias)];
    }
    case "filter-only": {
      // The same filter ssotImports() compiles from the rules (internal API, bundled from src/ by bench/run.mjs).
      const { loadActiveRules } = require(new URL("../../.bench/internal/active-rules.js", import.meta.url).pathname);
      const { active } = loadActiveRules(undefined, cwd);
      const filter = new RegExp(active.matcher.specifierPattern());
      return [{ name: "filter-only", setup: (build) => build.onResolve({ filter }, () => undefined) }];
    }
    case "load-floor":
      return [loadFloor(cwd)];
    case "tsconfig-paths": {
      const { TsconfigPathsPlugin } = require("@esbuild-plugins/tsconfig-paths");
      return [TsconfigPathsPlugin({ tsconfig: path.resolve(cwd, options.tsconfig) })];
    }
    default:
      throw new Error(`unknown plugin ${options.plugin}`);
  }
}

const bundle = options.mode === "bundle";
const common = {
  absWorkingDir: cwd,
  platform: "node",
  target: "es2022",
  logLevel: "silent",
  metafile: Boolean(options.metafile),
  plugins: await plugins(),
};
const buildOptions = bundle
  ? { ...common, entryPoints: [path.join(cwd, "src", "main.ts")], bundle: true, format: "esm", outfile: path.resolve(cwd, options.out) }
  : { ...common, entryPoints: unbundledEntries(cwd, options.entriesLike), bundle: false, format: "cjs", outbase: path.join(cwd, "src"), outdir: path.resolve(cwd, options.out) };

try {
  const result = await esbuild.build(buildOptions);
  if (options.metafile) fs.writeFileSync(path.resolve(cwd, options.metafile), JSON.stringify(result.metafile));
  if (result.warnings.length > 0) {
    const text = await esbuild.formatMessages(result.warnings, { kind: "warning" });
    process.stderr.write(text.join(""));
  }
} catch (e) {
  await reportBuildFailure(esbuild, e);
}
await reapChildren(children, () => esbuild.stop());
