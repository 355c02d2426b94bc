// Bundler and test-runner scenarios (issue 14): `vite build` and webpack with ssot-imports/<bundler> on the
// unmigrated tree versus plain builds of the hand-migrated twin, and `vitest run` of a generated 500-test suite
// with ssot-imports/vite versus the same suite on the twin without it. Each build or run is its own node
// process (bench/lib/bundler-build.mjs; Vitest's own CLI with --pool=threads --maxWorkers=1, so that one process
// does the work and bench/instructions.mjs can count it).

import * as fs from "node:fs";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { measure } from "../lib/measure.mjs";
import { timedOutput } from "../lib/output-dirs.mjs";

const PROJECT = { modules: 4000, deprecatedShare: 0.05 };
const TEST_FILES = 50;
const TESTS_PER_FILE = 10;

function buildCommand(ctx, dir, bundler, plugin, out, filters) {
  const spec = { cwd: dir, bundler, out, plugin, ...(filters ? { filters } : {}) };
  return {
    cmd: process.execPath,
    args: [path.join(ctx.repo, "bench", "lib", "bundler-build.mjs"), JSON.stringify(spec)],
    cwd: dir,
    label: `node bench/lib/bundler-build.mjs ${bundler}${plugin === "hooks-only" ? " +hooks-only" : plugin ? " +ssot-imports" : ""} → ${out}`,
    prepare: () => fs.rmSync(out, { recursive: true, force: true }),
    // esbuild-loader's Go service does webpack's TypeScript: counted with the build (bench/lib/instructions.mjs).
    ...(bundler === "webpack" ? { esbuildService: true } : {}),
  };
}

const runNode = (file) => execFileSync(process.execPath, [file], { encoding: "utf8", maxBuffer: 256 * 2 ** 20 });

/** Both builds print the same under node, and the unmigrated tree built plainly prints otherwise. */
async function verifyBundler(ctx, project, bundler) {
  const base = path.join(ctx.benchDir, "verify", bundler);
  fs.rmSync(base, { recursive: true, force: true });
  const side = async (dir, plugin, name) => {
    const out = path.join(base, name);
    await measure(buildCommand(ctx, dir, bundler, plugin, out));
    return runNode(path.join(out, "main.mjs"));
  };
  const withPlugin = await side(project.unmigrated, true, "with");
  const twin = await side(project.migrated, false, "twin");
  const plain = await side(project.unmigrated, false, "plain");
  if (withPlugin !== twin) throw new Error(`the ${bundler} build with the plugin prints something else than the twin's build`);
  if (plain === twin) throw new Error(`the unmigrated tree built plainly with ${bundler} prints what the twin prints: the check proves nothing`);
  return `the plugin's build and the twin's print the same ${twin.trim().split("\n").length} lines under node; the unmigrated tree built plainly prints otherwise`;
}

/** The sources of ssot-imports' hook filters for the project's rules, read off the plugin as Vite gets it. */
function hookFilterSources(project) {
  const fromProject = createRequire(path.join(project.unmigrated, "package.json"));
  const plugin = fromProject("ssot-imports/vite").ssotImports({ cwd: project.unmigrated });
  return { resolveId: plugin.resolveId.filter.id.source, mocks: plugin.transform.filter.code.include.source };
}

const bundlerScenario = (bundler, title) => ({
  name: `${bundler}-build`,
  title,
  project: PROJECT,
  targets: { time: 1.03 },
  instructions: true,
  verify: (ctx, project) => verifyBundler(ctx, project, bundler),
  with: (ctx, project) => buildCommand(ctx, project.unmigrated, bundler, true, timedOutput(ctx, `${bundler}-build`, "with")),
  without: (ctx, project) => buildCommand(ctx, project.migrated, bundler, false, timedOutput(ctx, `${bundler}-build`, "without")),
  peers: [
    {
      name: "hooks-only",
      note: "not a peer but the floor of any plugin shaped like this one: on the unmigrated tree, an unplugin plugin with ssot-imports' hooks and filters whose handlers return nothing (the deprecated modules are bundled as they are; time only)",
      command: (ctx, project) => buildCommand(ctx, project.unmigrated, bundler, "hooks-only", timedOutput(ctx, `${bundler}-build`, "hooks-only"), hookFilterSources(project)),
    },
  ],
});

// ---------------------------------------------------------------------------------------------------------
// Vitest: a generated suite over the modules that import deprecated ones (the same test text in both trees).

