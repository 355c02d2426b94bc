import type { Io } from "./io";

const DELAY_MS = 1000;
const REDRAW_MS = 100;

export interface Progress {
  tick(done: number, total: number): void;
  done(): void;
}

/**
 * A one-line counter on stderr for runs that take over a second, on a terminal only: quick runs and CI logs
 * stay clean, and stdout (which may be JSON or SARIF) is never touched. The scan is synchronous, so the clock
 * is read on each tick rather than from a timer that could not fire.
 */
export function createProgress(io: Io, label: string): Progress {
  const now = io.now ?? Date.now;
  const start = now();
  let lastDraw = 0;
  let shown = false;
  if (io.stderr.isTTY !== true) return { tick() {}, done() {} };
  return {
    tick(done, total) {
      const t = now();
      if (t - start < DELAY_MS || t - lastDraw < REDRAW_MS) return;
      lastDraw = t;
      shown = true;
      io.stderr.write(`\r\x1b[2K${label} ${done}/${total} files`);
    },
    done() {
      if (shown) io.stderr.write("\r\x1b[2K");
    },
  };
}
