// Counts the instructions one command executes, under valgrind's callgrind. Unlike wall or CPU time, the count
// does not depend on what else the machine is doing: the same tsc build gives the same count within ~0.05%, on a
// machine where two identical tsc builds differ by 15–20% in time. The price is speed (~50× slower).
//
// An esbuild build is two processes: node, and esbuild's Go service, which node starts from the binary that
// ESBUILD_BINARY_PATH names. Pointed at a script that runs the real binary under valgrind, the service is counted
// too, with three Go settings that make its count repeatable (identical bundles of 4,000 modules: within 0.05–1%,
// instead of ±6% with Go's defaults):
// - GODEBUG=asyncpreemptoff=1: Go preempts goroutines with signals, which callgrind cannot follow (it aborts).
// - GOMAXPROCS=1: valgrind runs one thread at a time anyway; more Ps only add scheduler spinning.
// - GOGC=off: when Go's collector runs depends on timing, and under valgrind that moved the count by ±6%. So the
//   count is esbuild's work without its garbage collection (and with more stack copying, since Go sizes new
//   goroutine stacks from what its collector saw). The ratio is of that work, not of a real build's seconds.

import { spawn } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { describe } from "./measure.mjs";

export const VALGRIND_BIN = "valgrind";

/** Starts a process with callgrind's instrumentation off, for a command that switches it on where it counts. */
const INSTRUMENTATION_OFF = "--instr-atstart=no";

/**
 * V8's background threads (concurrent compilation and marking) finish at different points of the main
 * thread's work from run to run, and under valgrind even more so: identical tsc builds then differ by 0.5–14%
 * in instructions. `--predictable` does that work on the main thread, in the same order every time: two
 * identical builds then differ by 0.04%. It slows the build alike on both sides, so the ratio stays the tool's.
 */
const NODE_FLAGS = ["--predictable"];

/**
 * command: as for measure(); `esbuildService: true` when it starts esbuild's Go service, which is then counted
 * too. `callgrindToggled: true` when the command itself switches callgrind's instrumentation on around the part
 * that counts (bench/lib/esbuild-rebuild.mjs: the rebuilds, not the first build): both processes then start with
 * it off, and the command is told so by SSOT_BENCH_TOGGLE_CALLGRIND=1. Resolves { instructions, node, go } (go: 0 when no service); rejects, with the output, when the command
 * fails or prints anything.
 */
export async function countInstructions(command) {
  if (command.prepare) await command.prepare();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "ssot-bench-callgrind-"));
  try {
    if (command.phases) return await countPhases(command, scratch);
    const toggled = command.callgrindToggled ? { SSOT_BENCH_TOGGLE_CALLGRIND: "1", SSOT_BENCH_CALLGRIND_FLAGS: INSTRUMENTATION_OFF } : {};
    const node = await countNode(command, path.join(scratch, "node.log"), { ...toggled, ...(command.esbuildService ? goServiceEnv(scratch) : {}) });
    const go = command.esbuildService ? goInstructions(scratch, command) : 0;
    return { instructions: node + go, node, go };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Runs the command once without valgrind, with the node flags the count uses: a first run may differ from the
 * next (the plugin writes V8's code cache at its first exit, and V8 accepts a cache only under the same flags).
 */
export async function warmUp(command) {
  if (command.prepare) await command.prepare();
  const { code, output } = await run(command.cmd, argsOf(command), command.cwd, { ...process.env, ...command.env });
  if (code !== 0) throw new Error(`warm-up failed (exit ${code}): ${describe(command)}\n${output}`);
}

async function countNode(command, logFile, extraEnv) {
  const args = [
    "--tool=callgrind",
    // V8 writes and patches machine code at run time; valgrind must notice, or it runs stale translations.
    "--smc-check=all-non-file",
    "--callgrind-out-file=/dev/null",
    `--log-file=${logFile}`,
    ...(command.callgrindToggled ? [INSTRUMENTATION_OFF] : []),
    command.cmd,
    ...argsOf(command),
  ];
  const { code, output } = await run(VALGRIND_BIN, args, command.cwd, { ...process.env, ...command.env, ...extraEnv });
  const valgrindLog = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : "";
  // A build prints nothing when it succeeds; a command that always prints a line (Vitest's JSON reporter names
  // its file) says so in `expectedOutput`, and only other lines fail the count.
  const unexpected = output.split("\n").filter((line) => line.trim() && !command.expectedOutput?.test(line));
  if (code !== 0 || unexpected.length > 0) throw new Error(`command failed (exit ${code}) under valgrind: ${describe(command)}\n${output}${valgrindLog}`.trimEnd());
  return collected(valgrindLog, describe(command));
}

/**
 * A command with `phases` (a watch session: bench/lib/tsc-watch-session.mjs) is counted between its
 * `ssot-bench:start` and `ssot-bench:stop` lines only: it starts with callgrind's instrumentation off (the
 * cold build is not counted, and runs several times faster), and waits at each of those lines until
 * `callgrind_control` has switched it on and zeroed the counts (start), or dumped them (stop). Instrumentation
 * stays on between rebuilds: switched off and on again, callgrind's dumps came out wrong (a second dump of 5 M
 * for the same 200 M loop, a third one negative). Each dump is one rebuild's count;
 * resolves { instructions: their sum, node: the same, go: 0, phases: [each] }.
 */
async function countPhases(command, scratch) {
  const out = path.join(scratch, "callgrind.out");
  const logFile = path.join(scratch, "node.log");
  const args = ["--tool=callgrind", "--smc-check=all-non-file", "--instr-atstart=no", `--callgrind-out-file=${out}`, `--log-file=${logFile}`, command.cmd, ...argsOf(command)];
  const child = spawn(VALGRIND_BIN, args, { cwd: command.cwd, env: { ...process.env, ...command.env, SSOT_BENCH_PAUSE: "1" }, stdio: ["pipe", "pipe", "pipe"] });
  const control = (...flags) => run("callgrind_control", [...flags, String(child.pid)], command.cwd, process.env);
  let output = "";
  let pending = "";
  let steps = Promise.resolve();
  child.stdout.on("data", (d) => {
    output += d;
    pending += d;
    for (let newline = pending.indexOf("\n"); newline >= 0; newline = pending.indexOf("\n")) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      const flags = line === "ssot-bench:start" ? [["-i", "on"], ["-z"]] : line === "ssot-bench:stop" ? [["-d"]] : undefined;
      if (!flags) continue;
      steps = steps.then(async () => {
        for (const f of flags) {
          const result = await control(...f);
          if (result.code !== 0) throw new Error(`callgrind_control ${f.join(" ")} failed:\n${result.output}`);
        }
        child.stdin.write("go\n");
      });
      steps.catch(() => child.kill());
    }
  });
  child.stderr.on("data", (d) => (output += d));
  const code = await new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  await steps;
  const valgrindLog = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : "";
  if (code !== 0) throw new Error(`command failed (exit ${code}) under valgrind: ${describe(command)}\n${output}${valgrindLog}`.trimEnd());
  const dumps = fs.readdirSync(scratch).filter((name) => /^callgrind\.out\.\d+$/.test(name)).sort((a, b) => Number(a.split(".").pop()) - Number(b.split(".").pop()));
  const phases = dumps.map((name) => {
    const summary = /^summary:\s*(\d+)/m.exec(fs.readFileSync(path.join(scratch, name), "utf8"));
    if (!summary) throw new Error(`callgrind dump ${name} has no summary line (${describe(command)})`);
    return Number(summary[1]);
  });
  const starts = output.match(/^ssot-bench:start$/gm)?.length ?? 0;
  if (phases.length !== starts || starts === 0) throw new Error(`expected ${starts} callgrind dumps, found ${phases.length} (${describe(command)})`);
  const instructions = phases.reduce((a, b) => a + b, 0);
  keepDumps(scratch, dumps, command);
  return { instructions, node: instructions, go: 0, phases };
}

/**
 * SSOT_BENCH_KEEP_CALLGRIND=<dir> keeps a phased count's dumps (one per rebuild) in <dir>/<the side's folder
 * name>/, for `callgrind_annotate`: which functions the counted instructions ran in (V8's compiler, its garbage
 * collector, the interpreter's handlers, or compiled JavaScript, which callgrind shows as unnamed addresses).
 */
function keepDumps(scratch, dumps, command) {
  const keep = process.env.SSOT_BENCH_KEEP_CALLGRIND;
  if (!keep) return;
  const to = path.join(path.resolve(keep), path.basename(command.cwd));
  fs.mkdirSync(to, { recursive: true });
  for (const name of dumps) fs.copyFileSync(path.join(scratch, name), path.join(to, name));
}

/** The command's arguments as counted: a node process gets NODE_FLAGS first, then the command's own `nodeFlags`. */
function argsOf(command) {
  return [...(command.cmd === process.execPath ? [...NODE_FLAGS, ...(command.nodeFlags ?? [])] : []), ...command.args];
}

function run(cmd, args, cwd, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (c) => resolve({ code: c, output: out }));
  });
}

