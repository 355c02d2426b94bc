#!/usr/bin/env node
// `npm run bench:instructions`: the tsc and esbuild scenarios' with/without ratios counted in instructions
// (valgrind's callgrind) instead of seconds. `npm run bench` judges the targets on wall time, as the issues state them; on a
// shared 2-core machine two identical builds differ in time by 15–20%, so a 5% target can read as met or
// missed depending on the hour. An instruction count does not move with the machine's load (~0.05% between
// identical tsc runs, up to 1% for esbuild's Go service: lib/instructions.mjs says how), so this ratio says what the
// tool itself adds. It is slow (about a minute of valgrind per second of build), so it is a separate command.
//
//   node bench/instructions.mjs [--only tsc,esbuild-bundle,…] [--repeat N] [--jobs N] [--modules N] [--seed N] [--no-peers]
//
// Results: .bench/instructions.json.

import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { describe, median } from "./lib/measure.mjs";
import { countInstructions, inParallel, VALGRIND_BIN, warmUp } from "./lib/instructions.mjs";
import { log, prepareContext, prepareScenarios } from "./lib/context.mjs";
import allScenarios from "./scenarios/index.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BENCH_DIR = path.join(REPO, ".bench");
const countable = allScenarios.filter((s) => s.instructions);

const HELP = `node bench/instructions.mjs [options]
  --only NAME[,NAME]   scenarios to count (default: ${countable.filter((s) => s.instructionsByDefault).map((s) => s.name).join(", ")}; countable: ${countable.map((s) => s.name).join(", ")})
  --repeat N           counts per side (default 1: the count barely moves; 2 or more shows by how much)
  --jobs N             sides counted at once (default: all of them; a count does not depend on how many
                       share the CPUs, and all at once leaves no CPU idle at the end; ~0.6 GB each)
  --modules N, --seed N  as for bench/run.mjs
  --no-peers           count only with and without (a peer is context, and each is another build under valgrind)
  --watch-warmup N, --watch-rounds N  the tsc edit loop: uncounted rebuilds first, then counted ones (bench/README.md)
  --watch-gc-by-time   the tsc edit loop without --predictable-gc-schedule (V8's collector then follows the
                       allocation rate in time, and a count moves by up to 9%; how it was counted before 3 December)`;

function parseArgs(argv) {
  const o = { only: [], repeat: 1, jobs: Infinity, seed: 1, peers: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const count = (min) => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < min) usage(`${flag} must be an integer ≥ ${min}`);
      return n;
    };
    switch (flag) {
      case "--only": o.only.push(...(argv[++i] ?? "").split(",").filter(Boolean)); break;
      case "--repeat": o.repeat = count(1); break;
      case "--jobs": o.jobs = count(1); break;
      case "--modules": o.modules = count(50); break;
      case "--seed": o.seed = count(0); break;
      case "--no-peers": o.peers = false; break;
      case "--watch-warmup": o.watchWarmup = count(0); break;
      case "--watch-rounds": o.watchRounds = count(1); break;
      case "--watch-gc-by-time": o.watchGcSchedule = false; break;
      case "-h":
      case "--help": console.log(HELP); process.exit(0);
      default: usage(`unknown option ${flag}`);
    }
  }
  return o;
}

function usage(message) {
  console.error(`bench:instructions: ${message}\n${HELP}`);
  process.exit(2);
}

