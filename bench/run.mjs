#!/usr/bin/env node
// `npm run bench`: for each scenario, the with/without ratios of wall time and peak memory, from alternating
// repetitions in one run (A, B, A, B, …) so that machine noise hits both sides alike. Ratios are the
// headline; absolute times depend on the machine and on whatever else it is doing.
//
//   node bench/run.mjs [--runs 7] [--warmup 1] [--only tsc[,tspc]] [--modules N] [--seed N] [--list]
//
// Scenarios live in bench/scenarios/ (see index.mjs for their shape). Results: .bench/results.json.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "./generate.mjs";
import { describe, measure, median, summary, TIME_BIN } from "./lib/measure.mjs";
import { prepareTypeScriptCopies } from "./lib/typescript-copies.mjs";
import allScenarios from "./scenarios/index.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BENCH_DIR = path.join(REPO, ".bench");

const HELP = `node bench/run.mjs [options]
  --runs N               measured repetitions per side, alternating with/without (default 7)
  --warmup N             unmeasured repetitions per side first (default 1)
  --only NAME[,NAME]     run only these scenarios (repeatable); --list shows them
  --modules N            override every scenario's project size
  --deprecated-share F   override the share of modules importing deprecated ones (default per scenario)
  --seed N               generator seed (default 1)
  --list                 list the scenarios and exit`;

function parseArgs(argv) {
  const o = { runs: 7, warmup: 1, only: [], seed: 1 };
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
      case "--warmup": o.warmup = count(0); break;
      case "--only": o.only.push(...value().split(",").filter(Boolean)); break;
      case "--modules": o.modules = count(50); break;
      case "--deprecated-share": o.deprecatedShare = Number(value()); break;
      case "--seed": o.seed = count(0); break;
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

const log = (line) => process.stderr.write(line + "\n");
const fmtTime = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);
const fmtMem = (kb) => `${Math.round(kb / 1024)} MB`;
const fmtRatio = (r) => `${r.toFixed(3)}×`;

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.list) {
    for (const s of allScenarios) console.log(`${s.name.padEnd(24)} ${s.title}${s.targets ? `  (targets: time ≤ ${s.targets.time}×, memory ≤ ${s.targets.memory}×)` : ""}`);
    return;
  }
  const unknown = options.only.filter((n) => !allScenarios.some((s) => s.name === n));
  if (unknown.length) usage(`unknown scenario ${unknown.join(", ")}; known: ${allScenarios.map((s) => s.name).join(", ")}`);
  const scenarios = options.only.length ? allScenarios.filter((s) => options.only.includes(s.name)) : allScenarios;
  if (!fs.existsSync(TIME_BIN)) throw new Error(`${TIME_BIN} (GNU time) is needed to measure peak memory`);
  if (!fs.existsSync(path.join(REPO, "dist", "tsc", "index.js"))) throw new Error("dist/ is missing: run `npm run build` (npm run bench does)");

  fs.mkdirSync(BENCH_DIR, { recursive: true });
  // The generated projects name the plugin as a user would ("ssot-imports/tsc"): make this checkout resolvable
  // under that name from .bench/, as if installed.
  const link = path.join(BENCH_DIR, "node_modules", "ssot-imports");
  fs.mkdirSync(path.dirname(link), { recursive: true });
  if (!fs.existsSync(path.join(link, "package.json"))) {
    fs.rmSync(link, { force: true });
    fs.symlinkSync(path.relative(path.dirname(link), REPO), link, "dir");
  }

  const loadBefore = os.loadavg();
  log(`preparing TypeScript copies in .bench/typescript (plain and ts-patch installed)…`);
  const typescript = prepareTypeScriptCopies(REPO, BENCH_DIR);
  const ctx = { repo: REPO, benchDir: BENCH_DIR, typescript, options };

  // Generate and verify everything before measuring anything: a broken scenario fails in seconds, not after minutes.
  const prepared = [];
  for (const scenario of scenarios) {
    const projectOptions = {
      ...scenario.project,
      seed: options.seed,
      ...(options.modules ? { modules: options.modules } : {}),
      ...(options.deprecatedShare !== undefined ? { deprecatedShare: options.deprecatedShare } : {}),
    };
    const project = generate(projectOptions);
    log(`[${scenario.name}] project ${path.relative(REPO, project.dir)}: ${project.modules.unmigrated} modules (twin ${project.modules.migrated}), ${project.importers} importers, ${project.importSites} deprecated import sites, ${project.rules} rules`);
    if (scenario.setup) await scenario.setup(ctx, project);
    if (scenario.verify) {
      log(`[${scenario.name}] verifying both builds and comparing their output…`);
      const note = await scenario.verify(ctx, project);
      log(`[${scenario.name}] verified: ${note}`);
      prepared.push({ scenario, project, verified: note });
    } else {
      prepared.push({ scenario, project, verified: null });
    }
  }

  const results = [];
  for (const { scenario, project, verified } of prepared) {
    const withCmd = scenario.with(ctx, project);
    const withoutCmd = scenario.without(ctx, project);
    log(`[${scenario.name}] with:    ${describe(withCmd)}`);
    log(`[${scenario.name}] without: ${describe(withoutCmd)}`);
    for (let i = 0; i < options.warmup; i++) {
      log(`[${scenario.name}] warm-up ${i + 1}/${options.warmup}`);
      await measure(withCmd);
      await measure(withoutCmd);
    }
    const runs = { with: [], without: [] };
    for (let i = 0; i < options.runs; i++) {
      const a = await measure(withCmd);
      const b = await measure(withoutCmd);
      runs.with.push(a);
      runs.without.push(b);
      log(`[${scenario.name}] run ${i + 1}/${options.runs}: with ${fmtTime(a.ms)} ${fmtMem(a.rssKB)} (cpu ${fmtTime(a.cpuMs)}) · without ${fmtTime(b.ms)} ${fmtMem(b.rssKB)} (cpu ${fmtTime(b.cpuMs)}) · load ${os.loadavg()[0].toFixed(1)}`);
    }
    results.push(analyse(scenario, project, runs, verified, withCmd, withoutCmd));
  }
  const loadAfter = os.loadavg();

  const report = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryMB: Math.round(os.totalmem() / 2 ** 20), loadavgBefore: loadBefore, loadavgAfter: loadAfter },
    node: process.version,
    typescript: typescript.plain.version,
    runs: options.runs,
    warmup: options.warmup,
    memoryMethod: `${TIME_BIN} -f %M (max RSS of the process tree, KB)`,
    ratio: "median(with) / median(without); pairs: with[i] / without[i] of each alternating pair",
    scenarios: results,
  };
  fs.writeFileSync(path.join(BENCH_DIR, "results.json"), JSON.stringify(report, null, 2) + "\n");
  console.log(printTable(report));
  console.log(`\nresults: ${path.relative(process.cwd(), path.join(BENCH_DIR, "results.json"))}`);
}

