// Where timed builds write their output. Creating ~2,000–4,000 fresh files on this kind of machine's disk is
// the noisiest part of a build (one CPU profile of tsc spent 1.6 s in open(), the next 2.8 s), and it has
// nothing to do with ssot-imports. So timed runs write to a tmpfs (/dev/shm) when there is one, both sides
// alike; verification builds still write inside the project, where their output is compared.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const TMPFS = "/dev/shm";

/** A fresh folder for one bench run's timed output; removed when the process exits. */
export function createOutputRoot() {
  const base = isWritableDir(TMPFS) ? TMPFS : os.tmpdir();
  const root = fs.mkdtempSync(path.join(base, "ssot-imports-bench-"));
  process.on("exit", () => fs.rmSync(root, { recursive: true, force: true }));
  return { root, onTmpfs: base === TMPFS };
}

/** The timed output folder of one side of a scenario (`with`, `without`, or a peer's name). */
export function timedOutput(ctx, scenario, side) {
  return path.join(ctx.output.root, scenario, side.replace(/[^\w.-]+/g, "-"));
}

function isWritableDir(dir) {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
