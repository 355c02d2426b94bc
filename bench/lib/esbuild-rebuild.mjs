#!/usr/bin/env node
// The edit loop of an esbuild user, in one process: a `context()`, its first build, then one-file edits each
// followed by `ctx.rebuild()`. Only the rebuilds are measured; the first build is what every side pays anyway.
//
//   node bench/lib/esbuild-rebuild.mjs '<json>'
//
// JSON: {
//   cwd, mode: "bundle"|"unbundled", out, plugin: null|"ssot-imports"|"load-floor", entriesLike?
//                                as for esbuild-build.mjs
//   edit: "src/….ts"             the file edited before each rebuild (relative to cwd); restored at exit
//   rebuilds: N                  measured rebuilds (each after its own edit; default 3)
//   warmup?: N                   rebuilds after an edit before the measured ones (default 1): a context lives
//                                all day, so what is measured is its steady state, not V8's first compilations
// }
// Prints one JSON line on stdout: { ms, cpuMs } summed over the measured rebuilds (cpuMs: this process and
// esbuild's Go service, read from /proc), except when counted. Under bench/instructions.mjs (SSOT_BENCH_TOGGLE_CALLGRIND=1, both
// processes started with callgrind's instrumentation off) it switches instrumentation on around each measured
// rebuild only, in node and in the Go service alike, so their counts are the rebuilds' work and nothing else.

import * as fs from "node:fs";
import * as path from "node:path";
import { createRequire } from "node:module";
import { reportBuildFailure } from "./build-failure.mjs";
import { loadFloor } from "./load-floor.mjs";
import { captureSpawnedChildren, reapChildren, unbundledEntries } from "./spawned-children.mjs";
import { spawnSync } from "node:child_process";

const options = JSON.parse(process.argv[2] ?? "{}");
const cwd = path.resolve(options.cwd);
const require = createRequire(import.meta.url);
const children = captureSpawnedChildren();
const esbuild = require("esbuild");
const toggleCallgrind = process.env.SSOT_BENCH_TOGGLE_CALLGRIND === "1";

function plugins() {
  if (!options.plugin) return [];
  if (options.plugin === "load-floor") return [loadFloor(cwd, { rebuilds: true })];
  if (options.plugin !== "ssot-imports") throw new Error(`unknown plugin ${options.plugin}`);
  // As users write it; resolves to this checkout (package self-reference through its "exports").
  const { ssotImports } = require("ssot-imports/esbuild");
  return [ssotImports()];
}

const bundle = options.mode === "bundle";
const common = { absWorkingDir: cwd, platform: "node", target: "es2022", logLevel: "silent", plugins: plugins() };
const buildOptions = bundle
  ? { ...common, entryPoints: [path.join(cwd, "src", "main.ts")], bundle: true, format: "esm", outfile: path.resolve(cwd, options.out) }
  : { ...common, entryPoints: unbundledEntries(cwd, options.entriesLike), bundle: false, format: "cjs", outbase: path.join(cwd, "src"), outdir: path.resolve(cwd, options.out) };

const edited = path.resolve(cwd, options.edit);
// The file's own text, without any edit that a killed run (or a copy of the tree taken mid-edit) left behind.
const original = fs.readFileSync(edited, "utf8").replace(/^export const ssotBenchEdit = \d+;\n/gm, "");
/** The n-th edit: a statement that changes the module's code (not a comment), different from the previous one. */
const editText = (n) => `${original}export const ssotBenchEdit = ${n};\n`;

/** Go's CPU time so far, in ms (utime + stime from /proc, in clock ticks of 10 ms). */
function goCpuMs() {
  return children.reduce((sum, child) => {
    try {
      const fields = fs.readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1].split(" ");
      return sum + (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return sum;
    }
  }, 0);
}

/** callgrind's instrumentation on or off in this process and in esbuild's Go service (callgrind_control waits for both). */
function instrument(on) {
  if (!toggleCallgrind) return;
  for (const pid of [process.pid, ...children.map((c) => c.pid)]) {
    const result = spawnSync("callgrind_control", ["--instr=" + (on ? "on" : "off"), String(pid)], { encoding: "utf8" });
    if (result.status !== 0 || !/OK/.test(result.stdout)) throw new Error(`callgrind_control --instr=${on ? "on" : "off"} ${pid} failed:\n${result.stdout}${result.stderr}`);
  }
}

const ctx = await esbuild.context(buildOptions);
let measured = { ms: 0, cpuMs: 0 };
try {
  await ctx.rebuild();
  const warmup = options.warmup ?? 1;
  const rebuilds = options.rebuilds ?? 3;
  for (let n = 1; n <= warmup + rebuilds; n++) {
    fs.writeFileSync(edited, editText(n));
    const counted = n > warmup;
    if (counted) instrument(true);
    const cpu = process.cpuUsage();
    const go = goCpuMs();
    const started = process.hrtime.bigint();
    await ctx.rebuild();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const used = process.cpuUsage(cpu);
    if (counted) {
      instrument(false);
      measured = { ms: measured.ms + ms, cpuMs: measured.cpuMs + (used.user + used.system) / 1000 + goCpuMs() - go };
    }
  }
} catch (e) {
  await reportBuildFailure(esbuild, e);
} finally {
  fs.writeFileSync(edited, original);
  await ctx.dispose();
}
// Under callgrind the times mean nothing, and bench/instructions.mjs wants a silent command.
if (!process.exitCode && !toggleCallgrind) console.log(JSON.stringify(measured));
// esbuild's Go service is reaped before exit, so /usr/bin/time sees its CPU and memory (spawned-children.mjs).
await reapChildren(children, () => esbuild.stop());
