#!/usr/bin/env node
// `npm run bench`: for each scenario, the with/without ratios of wall time and peak memory, from alternating
// repetitions in one run (A, B, A, B, …) so that machine noise hits both sides alike. Ratios are the
// headline; absolute times depend on the machine and on whatever else it is doing.
//
//   node bench/run.mjs [--runs 7] [--warmup 1] [--only tsc[,tspc]] [--modules N] [--seed N] [--list] [--help]
//
// Scenarios live in bench/scenarios/ (see index.mjs for their shape). Results: .bench/results.json.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, measure, median, summary, TIME_BIN } from "./lib/measure.mjs";
import allScenarios from "./scenarios/index.mjs";
import { log, prepareContext, prepareScenarios } from "./lib/context.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BENCH_DIR = path.join(REPO, ".bench");

const HELP = `node bench/run.mjs [options]
  --runs N               measured repetitions per side, alternating with/without (default: per scenario,
                         7 for tsc and esbuild-bundle, 5 for esbuild-unbundled, 3 for tspc,
                         tsc-deprecated-files and cli-report, whose 10,000-module tsc --noEmit and ESLint
                         dominate the whole bench)
  --warmup N             unmeasured repetitions per side first (default 1; 0 for cli-report, whose
                         verification runs report and ESLint just before)
  --only NAME[,NAME]     run only these scenarios (repeatable); --list shows them
  --modules N            override every scenario's project size (defaults: tsc* 1000, esbuild-* 4000,
                         cli-report 10000; --list shows them)
  --deprecated-share F   override the share of modules importing deprecated ones (default per scenario)
  --seed N               generator seed (default 1)
  --watch-warmup N, --watch-rounds N  the tsc edit loop: unmeasured rebuilds first, then measured ones (bench/README.md)
  --list                 list the scenarios (size, targets, peers) and exit
  -h, --help             this text

Scenarios: tsc (peer ts-patch alone), tspc, tsc-deprecated-files (issue 2); esbuild-bundle, esbuild-unbundled (issue 3, peers
esbuild-plugin-alias and @esbuild-plugins/tsconfig-paths, the filter-only and load-floor floors); cli-report (issue 4, peer ESLint).
Everything is generated and verified before anything is measured; results go to .bench/results.json.`;

const DEFAULT_RUNS = 7;
let runsOf = (scenario) => scenario.runs ?? DEFAULT_RUNS;

function parseArgs(argv) {
  const o = { runs: undefined, warmup: 1, only: [], seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) usage(`${flag} needs a value`);
      return v;
    };
    const count = (min) => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < min) usage(`${flag} must be an integer ≥ ${min}`);
      return n;
    };
    switch (flag) {
      case "--runs": o.runs = count(1); break;
      case "--warmup": o.warmup = count(0); o.warmupGiven = true; break;
      case "--only": o.only.push(...value().split(",").filter(Boolean)); break;
      case "--modules": o.modules = count(50); break;
      case "--deprecated-share": o.deprecatedShare = Number(value()); break;
      case "--seed": o.seed = count(0); break;
      case "--watch-warmup": o.watchWarmup = count(0); break;
      case "--watch-rounds": o.watchRounds = count(1); break;
      case "--list": o.list = true; break;
      case "-h":
      case "--help": console.log(HELP); process.exit(0);
      default: usage(`unknown option ${flag}`);
    }
  }
  return o;
}

function usage(message) {
  console.error(`bench: ${message}\n${HELP}`);
  process.exit(2);
}

