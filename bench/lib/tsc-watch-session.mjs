#!/usr/bin/env node
// One `tsc --watch` session in one node process, for the edit-loop scenario (bench/scenarios/edit-loop-tsc.mjs):
// the cold build, then `rounds` rebuilds, each after one more line appended to `file`. The watch program is
// TypeScript's own (createWatchProgram on the tsconfig, emitting and reporting as tsc --watch does), loaded from
// the given TypeScript copy; with the ts-patch installed copy, ts-patch applies the tsconfig's plugins exactly
// as in `tsc --watch`. File events and timers are the script's own: each edit calls the watchers tsc registered
// for the file, then runs the timer tsc set (its 250 ms debounce) at once, so a rebuild runs when the script
// says and nothing else runs in between.
//
//   node tsc-watch-session.mjs '{"typescript": "<…/lib/typescript.js>", "project": "<dir>", "outDir": "<dir>",
//                                "file": "src/x.ts", "warmup": 5, "rounds": 3}'
//
// `warmup` rebuilds (default 0) run first and are neither timed nor counted: a watcher runs all day, so what a
// user waits for is the steady state, not the first rebuilds, in which V8 is still compiling the code that only a
// rebuild runs (under `--predictable` that compilation runs on the main thread, inside the count).
// Prints `ssot-bench:rebuilds {"ms": …, "cpuMs": …}` (the measured rebuilds only, summed) at the end. With
// SSOT_BENCH_PAUSE=1 it also stops before and after each rebuild: it prints `ssot-bench:start` or
// `ssot-bench:stop` and waits for a line on stdin, so that a counter outside (bench/lib/instructions.mjs,
// callgrind_control) can count exactly the rebuilds. With SSOT_BENCH_CPU_PROFILE=<file> it writes a V8 CPU profile
// (.cpuprofile, 100 µs samples) of the measured rebuilds, to see which JavaScript a count's instructions ran in
// (callgrind shows compiled JavaScript only as addresses). The edited file gets its text back at the end.

import * as fs from "node:fs";
import * as inspector from "node:inspector";
import { createRequire } from "node:module";
import * as path from "node:path";

const options = JSON.parse(process.argv[2] ?? "{}");
const ts = createRequire(import.meta.url)(options.typescript);
const pause = process.env.SSOT_BENCH_PAUSE === "1";
const edited = path.resolve(options.project, options.file);
const originalText = fs.readFileSync(edited, "utf8");

const timers = new Map();
const watchers = new Map();
let nextTimer = 1;
const key = (file) => path.resolve(file);
const sys = {
  ...ts.sys,
  watchFile(file, callback) {
    const set = watchers.get(key(file)) ?? new Set();
    watchers.set(key(file), set.add(callback));
    return { close: () => set.delete(callback) };
  },
  watchDirectory: () => ({ close() {} }),
  setTimeout(callback, _ms, ...args) {
    timers.set(nextTimer, () => callback(...args));
    return nextTimer++;
  },
  clearTimeout: (id) => timers.delete(id),
};

const errors = [];
const host = ts.createWatchCompilerHost(
  path.join(options.project, "tsconfig.json"),
  { outDir: options.outDir },
  sys,
  ts.createEmitAndSemanticDiagnosticsBuilderProgram,
  (d) => errors.push(ts.formatDiagnostic(d, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => options.project, getNewLine: () => "\n" })),
  () => {},
);

function handshake(word) {
  if (!pause) return;
  fs.writeSync(1, `ssot-bench:${word}\n`);
  const buffer = Buffer.alloc(16);
  for (;;) {
    try {
      if (fs.readSync(0, buffer, 0, buffer.length, null) > 0) return;
      throw new Error("stdin closed while waiting for the counter");
    } catch (e) {
      if (e.code !== "EAGAIN") throw e;
    }
  }
}

/** One edit and the rebuild it triggers. */
function editAndRebuild(edit) {
  // A new statement that changes no declaration: the edit a user makes most, inside a module's own code.
  fs.appendFileSync(edited, `function ssotBenchEdit${edit}(): number { return ${edit}; }\n`);
  for (const callback of watchers.get(key(edited)) ?? []) callback(edited, ts.FileWatcherEventKind.Changed);
  if (timers.size === 0) throw new Error(`tsc --watch scheduled no rebuild after an edit of ${options.file}`);
  while (timers.size > 0) {
    const [id, run] = timers.entries().next().value;
    timers.delete(id);
    run();
  }
  if (errors.length > 0) throw new Error(`rebuild ${edit} reported:\n${errors.join("")}`);
}

/** The measured rebuilds' CPU profile, when SSOT_BENCH_CPU_PROFILE names a file: started before the first, written after the last. */
function cpuProfiler(file) {
  if (!file) return { start: async () => {}, stop: async () => {} };
  const session = new inspector.Session();
  session.connect();
  const post = (method, params = {}) => new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
  return {
    start: async () => {
      await post("Profiler.enable");
      await post("Profiler.setSamplingInterval", { interval: 100 });
      await post("Profiler.start");
    },
    stop: async () => fs.writeFileSync(file, JSON.stringify((await post("Profiler.stop")).profile)),
  };
}

const profiler = cpuProfiler(process.env.SSOT_BENCH_CPU_PROFILE);
let watch;
try {
  watch = ts.createWatchProgram(host);
  if (errors.length > 0) throw new Error(`the cold build reported:\n${errors.join("")}`);
  const warmup = options.warmup ?? 0;
  for (let edit = 1; edit <= warmup; edit++) editAndRebuild(edit);
  let ms = 0;
  let cpuMs = 0;
  await profiler.start();
  for (let round = 1; round <= options.rounds; round++) {
    handshake("start");
    const cpu = process.cpuUsage();
    const started = process.hrtime.bigint();
    editAndRebuild(warmup + round);
    ms += Number(process.hrtime.bigint() - started) / 1e6;
    const used = process.cpuUsage(cpu);
    cpuMs += (used.user + used.system) / 1000;
    handshake("stop");
  }
  await profiler.stop();
  fs.writeSync(1, `ssot-bench:rebuilds ${JSON.stringify({ ms, cpuMs, warmup, rounds: options.rounds })}\n`);
} finally {
  watch?.close();
  fs.writeFileSync(edited, originalText);
}