function collected(valgrindLog, what) {
  const match = /Collected\s*:\s*([\d,]+)/.exec(valgrindLog);
  if (!match) throw new Error(`callgrind reported no instruction count for ${what}:\n${valgrindLog}`);
  return Number(match[1].replace(/,/g, ""));
}

/** The environment that makes node's esbuild start its service under valgrind, logging into `scratch`. */
function goServiceEnv(scratch) {
  return { ESBUILD_BINARY_PATH: valgrindEsbuildScript(), SSOT_BENCH_GO_LOGS: scratch, GODEBUG: "asyncpreemptoff=1", GOMAXPROCS: "1", GOGC: "off" };
}

/** The Go services' counts; the bench's build script waits for its service to exit, so every log is complete. */
function goInstructions(scratch, command) {
  const logs = fs.readdirSync(scratch).filter((name) => name.startsWith("go-"));
  if (logs.length === 0) throw new Error(`no esbuild service was counted for ${describe(command)}`);
  return logs.reduce((sum, name) => sum + collected(fs.readFileSync(path.join(scratch, name), "utf8"), `esbuild's service (${describe(command)})`), 0);
}

let esbuildScript;
/** A script standing in for esbuild's binary: the real one, under callgrind, with a log per process. */
function valgrindEsbuildScript() {
  if (esbuildScript) return esbuildScript;
  const esbuildDir = path.dirname(createRequire(import.meta.url).resolve("esbuild/package.json"));
  const binary = createRequire(path.join(esbuildDir, "package.json")).resolve(`@esbuild/${process.platform}-${process.arch}/bin/esbuild`);
  esbuildScript = path.join(os.tmpdir(), `ssot-bench-esbuild-under-valgrind-${process.pid}.sh`);
  const log = '"$SSOT_BENCH_GO_LOGS/go-%p.log"';
  fs.writeFileSync(esbuildScript, `#!/bin/sh\nexec ${VALGRIND_BIN} --tool=callgrind --callgrind-out-file=/dev/null --log-file=${log} $SSOT_BENCH_CALLGRIND_FLAGS ${JSON.stringify(binary)} "$@"\n`, { mode: 0o755 });
  process.once("exit", () => fs.rmSync(esbuildScript, { force: true }));
  return esbuildScript;
}

/** Runs tasks (functions returning promises) at most `limit` at a time; results in task order. */
export async function inParallel(tasks, limit) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