const fmtTime = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);
const fmtMem = (kb) => `${Math.round(kb / 1024)} MB`;
const fmtRatio = (r) => `${r.toFixed(3)}×`;

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.runs !== undefined) runsOf = () => options.runs;
  if (options.list) {
    for (const s of allScenarios) {
      const targets = s.targets ? Object.entries(s.targets).map(([k, v]) => `${k} ≤ ${v}×`).join(", ") : s.informational ? "context" : "figures only";
      console.log(`${s.name.padEnd(20)} ${String(s.project.modules).padStart(6)} modules  ${s.title}  (${targets})`);
      for (const p of s.peers ?? []) console.log(`${"".padEnd(20)}         peer: ${p.name} (${p.note})`);
    }
    return;
  }
  const unknown = options.only.filter((n) => !allScenarios.some((s) => s.name === n));
  if (unknown.length) usage(`unknown scenario ${unknown.join(", ")}; known: ${allScenarios.map((s) => s.name).join(", ")}`);
  const scenarios = options.only.length ? allScenarios.filter((s) => options.only.includes(s.name)) : allScenarios;
  if (!fs.existsSync(TIME_BIN)) throw new Error(`${TIME_BIN} (GNU time) is needed to measure peak memory`);
  const loadBefore = os.loadavg();
  const ctx = await prepareContext(REPO, BENCH_DIR, options);
  const prepared = await prepareScenarios(ctx, scenarios);

  const results = [];
  for (const { scenario, project, verified } of prepared) {
    const withCmd = scenario.with(ctx, project);
    const withoutCmd = scenario.without(ctx, project);
    // Peers run in the same rounds (with, without, peer…, with, without, peer…), so one slow spell of the
    // machine hits all of them alike; a peer whose verification found it cannot build has no command.
    const peers = (scenario.peers ?? []).map((peer) => ({ peer, command: peer.command(ctx, project) }));
    log(`[${scenario.name}] with:    ${describe(withCmd)}`);
    log(`[${scenario.name}] without: ${describe(withoutCmd)}`);
    for (const { peer, command } of peers) log(`[${scenario.name}] peer ${peer.name}: ${command ? describe(command) : "not measured (see verification)"}`);
    const measured = peers.filter((p) => p.command);
    const warmup = options.warmupGiven ? options.warmup : (scenario.warmup ?? options.warmup);
    for (let i = 0; i < warmup; i++) {
      log(`[${scenario.name}] warm-up ${i + 1}/${warmup}`);
      await measure(withCmd);
      await measure(withoutCmd);
      for (const { command } of measured) await measure(command);
    }
    const runs = { with: [], without: [], peers: measured.map(() => []) };
    // The order rotates from round to round, so no side always runs first, or always right after another one
    // (a build that follows a heavier one inherits its page cache, heap-sized memory pressure, CPU clock).
    const sides = [withCmd, withoutCmd, ...measured.map((p) => p.command)];
    for (let i = 0; i < runsOf(scenario); i++) {
      const round = new Array(sides.length);
      for (let k = 0; k < sides.length; k++) {
        const side = (i + k) % sides.length;
        round[side] = await measure(sides[side]);
      }
      const [a, b, ...others] = round;
      runs.with.push(a);
      runs.without.push(b);
      const extra = [];
      for (const [n, { peer }] of measured.entries()) {
        const c = others[n];
        runs.peers[n].push(c);
        extra.push(` · ${peer.name} ${fmtTime(c.ms)} ${fmtMem(c.rssKB)} (cpu ${fmtTime(c.cpuMs)})`);
      }
      log(`[${scenario.name}] run ${i + 1}/${runsOf(scenario)}: with ${fmtTime(a.ms)} ${fmtMem(a.rssKB)} (cpu ${fmtTime(a.cpuMs)}) · without ${fmtTime(b.ms)} ${fmtMem(b.rssKB)} (cpu ${fmtTime(b.cpuMs)})${extra.join("")} · load ${os.loadavg()[0].toFixed(1)}`);
    }
    results.push(analyse(scenario, project, runs, verified, withCmd, withoutCmd, peers, measured));
  }
  const loadAfter = os.loadavg();

  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryMB: Math.round(os.totalmem() / 2 ** 20), loadavgBefore: loadBefore, loadavgAfter: loadAfter },
    node: process.version,
    typescript: ctx.typescript.plain.version,
    runs: options.runs ?? "per scenario",
    warmup: options.warmup,
    memoryMethod: `${TIME_BIN} -f %M (max RSS of the process tree, KB)`,
    ratio: "median(with) / median(without); pairs: with[i] / without[i] of each alternating pair",
    scenarios: results,
  };
  fs.writeFileSync(path.join(BENCH_DIR, "results.json"), JSON.stringify(report, null, 2) + "\n");
  console.log(printTable(report));
  console.log(`\nresults: ${path.relative(process.cwd(), path.join(BENCH_DIR, "results.json"))}`);
}

