// The floors of the esbuild scenarios (filter-only, load-floor) use the plugin's own rules loading, which the
// package does not export: dist/ holds only the bundled entry points. So the bench bundles that one internal
// module from src/ once per run, before anything is timed, with the package build's own options.

import * as path from "node:path";
import * as esbuild from "esbuild";
import { BUNDLE_OPTIONS } from "../../tools/bundle-options.mjs";

export const ACTIVE_RULES = "internal/active-rules.js";

export async function bundleInternalModules(repo, benchDir) {
  await esbuild.build({
    absWorkingDir: repo,
    entryPoints: ["src/esbuild/active-rules.ts"],
    outfile: path.join(benchDir, ACTIVE_RULES),
    ...BUNDLE_OPTIONS,
    logLevel: "warning",
  });
}