/** Modules of the unmigrated tree that import a deprecated module: the ones the plugin has work for. */
function importersOf(project) {
  const stems = project.deprecatedModules.map((m) => path.basename(m, ".ts"));
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".ts") && !project.deprecatedModules.includes(path.relative(project.unmigrated, full).split(path.sep).join("/"))) {
        const text = fs.readFileSync(full, "utf8");
        if (stems.some((stem) => text.includes(`/${stem}`))) found.push(path.relative(project.unmigrated, full).split(path.sep).join("/"));
      }
    }
  };
  walk(path.join(project.unmigrated, "src"));
  return found.sort();
}

function writeSuite(project) {
  const modules = importersOf(project).filter((m) => fs.existsSync(path.join(project.migrated, m)));
  if (modules.length === 0) throw new Error("no module of the generated tree imports a deprecated module");
  for (const dir of [project.unmigrated, project.migrated]) {
    fs.rmSync(path.join(dir, "tests"), { recursive: true, force: true });
    for (let f = 0; f < TEST_FILES; f++) {
      const module = modules[f % modules.length].replace(/\.ts$/, "");
      const tests = Array.from({ length: TESTS_PER_FILE }, (_, t) => `  it("test ${t}", () => { expect(Object.keys(m).length).toBeGreaterThan(${t % 2 === 0 ? 0 : -1}); });`);
      const text = `import * as m from "../${module}";\ndescribe("${module}", () => {\n${tests.join("\n")}\n});\n`;
      fs.mkdirSync(path.join(dir, "tests"), { recursive: true });
      fs.writeFileSync(path.join(dir, "tests", `t${f}.test.ts`), text);
    }
  }
  const config = (plugin) => [
    ...(plugin ? [`import { ssotImports } from "ssot-imports/vite";`] : []),
    `export default { ${plugin ? "plugins: [ssotImports()], " : ""}test: { include: ["tests/**/*.test.ts"], globals: true } };`,
  ].join("\n") + "\n";
  fs.writeFileSync(path.join(project.unmigrated, "vitest.bench.config.mjs"), config(true));
  fs.writeFileSync(path.join(project.migrated, "vitest.bench.config.mjs"), config(false));
}

function vitestCommand(ctx, dir) {
  const results = path.join(timedOutput(ctx, "vitest-run", path.basename(dir)), "results.json");
  return {
    cmd: process.execPath,
    args: [path.join(ctx.repo, "node_modules", "vitest", "vitest.mjs"), "run", "--config", "vitest.bench.config.mjs", "--pool=threads", "--maxWorkers=1", "--no-file-parallelism", "--reporter=json", `--outputFile=${results}`],
    cwd: dir,
    label: `vitest run (${TEST_FILES * TESTS_PER_FILE} tests) in ${path.basename(dir)}`,
    prepare: () => fs.mkdirSync(path.dirname(results), { recursive: true }),
    // The JSON reporter says where it wrote, on stderr: not a failure (bench/lib/instructions.mjs).
    expectedOutput: /^JSON report written to /,
    results,
  };
}

const vitestScenario = {
  name: "vitest-run",
  title: `vitest run of ${TEST_FILES * TESTS_PER_FILE} generated tests + ssot-imports/vite (unmigrated) / the same suite, plain (twin)`,
  project: PROJECT,
  targets: { time: 1.05 },
  instructions: true,
  setup: (ctx, project) => writeSuite(project),
  verify: async (ctx, project) => {
    const counts = [];
    for (const dir of [project.unmigrated, project.migrated]) {
      const command = vitestCommand(ctx, dir);
      await measure(command);
      const json = JSON.parse(fs.readFileSync(command.results, "utf8"));
      if (json.numPassedTests !== TEST_FILES * TESTS_PER_FILE) throw new Error(`vitest in ${path.basename(dir)}: ${json.numPassedTests} of ${TEST_FILES * TESTS_PER_FILE} tests pass`);
      counts.push(json.numPassedTests);
    }
    return `${counts[0]} tests pass with the plugin on the unmigrated tree, ${counts[1]} without it on the twin`;
  },
  with: (ctx, project) => vitestCommand(ctx, project.unmigrated),
  without: (ctx, project) => vitestCommand(ctx, project.migrated),
};

export default [
  bundlerScenario("vite", "vite build --ssr + ssotImports() from ssot-imports/vite (unmigrated) / plain vite build (twin)"),
  bundlerScenario("webpack", "webpack (esbuild-loader) + ssotImports() from ssot-imports/webpack (unmigrated) / plain webpack (twin)"),
  vitestScenario,
];
