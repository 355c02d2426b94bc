#!/usr/bin/env node
// Where the plugin's time goes, in-process, without touching src/: builds the unmigrated project's Program the
// way tsc does, then calls the built plugin (dist/tsc) with a TypeScript object whose createProgram and
// resolveModuleName are timed, and reports each phase beside the cost of the whole compile (check + emit).
//
//   node bench/profile-plugin.mjs [--project .bench/project-m1000-s1/unmigrated] [--repeat 3] [--plugin-only N]
//
// --plugin-only N: no check or emit; one Program, the plugin applied to it N times (the first is cold, the
// rest warm: the rewritten SourceFiles are cached in-process, as in watch mode). Seconds instead of minutes,
// and the minimum of the warm runs is a steady figure on a busy machine.

import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(REPO, "package.json"));
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const projectDir = path.resolve(REPO, flag("--project", ".bench/project-m1000-s1/unmigrated"));
const repeat = Number(flag("--repeat", "3"));
const pluginOnly = Number(flag("--plugin-only", "0"));

const ts = require("typescript");
const ms = (t) => `${t.toFixed(0)} ms`;
// Wall and CPU time of one phase: on a shared machine CPU time is the figure to trust.
const cpuNow = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };


let t0 = performance.now();
const plugin = require(path.join(REPO, "dist", "tsc", "index.js")).default;
const requireMs = performance.now() - t0;

const configPath = path.join(projectDir, "tsconfig.json");
const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n")); } });
const pluginConfig = parsed.options.plugins[0];

if (pluginOnly > 0) {
  profilePluginOnly(pluginOnly);
  process.exit(0);
}

for (let round = 1; round <= repeat; round++) {
  const host = ts.createCompilerHost(parsed.options);
  const cc = cpuNow();
  t0 = performance.now();
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, host, projectReferences: parsed.projectReferences });
  const createMs = performance.now() - t0;
  const createCpu = cpuNow() - cc;

  const timing = { createProgram: 0, createProgramCpu: 0, resolveModuleName: 0, resolveCalls: 0 };
  // The rebuild resolves through this TypeScript object too (the plugin's host reuses the first Program's
  // cache): only calls outside createProgram are the matcher's, else they would be counted twice.
  let inCreateProgram = false;
  const timedTs = Object.create(ts, {
    createProgram: { value: (...a) => { const s = performance.now(); const c = cpuNow(); inCreateProgram = true; try { return ts.createProgram(...a); } finally { inCreateProgram = false; timing.createProgram += performance.now() - s; timing.createProgramCpu += cpuNow() - c; } } },
    resolveModuleName: { value: (...a) => { if (inCreateProgram) return ts.resolveModuleName(...a); const s = performance.now(); timing.resolveCalls++; try { return ts.resolveModuleName(...a); } finally { timing.resolveModuleName += performance.now() - s; } } },
  });
  t0 = performance.now();
  const c0 = cpuNow();
  const rewritten = plugin(program, host, pluginConfig, { ts: timedTs });
  const pluginMs = performance.now() - t0;
  const pluginCpu = cpuNow() - c0;

  const c1 = cpuNow();
  t0 = performance.now();
  const diagnostics = ts.getPreEmitDiagnostics(rewritten);
  const checkMs = performance.now() - t0;
  t0 = performance.now();
  const emit = rewritten.emit(undefined, () => {}); // no writes: the disk is not what we measure here
  const emitMs = performance.now() - t0;
  const checkEmitCpu = cpuNow() - c1;
  if (diagnostics.length || emit.diagnostics.length) console.log(ts.formatDiagnostics([...diagnostics, ...emit.diagnostics].slice(0, 5), { getCanonicalFileName: (f) => f, getCurrentDirectory: () => projectDir, getNewLine: () => "\n" }));

  const other = pluginMs - timing.createProgram - timing.resolveModuleName;
  const total = createMs + pluginMs + checkMs + emitMs;
  console.log(`round ${round}: ${program.getSourceFiles().length} source files`);
  console.log(`  createProgram (tsc's own, before the plugin)  ${ms(createMs)}`);
  console.log(`  plugin total                                  ${ms(pluginMs)}  (${(100 * pluginMs / total).toFixed(1)}% of ${ms(total)} in-process compile)`);
  console.log(`    rebuilt createProgram (oldProgram reuse)    ${ms(timing.createProgram)}`);
  console.log(`    resolveModuleName (matcher, ${timing.resolveCalls} calls)      ${ms(timing.resolveModuleName)}`);
  console.log(`    rules, scan, plan, export check             ${ms(other)}`);
  console.log(`  check (getPreEmitDiagnostics)                 ${ms(checkMs)}`);
  console.log(`  emit (no writes)                              ${ms(emitMs)}`);
  console.log(`  CPU: plugin ${ms(pluginCpu)} (rebuilt createProgram ${ms(timing.createProgramCpu)}, the rest ${ms(pluginCpu - timing.createProgramCpu)}); tsc's createProgram ${ms(createCpu)}; check + emit ${ms(checkEmitCpu)}`);
  console.log(`       plugin share of in-process CPU: ${(100 * pluginCpu / (createCpu + pluginCpu + checkEmitCpu)).toFixed(2)}%`);
}
console.log(`require(dist/tsc) once: ${ms(requireMs)}`);

function profilePluginOnly(n) {
  const host = ts.createCompilerHost(parsed.options);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, host, projectReferences: parsed.projectReferences });
  let rebuildMs = 0;
  const timedTs = Object.create(ts, {
    createProgram: { value: (...a) => { const s = performance.now(); try { return ts.createProgram(...a); } finally { rebuildMs += performance.now() - s; } } },
  });
  const runs = [];
  for (let i = 0; i < n; i++) {
    rebuildMs = 0;
    const c = cpuNow();
    const s = performance.now();
    plugin(program, host, pluginConfig, { ts: timedTs });
    runs.push({ wall: performance.now() - s, cpu: cpuNow() - c, rebuild: rebuildMs });
  }
  const stat = (key, xs) => {
    const sorted = xs.map((r) => r[key]).sort((a, b) => a - b);
    return `${ms(sorted[sorted.length >> 1])} (min ${ms(sorted[0])})`;
  };
  const [first, ...warm] = runs;
  console.log(`${program.getSourceFiles().length} source files; plugin applied ${n} times to one Program`);
  console.log(`  cold (1st): plugin ${ms(first.wall)}, rebuilt createProgram ${ms(first.rebuild)}, the rest ${ms(first.wall - first.rebuild)}; CPU ${ms(first.cpu)}`);
  if (warm.length > 0) {
    const rest = warm.map((r) => ({ ...r, rest: r.wall - r.rebuild }));
    console.log(`  warm, median (min) of ${warm.length}: plugin ${stat("wall", rest)}, rebuilt createProgram ${stat("rebuild", rest)}, the rest ${stat("rest", rest)}; CPU ${stat("cpu", rest)}`);
  }
  console.log(`require(dist/tsc) once: ${ms(requireMs)}`);
}
