// Runs one command and measures its wall time and peak resident memory.
//
// Peak memory comes from GNU time (`/usr/bin/time -f %M`), not from an in-process launcher, because:
//  - it measures the process from outside, through the kernel's wait4() rusage, so nothing is added to the
//    compiler's own process (no launcher, no exit hook changing how tsc/tspc start or leave);
//  - Linux reports the maximum RSS over the whole reaped process tree, so scenarios whose work happens in a
//    child process (esbuild's Go service, a CLI that forks) are measured the same way as tsc;
//  - the same number (KB of max RSS) for every scenario, whatever language the tool is written in.
// Wall time is taken here with hrtime around the spawn (GNU time's %e only has 10 ms resolution); the
// overhead of the `time` wrapper itself is identical for both sides of a ratio. CPU time (user + system, also
// from GNU time) is recorded beside it: on a shared, overloaded machine it is far less sensitive to other
// processes than wall time, so it is the better check of a wall-time ratio that looks off.

import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const TIME_BIN = "/usr/bin/time";

/**
 * command: { cmd, args, cwd, env?, prepare?(), measuresItself? } — prepare runs before the clock starts (e.g.
 * clearing outDir). measuresItself: the command times the part that is measured (an edit loop's rebuilds, not its
 * first build) and prints it as its last stdout line, JSON { ms, cpuMs }; that replaces the process's own times.
 * Resolves { ms, rssKB, cpuMs (user + system, 10 ms resolution), stdout, stderr }; rejects, with the output, when the command exits non-zero.
 */
export async function measure(command) {
  if (command.prepare) await command.prepare();
  const rssFile = path.join(os.tmpdir(), `ssot-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const args = ["-f", "%M %U %S", "-o", rssFile, command.cmd, ...command.args];
  const started = process.hrtime.bigint();
  const { code, stdout, stderr } = await new Promise((resolve, reject) => {
    const child = spawn(TIME_BIN, args, { cwd: command.cwd, env: { ...process.env, ...command.env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (c) => resolve({ code: c, stdout: out, stderr: err }));
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  let rssKB = NaN;
  let cpuMs = NaN;
  try {
    const text = fs.readFileSync(rssFile, "utf8").trim().split("\n");
    const [rss, user, sys] = text[text.length - 1].split(" ").map(Number);
    rssKB = rss;
    cpuMs = (user + sys) * 1000;
    fs.rmSync(rssFile, { force: true });
  } catch {}
  if (code !== 0) {
    const e = new Error(`command failed (exit ${code}): ${describe(command)}\n${stdout}${stderr}`.trimEnd());
    e.stdout = stdout;
    e.stderr = stderr;
    throw e;
  }
  if (command.measuresItself) return { ...JSON.parse(stdout.trim().split("\n").pop()), rssKB, stdout, stderr };
  // A command that holds more than the part measured (a watch session's cold build) reads its own figures.
  return { ms, rssKB, cpuMs, stdout, stderr, ...command.reading?.(stdout) };
}

export function describe(command) {
  if (command.label) return `(cd ${path.relative(process.cwd(), command.cwd) || "."} && ${command.label})`;
  return `(cd ${path.relative(process.cwd(), command.cwd) || "."} && ${[command.cmd, ...command.args].map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(" ")})`;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

export function summary(xs) {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), values: xs };
}