const giga = (n) => `${(n / 1e9).toFixed(2)} G`;
const ratio = (a, b) => `${(a / b).toFixed(3)}×`;

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const unknown = options.only.filter((n) => !countable.some((s) => s.name === n));
  if (unknown.length) usage(`cannot count ${unknown.join(", ")}; countable: ${countable.map((s) => s.name).join(", ")}`);
  const scenarios = options.only.length ? countable.filter((s) => options.only.includes(s.name)) : countable.filter((s) => s.instructionsByDefault);
  try {
    execFileSync(VALGRIND_BIN, ["--version"], { stdio: "ignore" });
  } catch {
    throw new Error(`${VALGRIND_BIN} is needed to count instructions (Debian: apt-get install valgrind)`);
  }
  const ctx = await prepareContext(REPO, BENCH_DIR, options);
  const prepared = await prepareScenarios(ctx, scenarios);

  // Every build of every scenario at once, up to --jobs: a count does not care what runs beside it.
  const tasks = [];
  const sidesOf = prepared.map(({ scenario, project }) => {
    const sides = [
      { name: "with", command: scenario.with(ctx, project) },
      { name: "without", command: scenario.without(ctx, project) },
      ...(options.peers ? (scenario.peers ?? []) : []).map((peer) => ({ name: peer.name, peer, command: peer.command(ctx, project) })).filter((s) => s.command),
    ];
    for (const side of sides) {
      side.counts = [];
      side.split = [];
      log(`[${scenario.name}] ${side.name}: ${describe(side.command)}`);
      // One side's repeats run one after another: they share its output folder, which each clears first.
      tasks.push(async () => {
        await warmUp(side.command);
        for (let r = 0; r < options.repeat; r++) {
          const started = Date.now();
          const { instructions, node, go } = await countInstructions(side.command);
          side.counts.push(instructions);
          side.split.push({ node, go });
          const parts = go ? ` (node ${giga(node)}, esbuild's Go service ${giga(go)})` : "";
          log(`[${scenario.name}] ${side.name} ${r + 1}/${options.repeat}: ${giga(instructions)} instructions${parts} (${Math.round((Date.now() - started) / 1000)} s under valgrind)`);
        }
      });
    }
    return sides;
  });
  log(`counting ${tasks.length * options.repeat} builds under valgrind, ${Math.min(options.jobs, tasks.length)} at a time (each takes minutes)…`);
  await inParallel(tasks, options.jobs);

  const results = prepared.map(({ scenario, project }, n) => {
    const [withSide, withoutSide, ...peers] = sidesOf[n];
    const w = median(withSide.counts);
    const wo = median(withoutSide.counts);
    const target = scenario.targets?.time;
    return {
      name: scenario.name,
      title: scenario.title,
      project: { dir: path.relative(REPO, project.dir), modules: project.modules },
      with: withSide.counts,
      without: withoutSide.counts,
      ...(withSide.split.some((x) => x.go) ? { split: { with: withSide.split, without: withoutSide.split } } : {}),
      ratio: w / wo,
      timeTarget: target ?? null,
      peers: peers.map((p) => ({ name: p.name, counts: p.counts, ratio: median(p.counts) / wo, ...(p.peer.marginal ? { withRatio: w / median(p.counts) } : {}) })),
    };
  });
  fs.writeFileSync(path.join(BENCH_DIR, "instructions.json"), JSON.stringify({ date: new Date().toISOString(), node: process.version, typescript: ctx.typescript.plain.version, repeat: options.repeat, scenarios: results }, null, 2) + "\n");

  const lines = [`ssot-imports instruction counts (valgrind callgrind) · node ${process.version} · TypeScript ${ctx.typescript.plain.version} · ${options.repeat} count(s) per side`];
  for (const s of results) {
    const spread = (xs) => (xs.length > 1 ? ` (${giga(Math.min(...xs))}–${giga(Math.max(...xs))})` : "");
    lines.push("");
    lines.push(`${s.name}: ${s.title}`);
    const parts = (side) => (s.split ? `   node ${giga(median(s.split[side].map((x) => x.node)))} + Go ${giga(median(s.split[side].map((x) => x.go)))}` : "");
    lines.push(`  with     ${giga(median(s.with))}${spread(s.with)}${parts("with")}`);
    lines.push(`  without  ${giga(median(s.without))}${spread(s.without)}${parts("without")}`);
    lines.push(`  RATIO    ${ratio(median(s.with), median(s.without))}${s.timeTarget ? `   (the time target is ≤ ${s.timeTarget}×; this is instructions, not time: see bench/README.md)` : ""}`);
    for (const p of s.peers) {
      lines.push(`  peer ${p.name}: ${giga(median(p.counts))}${spread(p.counts)}, ÷without ${p.ratio.toFixed(3)}×${p.withRatio ? `, with÷peer ${p.withRatio.toFixed(3)}× (the plugin's own cost)` : ""}`);
    }
  }
  lines.push("", `results: ${path.relative(process.cwd(), path.join(BENCH_DIR, "instructions.json"))}`);
  console.log(lines.join("\n"));
}

main().catch((e) => {
  console.error(`\nbench:instructions FAILED: ${e.message}`);
  process.exit(1);
});
