// The tsc edit loop (issue 17): what `tspc --watch` costs per rebuild after a one-file edit. Both sides run
// the same ts-patch installed TypeScript in watch mode (bench/lib/tsc-watch-session.mjs), so ts-patch's own
// cost cancels: with = the plugin on the unmigrated tree, without = no plugin on the hand-migrated twin. Only
// the rebuilds are measured: `npm run bench` reads their wall and CPU time from the session itself, and
// `npm run bench:instructions` counts their instructions alone (callgrind's instrumentation is switched on
// just around each rebuild; bench/lib/instructions.mjs). Two edits: one to a file that imports a deprecated
// module (the plugin must rewrite it again), one to a file that does not.

import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { timedOutput } from "../lib/output-dirs.mjs";
import { verifyEquivalentEmit } from "../lib/verify-emit.mjs";
import { measure } from "../lib/measure.mjs";

const PROJECT = { modules: 1000, deprecatedShare: 0.05 };
const SESSION = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "lib", "tsc-watch-session.mjs");
/**
 * Rebuilds measured per session: their sum is the figure. V8's collector and optimising compiler run in lumps
 * of 50–200 M instructions every few rebuilds (a rebuild is ~200 M), so a sum over few rebuilds depends on how
 * many lumps fell inside it: six read 1.150× where twenty read 1.107× for the same code (bench/README.md).
 */
const ROUNDS = 20;
/**
 * Rebuilds before the measured ones, neither timed nor counted (`--watch-warmup N` overrides): a watcher runs all
 * day, and its first rebuilds are dominated by V8 compiling the code only a rebuild runs (see bench/README.md).
 */
const WARMUP = 10;

/**
 * The sessions edit sources, so each side works on its own copy of the generated tree, inside .bench/ (where
 * the plugin resolves as `ssot-imports/tsc`); the generated tree itself stays as generated.
 */
function copiesOf(ctx, project) {
  const root = path.join(ctx.benchDir, "edit-loop-tsc", path.basename(project.dir));
  return { unmigrated: path.join(root, "unmigrated"), migrated: path.join(root, "migrated") };
}

function copyTree(from, to) {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true, filter: (file) => !/[\\/](out|node_modules)$/.test(file) });
}

/** The first file of the tree (sorted) that the twin has too and that does, or does not, name a deprecated module. */
function pickFile(project, importsDeprecated) {
  const names = project.deprecatedModules.map((f) => path.basename(f, ".ts"));
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".ts")) files.push(path.relative(project.unmigrated, full).split(path.sep).join("/"));
    }
  };
  walk(path.join(project.unmigrated, "src"));
  const file = files.find((f) => {
    if (f === project.entryPoint || project.deprecatedModules.includes(f) || !fs.existsSync(path.join(project.migrated, f))) return false;
    const text = fs.readFileSync(path.join(project.unmigrated, f), "utf8");
    return names.some((name) => text.includes(`/${name}"`)) === importsDeprecated;
  });
  if (!file) throw new Error(`no file ${importsDeprecated ? "imports" : "is free of"} a deprecated module in ${project.unmigrated}`);
  return file;
}

function sessionCommand(ctx, dir, pristine, file, outDir) {
  const warmup = ctx.options.watchWarmup ?? WARMUP;
  const rounds = ctx.options.watchRounds ?? ROUNDS;
  const options = { typescript: path.join(ctx.typescript.patched.dir, "lib", "typescript.js"), project: dir, outDir, file, warmup, rounds };
  return {
    cmd: process.execPath,
    args: [SESSION, JSON.stringify(options)],
    cwd: dir,
    label: `node bench/lib/tsc-watch-session.mjs (tsc --watch, ${warmup ? `${warmup} warm-up and ` : ""}${rounds} measured edits of ${file})`,
    // A session that was killed may have left its edit behind.
    prepare: () => {
      fs.rmSync(outDir, { recursive: true, force: true });
      fs.copyFileSync(path.join(pristine, file), path.join(dir, file));
    },
    // The figure is the rebuilds', which the session measures itself; the process also holds the cold build.
    reading: (stdout) => {
      const line = /^ssot-bench:rebuilds (.+)$/m.exec(stdout);
      if (!line) throw new Error(`the watch session printed no rebuild times:\n${stdout}`);
      const { ms, cpuMs } = JSON.parse(line[1]);
      return { ms, cpuMs };
    },
    // bench/lib/instructions.mjs: count the instructions between `ssot-bench:start` and `ssot-bench:stop` only.
    phases: true,
    // Counted only. V8 sizes its heap by the allocation rate per millisecond, so under valgrind, whose speed
    // follows the machine's load, its collections land at other rebuilds from one count to the next: the twin's
    // own 20 rebuilds read 8.15 G and then 7.44 G. This flag makes the heap's limits depend on what is allocated
    // only: two counts of the twin then differed by 1.3% at very different loads (bench/README.md).
    nodeFlags: ctx.options.watchGcSchedule === false ? [] : ["--predictable-gc-schedule"],
  };
}

function editLoopScenario({ name, importsDeprecated }) {
  let file;
  const scenario = {
    name,
    title: `tsc --watch rebuild after an edit to a file that ${importsDeprecated ? "imports" : "does not import"} a deprecated module: ts-patch installed tsc + plugin (unmigrated) / the same tsc (twin)`,
    project: PROJECT,
    targets: { time: 1.1 },
    runs: 5,
    instructions: true,
    setup: (ctx, project) => {
      const copies = copiesOf(ctx, project);
      copyTree(project.unmigrated, copies.unmigrated);
      copyTree(project.migrated, copies.migrated);
      file = pickFile(project, importsDeprecated);
    },
    with: (ctx, project) => sessionCommand(ctx, copiesOf(ctx, project).unmigrated, project.unmigrated, file, timedOutput(ctx, name, "with")),
    without: (ctx, project) => sessionCommand(ctx, copiesOf(ctx, project).migrated, project.migrated, file, timedOutput(ctx, name, "without")),
    verify: async (ctx, project) => {
      const outDirs = { with: path.join(ctx.benchDir, "verify", name, "with"), without: path.join(ctx.benchDir, "verify", name, "without") };
      const copies = copiesOf(ctx, project);
      for (const side of ["with", "without"]) {
        const dir = side === "with" ? copies.unmigrated : copies.migrated;
        await measure(sessionCommand(ctx, dir, side === "with" ? project.unmigrated : project.migrated, file, outDirs[side])).catch((e) => {
          throw new Error(`[${name}] the ${side} watch session fails:\n${e.message}`);
        });
      }
      // After the same edits on both sides, the last rebuild's output must be the twin's.
      const deprecatedOutputs = project.deprecatedModules.map((f) => f.replace(/^src\//, "").replace(/\.ts$/, ""));
      const result = verifyEquivalentEmit({ repo: ctx.repo, withOut: outDirs.with, withoutOut: outDirs.without, deprecatedOutputs });
      const edits = (ctx.options.watchWarmup ?? WARMUP) + (ctx.options.watchRounds ?? ROUNDS);
      return `edited ${file}; after ${edits} rebuilds, ${result.files} emitted files compared with the twin's: ${result.identical} byte-identical, ${result.structural} with identical imports`;
    },
  };
  return scenario;
}

export default [
  editLoopScenario({ name: "edit-loop-tsc-importer", importsDeprecated: true }),
  editLoopScenario({ name: "edit-loop-tsc-unrelated", importsDeprecated: false }),
];