function analyse(scenario, project, runs, verified, withCmd, withoutCmd) {
  const side = (xs) => ({ timeMs: summary(xs.map((r) => r.ms)), cpuMs: summary(xs.map((r) => r.cpuMs)), peakRssKB: summary(xs.map((r) => r.rssKB)) });
  const w = side(runs.with);
  const wo = side(runs.without);
  const pairs = (key) => runs.with.map((r, i) => r[key] / runs.without[i][key]);
  const pairTime = pairs("ms");
  const pairMem = pairs("rssKB");
  const pairCpu = pairs("cpuMs");
  const ratios = {
    time: w.timeMs.median / wo.timeMs.median,
    memory: w.peakRssKB.median / wo.peakRssKB.median,
    cpu: w.cpuMs.median / wo.cpuMs.median,
    cpuPairs: { median: median(pairCpu), min: Math.min(...pairCpu), max: Math.max(...pairCpu) },
    timePairs: { median: median(pairTime), min: Math.min(...pairTime), max: Math.max(...pairTime) },
    memoryPairs: { median: median(pairMem), min: Math.min(...pairMem), max: Math.max(...pairMem) },
  };
  let verdict = "figures only";
  if (scenario.informational) verdict = "context";
  else if (scenario.targets) {
    const okTime = ratios.time <= scenario.targets.time;
    const okMem = ratios.memory <= scenario.targets.memory;
    verdict = `time ${okTime ? "PASS" : "MISS"} (≤ ${scenario.targets.time}×), memory ${okMem ? "PASS" : "MISS"} (≤ ${scenario.targets.memory}×)`;
  }
  return {
    name: scenario.name,
    title: scenario.title,
    project: { dir: path.relative(REPO, project.dir), modules: project.modules, importers: project.importers, importSites: project.importSites, rules: project.rules },
    commands: { with: describe(withCmd), without: describe(withoutCmd) },
    verified,
    targets: scenario.targets ?? null,
    with: w,
    without: wo,
    ratios,
    verdict,
  };
}

function printTable(report) {
  const lines = [];
  const load = (l) => l.map((x) => x.toFixed(1)).join("/");
  lines.push(`ssot-imports bench · node ${report.node} · TypeScript ${report.typescript} · ${report.machine.cpus} CPUs · load avg (1/5/15 min) ${load(report.machine.loadavgBefore)} before, ${load(report.machine.loadavgAfter)} after`);
  lines.push(`${report.runs} measured runs per side, alternating with/without, after ${report.warmup} warm-up; peak memory = max RSS from ${TIME_BIN}`);
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
