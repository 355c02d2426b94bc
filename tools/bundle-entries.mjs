#!/usr/bin/env node
// `npm run build`, first step: each entry point of the package, and the rewriter that the esbuild plugin loads
// lazily for `bundle: false`, becomes one CommonJS file in dist/.
//
// Why: Node 20 resolves, reads and compiles every CommonJS module on its own. The esbuild plugin's ~40 modules
// took ~32 ms to load, before esbuild could start: more than half of what the plugin adds to a 2 s bundle
// (Node 20 has no module compile cache). As one file, with its libraries, it loads in ~9 ms.
//
// Each entry point's code goes to `<entry>.bundle.js`; `<entry>.js` is a stub that loads it with V8's code cache
// (src/loader/code-cache.ts says why and where), and names its exports for ES modules that import it.
//
// The bundles are built from src/ together with the libraries they use (their licences go to
// dist/THIRD-PARTY-LICENSES.md); only the user's TypeScript and esbuild stay `require`s. Source maps point at
// src/. dist/ is emptied first (no module of an older layout is left to be loaded by mistake); tsc then writes
// only the .d.ts files that the "types" conditions name (`--emitDeclarationOnly`).
//
//   node tools/bundle-entries.mjs [outdir]      (default: dist)

import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { BUNDLE_OPTIONS, bundledPackages } from "./bundle-options.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ENTRIES = ["index", "tsc/index", "tsc/cold-bin", "esbuild/index", "esbuild/unbundled", "cli/main", "jest/index", "jest/dependency-extractor", "language-service/index", ...["vite", "rollup", "rolldown", "webpack", "rspack"].map((bundler) => `bundlers/${bundler}`)];
/** unplugin hands its webpack and Rspack loaders to the bundler as files of its own: it must stay a package. */
const RUNTIME_DEPENDENCIES = ["unplugin"];
const LOADER = "loader/code-cache";
const BUNDLE_SUFFIX = ".bundle";

/** `require("./unbundled")` in the esbuild plugin stays a require of its own bundle: most builds never load it. */
const lazyRewriter = {
  name: "lazy-rewriter",
  setup(build) {
    build.onResolve({ filter: /^\.\/unbundled$/ }, (args) =>
      args.kind === "require-call" ? { path: "./unbundled", external: true } : undefined,
    );
  },
};

const outdir = path.resolve(REPO, process.argv[2] ?? "dist");
fs.rmSync(outdir, { recursive: true, force: true });
const result = await esbuild.build({
  absWorkingDir: REPO,
  entryPoints: ENTRIES.map((entry) => ({ in: `src/${entry}.ts`, out: entry + BUNDLE_SUFFIX })),
  outdir,
  ...BUNDLE_OPTIONS,
  external: [...BUNDLE_OPTIONS.external, ...RUNTIME_DEPENDENCIES],
  sourcemap: true,
  logLevel: "warning",
  plugins: [...BUNDLE_OPTIONS.plugins, lazyRewriter],
  metafile: true,
});

// The loader imports a few names from built-ins, so there is no namespace for it to share (BUNDLE_OPTIONS.plugins).
await esbuild.build({ absWorkingDir: REPO, entryPoints: [{ in: `src/${LOADER}.ts`, out: LOADER }], outdir, ...BUNDLE_OPTIONS, plugins: [], logLevel: "warning" });

// A bundle that pulled in the lazily loaded rewriter would load it at every start again: fail loudly.
const outputOf = (entry) => path.relative(REPO, path.join(outdir, `${entry}.js`)).split(path.sep).join("/");
const pluginBundle = outputOf(`esbuild/index${BUNDLE_SUFFIX}`);
const pluginInputs = Object.keys(result.metafile.outputs[pluginBundle]?.inputs ?? {});
if (pluginInputs.length === 0 || pluginInputs.some((input) => input.endsWith("esbuild/unbundled.ts"))) {
  console.error("tools/bundle-entries: the esbuild plugin's bundle must not contain src/esbuild/unbundled.ts");
  process.exit(1);
}

for (const entry of ENTRIES) {
  const bundle = path.join(outdir, `${entry}${BUNDLE_SUFFIX}.js`);
  const source = fs.readFileSync(bundle, "utf8");
  const textHash = createHash("sha256").update(source).digest("hex").slice(0, 16);
  const relative = path.relative(path.dirname(bundle), path.join(outdir, `${LOADER}.js`)).split(path.sep).join("/");
  const loader = relative.startsWith(".") ? relative : `./${relative}`;
  // esbuild ends a CommonJS bundle with this never-run line naming its exports, for Node's ES module interop.
  const exports = /\n0 && \(module\.exports = \{([^}]*)\}\);\n/.exec(source)?.[1].split(",").map((name) => name.trim()).filter(Boolean) ?? [];
  const stub = [
    ...(source.startsWith("#!") ? [source.slice(0, source.indexOf("\n"))] : []),
    `"use strict";`,
    `// The code is in ${path.basename(bundle)}, loaded with V8's code cache (src/loader/code-cache.ts).`,
    `require(${JSON.stringify(loader)}).loadWithCodeCache(require("node:path").join(__dirname, ${JSON.stringify(path.basename(bundle))}), module, ${JSON.stringify(textHash)});`,
    ...(exports.length > 0 ? [`// Its export names, which Node reads from here for ES modules that import this file:`, `0 && (module.exports = { ${exports.join(", ")} });`] : []),
  ];
  fs.writeFileSync(path.join(outdir, `${entry}.js`), stub.join("\n") + "\n", { mode: fs.statSync(bundle).mode });
}

const notices = bundledPackages(REPO, result.metafile).map(
  (pkg) => `## ${pkg.name} ${pkg.version} (${pkg.license})\n\n${pkg.text}\n`,
);
fs.writeFileSync(
  path.join(outdir, "THIRD-PARTY-LICENSES.md"),
  `# Third-party licences\n\nThe files in this folder include code from the packages below.\n\n${notices.join("\n")}`,
);
