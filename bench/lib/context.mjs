// What every bench runner prepares before it measures anything: the plugin installed under its package name,
// the plain and ts-patch installed TypeScript copies, the internal modules the floors load, a folder for timed
// output, and each scenario's generated project (verified when the scenario can verify itself).

import * as fs from "node:fs";
import * as path from "node:path";
import { generate } from "../generate.mjs";
import { bundleInternalModules } from "./internal-modules.mjs";
import { createOutputRoot } from "./output-dirs.mjs";
import { prepareTypeScriptCopies } from "./typescript-copies.mjs";

export const log = (line) => process.stderr.write(line + "\n");

export async function prepareContext(repo, benchDir, options) {
  if (!fs.existsSync(path.join(repo, "dist", "tsc", "index.js"))) throw new Error("dist/ is missing: run `npm run build` (npm run bench does)");
  fs.mkdirSync(benchDir, { recursive: true });
  // The generated projects name the plugin as a user would ("ssot-imports/tsc"): make this checkout resolvable
  // under that name from .bench/, as if installed.
  const link = path.join(benchDir, "node_modules", "ssot-imports");
  fs.mkdirSync(path.dirname(link), { recursive: true });
  if (!fs.existsSync(path.join(link, "package.json"))) {
    fs.rmSync(link, { force: true });
    fs.symlinkSync(path.relative(path.dirname(link), repo), link, "dir");
  }
  log(`preparing TypeScript copies in .bench/typescript (plain and ts-patch installed)…`);
  const typescript = prepareTypeScriptCopies(repo, benchDir);
  const ctx = { repo, benchDir, typescript, options, output: createOutputRoot() };
  await bundleInternalModules(repo, benchDir);
  log(`timed builds write to ${ctx.output.root}${ctx.output.onTmpfs ? " (tmpfs: disk writeback noise is not the tool's cost)" : ""}`);
  return ctx;
}

/** Generates (or reuses) each scenario's project and verifies it: a broken scenario fails in seconds, not after minutes. */
export async function prepareScenarios(ctx, scenarios) {
  const { options } = ctx;
  const prepared = [];
  for (const scenario of scenarios) {
    const project = generate({
      ...scenario.project,
      seed: options.seed,
      ...(options.modules ? { modules: options.modules } : {}),
      ...(options.deprecatedShare !== undefined ? { deprecatedShare: options.deprecatedShare } : {}),
    });
    log(`[${scenario.name}] project ${path.relative(ctx.repo, project.dir)}: ${project.modules.unmigrated} modules (twin ${project.modules.migrated}), ${project.importers} importers, ${project.importSites} deprecated import sites, ${project.rules} rules`);
    if (scenario.setup) await scenario.setup(ctx, project);
    let verified = null;
    if (scenario.verify) {
      log(`[${scenario.name}] verifying both builds and comparing their output…`);
      verified = await scenario.verify(ctx, project);
      log(`[${scenario.name}] verified: ${verified}`);
    }
    prepared.push({ scenario, project, verified });
  }
  return prepared;
}
