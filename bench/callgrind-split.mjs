#!/usr/bin/env node
// Splits the counted rebuilds kept by `SSOT_BENCH_KEEP_CALLGRIND=<dir> node bench/instructions.mjs --only
// edit-loop-tsc-…` into what V8 does besides running the code: under `--predictable` its optimizing compiler
// (TurboFan) and its garbage collector run on the main thread, inside the count, where a normal node compiles on a
// background thread. Both are large and erratic from one rebuild to the next (which functions cross an
// optimization threshold, which rebuild an incremental marking lands in), so the remainder, the code's own
// execution ("rest"), is the steadiest view of what the plugin adds (bench/README.md, "The tsc edit loop in
// steady state").
//
//   node bench/callgrind-split.mjs <dir>/unmigrated <dir>/migrated
//
// Each folder holds one side's callgrind.out.<n> dumps (one per rebuild). Needs callgrind_annotate (valgrind).

import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** Inclusive costs that are V8's own work: entry points whose callees are all compiler or collector. */
const PARTS = {
  turbofan: [/^v8::internal::Compiler::CompileOptimized\(/],
  gc: [/^v8::internal::Heap::CollectGarbage\(/, /^v8::internal::IncrementalMarking::Observer::Step\(/, /^v8::internal::Heap::FinalizeIncrementalMarkingAtomically/],
};

function split(file) {
  const text = execFileSync("callgrind_annotate", ["--inclusive=yes", "--threshold=100", file], { encoding: "utf8", maxBuffer: 256 << 20 });
  const parts = { total: 0, turbofan: 0, gc: 0 };
  for (const line of text.split("\n")) {
    const m = /^\s*([\d,]+) \(\s*[\d.]+%\)\s+(?:\?\?\?:)?(.*)$/.exec(line);
    if (!m) continue;
    const n = Number(m[1].replace(/,/g, ""));
    if (m[2].startsWith("PROGRAM TOTALS")) parts.total = n;
    for (const [part, patterns] of Object.entries(PARTS)) if (patterns.some((p) => p.test(m[2]))) parts[part] += n;
  }
  return { ...parts, rest: parts.total - parts.turbofan - parts.gc };
}

const mega = (n) => (n / 1e6).toFixed(0).padStart(5);
for (const dir of process.argv.slice(2)) {
  const dumps = fs.readdirSync(dir).filter((f) => /^callgrind\.out\.\d+$/.test(f)).sort((a, b) => Number(a.split(".").pop()) - Number(b.split(".").pop()));
  if (dumps.length === 0) throw new Error(`no callgrind.out.<n> dumps in ${dir}`);
  const rows = dumps.map((f) => split(path.join(dir, f)));
  console.log(`${dir} (M instructions per counted rebuild, then their sum)`);
  for (const part of ["total", "turbofan", "gc", "rest"]) {
    const sum = rows.reduce((a, r) => a + r[part], 0);
    console.log(`  ${part.padEnd(8)} ${rows.map((r) => mega(r[part])).join(" ")}   = ${(sum / 1e9).toFixed(3)} G`);
  }
}
