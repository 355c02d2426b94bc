// The esbuild options shared by every bundle made from src/: the package's entry points
// (tools/bundle-entries.mjs) and the one internal module the bench's floors load (bench/lib/internal-modules.mjs),
// so that the floors load their code the way the plugin does.

import * as fs from "node:fs";
import * as path from "node:path";

/** The user's compiler and bundler: the plugins must use the copies the build runs, never bundled ones. */
export const PEER_PACKAGES = ["typescript", "esbuild"];

export const BUNDLE_OPTIONS = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  // The libraries ssot-imports uses are bundled too: resolving and loading each of their files at every start
  // cost more than the rest of the plugin's set-up (README, "Dependencies").
  external: PEER_PACKAGES,
  // Their ES module builds where they ship one, so that esbuild keeps only what is used.
  mainFields: ["module", "main"],
  plugins: [oneNamespacePerBuiltin()],
};

/**
 * `import * as fs from "node:fs"` in each of ~20 modules becomes, in a CommonJS bundle, as many copies of fs's
 * ~100 exports into namespace objects (esbuild's `__toESM`) at every load (18 such copies cost ~8 M instructions
 * alone). So every `import` statement of a built-in is served from one module per built-in that re-exports it:
 * namespace imports share its single copy, named imports read from it. The esbuild plugin's count in node fell
 * by ~3 M. (`require()` calls are left as they are.)
 */
function oneNamespacePerBuiltin() {
  const NAMESPACE = "node-builtin-namespace";
  return {
    name: "one-namespace-per-builtin",
    setup(build) {
      build.onResolve({ filter: /^node:/, namespace: "file" }, (args) =>
        args.kind === "import-statement" ? { path: args.path, namespace: NAMESPACE } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({ contents: `export * from ${JSON.stringify(args.path)};`, loader: "js" }));
    },
  };
}

/**
 * The packages a bundle took code from (by the metafile's inputs), each with its licence text, for the notices
 * file that ships beside the bundles: their licences ask that the notice travel with every copy.
 */
export function bundledPackages(repo, metafile) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    // The innermost node_modules names the package (a nested copy is a package of its own).
    const match = /^(.*node_modules\/)((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (!match || packages.has(match[1] + match[2])) continue;
    const dir = path.join(repo, match[1] + match[2]);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    const licenceFile = fs.readdirSync(dir).find((name) => /^licen[cs]e(\.|$)/i.test(name));
    if (!licenceFile) throw new Error(`${match[2]} is bundled but ships no licence file to reproduce`);
    packages.set(match[1] + match[2], {
      name: manifest.name,
      version: manifest.version,
      license: manifest.license,
      text: fs.readFileSync(path.join(dir, licenceFile), "utf8").trim(),
    });
  }
  return [...packages.values()].sort((a, b) => a.name.localeCompare(b.name));
}