const side = (xs) => ({ timeMs: summary(xs.map((r) => r.ms)), cpuMs: summary(xs.map((r) => r.cpuMs)), peakRssKB: summary(xs.map((r) => r.rssKB)) });

/** Ratios of one side's runs to another's (`without`'s, or a marginal peer's): of medians, and the spread within alternating rounds. */
function ratiosOf(runsA, runsB) {
  const a = side(runsA);
  const b = side(runsB);
  const pairs = (key) => runsA.map((r, i) => r[key] / runsB[i][key]);
  const spread = (p) => ({ median: median(p), min: Math.min(...p), max: Math.max(...p) });
  return {
    time: a.timeMs.median / b.timeMs.median,
    memory: a.peakRssKB.median / b.peakRssKB.median,
    cpu: a.cpuMs.median / b.cpuMs.median,
    cpuPairs: spread(pairs("cpuMs")),
    timePairs: spread(pairs("ms")),
    memoryPairs: spread(pairs("rssKB")),
  };
}

function analyse(scenario, project, runs, verified, withCmd, withoutCmd, peers = [], measured = []) {
  const w = side(runs.with);
  const wo = side(runs.without);
  const ratios = ratiosOf(runs.with, runs.without);
  let verdict = "figures only";
  if (scenario.informational) verdict = "context";
  else if (scenario.targets) {
    const parts = [];
    if (scenario.targets.time !== undefined) parts.push(`time ${ratios.time <= scenario.targets.time ? "PASS" : "MISS"} (≤ ${scenario.targets.time}×)`);
    if (scenario.targets.memory !== undefined) parts.push(`memory ${ratios.memory <= scenario.targets.memory ? "PASS" : "MISS"} (≤ ${scenario.targets.memory}×)`);
    verdict = parts.join(", ");
  }
  const peerResults = peers.map(({ peer, command }) => {
    const n = measured.findIndex((m) => m.peer === peer);
    return {
      name: peer.name,
      note: peer.note,
      verified: peer.verified ?? null,
      command: command ? describe(command) : null,
      ...(n >= 0 ? { runs: side(runs.peers[n]), ratios: ratiosOf(runs.peers[n], runs.without) } : {}),
      // A `marginal` peer is `with` minus the tool (ts-patch alone for the tsc plugin): with ÷ peer is the tool's own cost.
      ...(n >= 0 && peer.marginal ? { withRatios: ratiosOf(runs.with, runs.peers[n]) } : {}),
    };
  });
  return {
    name: scenario.name,
    title: scenario.title,
    runs: runs.with.length,
    project: { dir: path.relative(REPO, project.dir), modules: project.modules, importers: project.importers, importSites: project.importSites, rules: project.rules },
    commands: { with: describe(withCmd), without: describe(withoutCmd) },
    verified,
    targets: scenario.targets ?? null,
    with: w,
    without: wo,
    ratios,
    verdict,
    peers: peerResults,
  };
}

