// tsc scenarios (issue 2): the ssot-imports program transformer on the unmigrated variant versus plain,
// unpatched tsc on the hand-migrated twin.

import * as fs from "node:fs";
import * as path from "node:path";
import { measure } from "../lib/measure.mjs";
import { verifyEquivalentEmit } from "../lib/verify-emit.mjs";
import { timedOutput } from "../lib/output-dirs.mjs";

const PROJECT = { modules: 1000, deprecatedShare: 0.05 };

/** `node <bin> -p tsconfig.json` in a variant, with its outDir cleared before the clock starts. */
function tscCommand(bin, dir, { config = "tsconfig.json", outDir = "out", binArgs = [] } = {}) {
  return {
    cmd: process.execPath,
    args: [bin, ...binArgs, "-p", config, ...(outDir === "out" ? [] : ["--outDir", outDir])],
    cwd: dir,
    prepare: () => fs.rmSync(path.resolve(dir, outDir), { recursive: true, force: true }),
  };
}

/**
 * Builds both sides once into fresh output dirs, requires a clean build (exit 0, no diagnostics) on each, and
 * compares the plugin build's emit with the twin's. Throws on any problem.
 */
async function verifyAgainstTwin(ctx, scenario, project) {
  const verifyDir = path.join(ctx.benchDir, "verify", scenario.name);
  fs.rmSync(verifyDir, { recursive: true, force: true });
  const withOut = path.join(verifyDir, "with");
  const withoutOut = path.join(verifyDir, "without");
  // The twin's plain build is the same for every tsc scenario of a project: build it once per bench run.
  const twinKey = `twin:${project.dir}`;
  ctx.cache ??= new Map();
  const sides = [["with", scenario.command(ctx, project, withOut)]];
  const twinOut = ctx.cache.get(twinKey) ?? withoutOut;
  if (!ctx.cache.has(twinKey)) sides.push(["without", scenario.twinCommand(ctx, project, withoutOut)]);
  for (const [side, command] of sides) {
    const result = await measure(command).catch((e) => {
      throw new Error(`[${scenario.name}] the ${side} build fails, so there is nothing to measure:\n${e.message}`);
    });
    const output = (result.stdout + result.stderr).trim();
    if (output) throw new Error(`[${scenario.name}] the ${side} build printed diagnostics:\n${output}`);
  }
  const deprecatedOutputs = project.deprecatedModules.map((f) => f.replace(/^src\//, "").replace(/\.ts$/, ""));
  const result = verifyEquivalentEmit({ repo: ctx.repo, withOut, withoutOut: twinOut, deprecatedOutputs });
  ctx.cache.set(twinKey, twinOut);
  // Each peer's finding is printed under the table as "checked: …".
  for (const peer of scenario.peers ?? []) await verifyPeer(ctx, scenario, project, peer, twinOut);
  return `${result.files} emitted files compared with the twin's: ${result.identical} byte-identical, ${result.structural} with identical imports`;
}

/** A peer builds the twin too: it must build cleanly and emit exactly what the plain build of the twin emits. */
async function verifyPeer(ctx, scenario, project, peer, twinOut) {
  const peerOut = path.join(ctx.benchDir, "verify", scenario.name, `peer-${peer.name.replace(/\W+/g, "-")}`);
  const result = await measure(peer.build(ctx, project, peerOut)).catch((e) => {
    throw new Error(`[${scenario.name}] peer ${peer.name} fails to build:\n${e.message}`);
  });
  const output = (result.stdout + result.stderr).trim();
  if (output) throw new Error(`[${scenario.name}] peer ${peer.name} printed diagnostics:\n${output}`);
  const compared = verifyEquivalentEmit({ repo: ctx.repo, withOut: peerOut, withoutOut: twinOut, deprecatedOutputs: [] });
  if (compared.identical !== compared.files) throw new Error(`[${scenario.name}] peer ${peer.name} emitted ${compared.files - compared.identical} files that differ from the plain build's`);
  peer.verified = `builds the twin cleanly; its ${compared.files} emitted files are byte-identical to plain tsc's`;
}

/**
 * ts-patch's patched tsc with no plugin configured (the twin's tsconfig has none): what installing ts-patch
 * costs by itself (its `_tsc.js` is TypeScript's library build, 9.2 MB against tsc's 6.2 MB). The scenario's
 * `with` divided by this peer is the plugin's own, marginal cost.
 */
const TS_PATCH_ALONE = {
  name: "ts-patch alone",
  note: "the ts-patch installed tsc building the twin, whose tsconfig configures no plugin",
  marginal: true,
  build: (ctx, project, outDir = "out") => tscCommand(ctx.typescript.patched.tsc, project.migrated, { outDir }),
  command: (ctx, project) => TS_PATCH_ALONE.build(ctx, project, timedOutput(ctx, "tsc", "ts-patch alone")),
};

function tscScenario({ name, title, targets, informational, withBin, runs, peers, instructionsByDefault = false }) {
  const scenario = {
    name,
    // A tsc build is one node process, which valgrind can count (bench/instructions.mjs).
    instructions: true,
    instructionsByDefault,
    runs,
    title,
    project: PROJECT,
    targets,
    informational,
    command: (ctx, project, outDir = "out") => tscCommand(withBin(ctx), project.unmigrated, { outDir }),
    twinCommand: (ctx, project, outDir = "out") => tscCommand(ctx.typescript.plain.tsc, project.migrated, { outDir }),
    with: (ctx, project) => scenario.command(ctx, project, timedOutput(ctx, name, "with")),
    without: (ctx, project) => scenario.twinCommand(ctx, project, timedOutput(ctx, name, "without")),
    verify: (ctx, project) => verifyAgainstTwin(ctx, scenario, project),
    peers,
  };
  return scenario;
}

export default [
  tscScenario({
    name: "tsc",
    title: "ts-patch installed tsc + plugin (unmigrated) / plain tsc (twin)",
    targets: { time: 1.05, memory: 1.1 },
    withBin: (ctx) => ctx.typescript.patched.tsc,
    peers: [TS_PATCH_ALONE],
    instructionsByDefault: true,
  }),
  tscScenario({
    name: "tspc",
    runs: 3,
    title: "tspc + plugin (unmigrated) / plain tsc (twin)",
    withBin: (ctx) => path.join(ctx.repo, "node_modules", "ts-patch", "bin", "tspc.js"),
  }),
  {
    // Not a plugin cost: what the deprecated modules that still exist in the unmigrated tree cost to compile.
    // Subtract it mentally from the two above to see the plugin's own share.
    name: "tsc-deprecated-files",
    runs: 3,
    title: "plain tsc, no plugin (unmigrated) / plain tsc (twin)",
    project: PROJECT,
    informational: true,
    instructions: true,
    with: (ctx, project) => tscCommand(ctx.typescript.plain.tsc, project.unmigrated, { config: "tsconfig.noplugin.json", outDir: timedOutput(ctx, "tsc-deprecated-files", "with") }),
    without: (ctx, project) => tscCommand(ctx.typescript.plain.tsc, project.migrated, { outDir: timedOutput(ctx, "tsc-deprecated-files", "without") }),
  },
];
