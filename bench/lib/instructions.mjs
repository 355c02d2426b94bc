// Counts the instructions one command executes, under valgrind's callgrind. Unlike wall or CPU time, the count
// does not depend on what else the machine is doing: the same build gives the same count within ~0.05%, on a
// machine where two identical tsc builds differ by 15–20% in time. The price is speed (~50× slower), and
// that only single-process, valgrind-friendly programs can be counted (tsc yes; esbuild's Go service no).

import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe } from "./measure.mjs";

export const VALGRIND_BIN = "valgrind";

/**
 * V8's background threads (concurrent compilation and marking) finish at different points of the main
 * thread's work from run to run, and under valgrind even more so: identical tsc builds then differ by 0.5–14%
 * in instructions. `--predictable` does that work on the main thread, in the same order every time: two
 * identical builds then differ by 0.04%. It slows the build alike on both sides, so the ratio stays the tool's.
 */
const NODE_FLAGS = ["--predictable"];

/** command: as for measure(). Resolves { instructions }; rejects, with the output, when the command fails or prints anything. */
export async function countInstructions(command) {
  if (command.prepare) await command.prepare();
  const logFile = path.join(os.tmpdir(), `ssot-bench-callgrind-${process.pid}-${Math.random().toString(36).slice(2)}.log`);
  const args = [
    "--tool=callgrind",
    // V8 writes and patches machine code at run time; valgrind must notice, or it runs stale translations.
    "--smc-check=all-non-file",
    "--callgrind-out-file=/dev/null",
    `--log-file=${logFile}`,
    command.cmd,
    ...(command.cmd === process.execPath ? NODE_FLAGS : []),
    ...command.args,
  ];
  const { code, output } = await new Promise((resolve, reject) => {
    const child = spawn(VALGRIND_BIN, args, { cwd: command.cwd, env: { ...process.env, ...command.env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (c) => resolve({ code: c, output: out }));
  });
  const valgrindLog = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : "";
  fs.rmSync(logFile, { force: true });
  if (code !== 0 || output.trim()) throw new Error(`command failed (exit ${code}) under valgrind: ${describe(command)}\n${output}${valgrindLog}`.trimEnd());
  const collected = /Collected\s*:\s*([\d,]+)/.exec(valgrindLog);
  if (!collected) throw new Error(`callgrind reported no instruction count for ${describe(command)}:\n${valgrindLog}`);
  return { instructions: Number(collected[1].replace(/,/g, "")) };
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