function printTable(report) {
  const lines = [];
  const load = (l) => l.map((x) => x.toFixed(1)).join("/");
  lines.push(`ssot-imports bench · node ${report.node} · TypeScript ${report.typescript} · ${report.machine.cpus} CPUs · load avg (1/5/15 min) ${load(report.machine.loadavgBefore)} before, ${load(report.machine.loadavgAfter)} after`);
  lines.push(`measured runs per side: ${report.scenarios.map((s) => `${s.name} ${s.runs}`).join(", ")}; alternating with/without(/peers) in an order that rotates each round, after ${report.warmup} warm-up; peak memory = max RSS from ${TIME_BIN}`);
  const header = ["scenario", "", "wall time: median (min–max)", "peak RSS: median (min–max)", "CPU time (user+sys)"];
  const rows = [];
  for (const s of report.scenarios) {
    const t = (x) => `${fmtTime(x.median)} (${fmtTime(x.min)}–${fmtTime(x.max)})`;
    const m = (x) => `${fmtMem(x.median)} (${fmtMem(x.min)}–${fmtMem(x.max)})`;
    rows.push([s.name, "with", t(s.with.timeMs), m(s.with.peakRssKB), t(s.with.cpuMs)]);
    rows.push(["", "without", t(s.without.timeMs), m(s.without.peakRssKB), t(s.without.cpuMs)]);
    const r = s.ratios;
    const pr = (p) => `(pairs ${p.min.toFixed(2)}–${p.max.toFixed(2)})`;
    rows.push(["", "RATIO", `${fmtRatio(r.time)} ${pr(r.timePairs)}`, `${fmtRatio(r.memory)} ${pr(r.memoryPairs)}`, `${fmtRatio(r.cpu)} ${pr(r.cpuPairs)}`]);
    rows.push(["", "", `→ ${s.verdict}`, "", ""]);
    for (const p of s.peers ?? []) {
      if (!p.runs) {
        rows.push([`  peer: ${p.name}`, "", "not measured (its build fails; see below)", "", ""]);
        continue;
      }
      rows.push([`  peer: ${p.name}`, "peer", t(p.runs.timeMs), m(p.runs.peakRssKB), t(p.runs.cpuMs)]);
      rows.push(["", "÷without", `${fmtRatio(p.ratios.time)} ${pr(p.ratios.timePairs)}`, `${fmtRatio(p.ratios.memory)} ${pr(p.ratios.memoryPairs)}`, `${fmtRatio(p.ratios.cpu)} ${pr(p.ratios.cpuPairs)}`]);
      if (p.withRatios) {
        const w = p.withRatios;
        rows.push(["", "with÷peer", `${fmtRatio(w.time)} ${pr(w.timePairs)}`, `${fmtRatio(w.memory)} ${pr(w.memoryPairs)}`, `${fmtRatio(w.cpu)} ${pr(w.cpuPairs)}`]);
        rows.push(["", "", `→ informational; with÷peer = the plugin's own (marginal) cost`, "", ""]);
      } else {
        rows.push(["", "", "→ informational", "", ""]);
      }
    }
    rows.push(null);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.filter(Boolean).map((r) => r[i].length)));
  const fmtRow = (r) => r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  lines.push("");
  lines.push(fmtRow(header));
  lines.push(widths.map((w) => "─".repeat(w)).join("  "));
  for (const r of rows) lines.push(r ? fmtRow(r) : "");
  lines.push("Scenarios:");
  for (const s of report.scenarios) {
    lines.push(`  ${s.name}: ${s.title}`);
    lines.push(`    project: ${s.project.dir}, ${s.project.modules.unmigrated} modules (twin ${s.project.modules.migrated}), ${s.project.importers} importers, ${s.project.importSites} deprecated import sites, ${s.project.rules} rules`);
    if (s.verified) lines.push(`    verified: ${s.verified}`);
    for (const p of s.peers ?? []) lines.push(`    peer ${p.name}: ${p.note}${p.verified ? `\n      checked: ${p.verified}` : ""}`);
  }
  lines.push("Ratios are the headline: median(with)/median(without). 'pairs' is the spread of with/without within each");
  lines.push("alternating pair; a wide spread means the machine was noisy and the ratio is uncertain by about that much.");
  lines.push("Targets are judged on wall time, as the issue states them; CPU time is shown because it is much less");
  lines.push("disturbed by other processes on a shared machine.");
  return lines.join("\n");
}

main().catch((e) => {
  console.error(`\nbench FAILED: ${e.message}`);
  process.exit(1);
});
