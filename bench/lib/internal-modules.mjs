// The floors of the esbuild scenarios (filter-only, load-floor) use the plugin's own rules loading, which the
// package does not export: dist/ holds only the bundled entry points. So the bench bundles that one internal
// module from src/ once per run, before anything is timed.

import * as path from "node:path";
import * as esbuild from "esbuild";

export const ACTIVE_RULES = "internal/active-rules.js";

export function bundleInternalModules(repo, benchDir) {
  esbuild.buildSync({
    absWorkingDir: repo,
    entryPoints: ["src/esbuild/active-rules.ts"],
    outfile: path.join(benchDir, ACTIVE_RULES),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
}
