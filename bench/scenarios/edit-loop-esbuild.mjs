// The esbuild edit loop (issue 17): a `context()` kept open, a one-file edit, `ctx.rebuild()`. Only the rebuilds
// are measured (bench/lib/esbuild-rebuild.mjs: the process reports their time itself, and under
// bench/instructions.mjs switches callgrind's instrumentation on around them only). With: the plugin on the
// unmigrated tree; without: no plugin on the hand-migrated twin; each side edits the same file of its own tree.
// Two kinds of edit: a file that imports a deprecated module, and one that imports none.
//
// Each scenario has its own copy of the generated tree: its builds edit files, and bench/instructions.mjs runs
// every side of every scenario at once.

import * as fs from "node:fs";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { timedOutput } from "../lib/output-dirs.mjs";

const MODULES = 4000;
const REBUILDS = 3;

/** The first file (sorted) that imports a deprecated module, or the first that imports none; never main.ts. */
function editedFile(project, importer) {
  const src = path.join(project.unmigrated, "src");
  const deprecated = new Set(project.deprecatedModules.map((m) => path.join(project.unmigrated, m)));
  const files = fs.readdirSync(src, { recursive: true }).filter((f) => f.endsWith(".ts")).map((f) => path.join(src, f)).sort();
  const importsDeprecated = (file) =>
    [...fs.readFileSync(file, "utf8").matchAll(/\bfrom\s+"(\.[^"]+)"/g)].some((m) => deprecated.has(path.resolve(path.dirname(file), m[1]).replace(/\.js$/, "") + ".ts"));
  const file = files.find((f) => !deprecated.has(f) && path.basename(f) !== "main.ts" && importsDeprecated(f) === importer);
  if (!file) throw new Error(`no ${importer ? "importer of a deprecated module" : "file free of deprecated imports"} in ${src}`);
  return path.relative(project.unmigrated, file).split(path.sep).join("/");
}

function rebuildCommand(ctx, dir, spec) {
  return {
    cmd: process.execPath,
    args: [path.join(ctx.repo, "bench", "lib", "esbuild-rebuild.mjs"), JSON.stringify({ cwd: dir, rebuilds: REBUILDS, ...spec })],
    cwd: dir,
    label: `node bench/lib/esbuild-rebuild.mjs ${spec.mode}${spec.plugin ? ` +${spec.plugin}` : ""}, edit ${spec.edit} × ${REBUILDS}`,
    prepare: () => fs.rmSync(spec.mode === "bundle" ? path.dirname(spec.out) : spec.out, { recursive: true, force: true }),
    esbuildService: true,
    // The process prints the rebuilds' own time; bench/instructions.mjs counts them only.
    measuresItself: true,
    callgrindToggled: true,
  };
}

/**
 * The floor edits the same file as the plugin's side and may run at the same time (bench/instructions.mjs runs
 * the sides at once), so it works on its own copy of the unmigrated tree. The copy is made afresh by `verify`,
 * which runs before any side (a copy taken while a side edits could catch a half-written file).
 */
const floorTree = (project) => path.join(path.dirname(project.unmigrated), "unmigrated-floor");

function copyFloorTree(project) {
  fs.rmSync(floorTree(project), { recursive: true, force: true });
  fs.cpSync(project.unmigrated, floorTree(project), { recursive: true });
}

function floorCommand(ctx, project, spec) {
  const command = rebuildCommand(ctx, floorTree(project), { ...spec, plugin: "load-floor" });
  const prepare = command.prepare;
  command.prepare = () => {
    if (!fs.existsSync(floorTree(project))) copyFloorTree(project);
    prepare();
  };
  return command;
}

function scenario({ name, mode, importer }) {
  const specOf = (ctx, project, side) => {
    const out = timedOutput(ctx, name, side);
    // Unbundled, every side compiles the twin's files: the unmigrated tree's deprecated modules, which nothing
    // imports once rewritten, would otherwise be compiled by the plugin's side only (1% of the files).
    const entriesLike = mode === "unbundled" && side !== "without" && side !== "verify-without" ? project.migrated : undefined;
    return { mode, edit: editedFile(project, importer), out: mode === "bundle" ? path.join(out, "bundle.mjs") : out, ...(entriesLike && { entriesLike }) };
  };
  const self = {
    name,
    title: `esbuild ${mode === "bundle" ? "bundle: true" : "bundle: false"}, context().rebuild() after editing a file that imports ${importer ? "a deprecated module" : "none"}: + ssotImports() (unmigrated) / plain (twin)`,
    project: { modules: MODULES, deprecatedShare: 0.05, out: `.bench/edit-loop/${name}` },
    targets: { time: 1.05 },
    runs: 5,
    instructions: true,
    verify: (ctx, project) => verify(ctx, project, self, specOf),
    with: (ctx, project) => rebuildCommand(ctx, project.unmigrated, { ...specOf(ctx, project, "with"), plugin: "ssot-imports" }),
    without: (ctx, project) => rebuildCommand(ctx, project.migrated, { ...specOf(ctx, project, "without"), plugin: null }),
    peers:
      mode === "unbundled"
        ? [
            {
              name: "load-floor",
              note: "not a peer but the floor of any onLoad-based rewrite at a rebuild: the files that name a deprecated module read again and handed back through onLoad unchanged (wrong output; count only)",
              command: (ctx, project) => floorCommand(ctx, project, specOf(ctx, project, "load-floor")),
            },
          ]
        : [],
  };
  return self;
}

/** Both sides' last rebuild (after the edit) runs under node and prints the same lines. */
function verify(ctx, project, self, specOf) {
  const printed = {};
  const outputs = {};
  for (const [side, dir, plugin] of [["with", project.unmigrated, "ssot-imports"], ["without", project.migrated, null]]) {
    const spec = { ...specOf(ctx, project, `verify-${side}`), plugin };
    execFileSync(process.execPath, [path.join(ctx.repo, "bench", "lib", "esbuild-rebuild.mjs"), JSON.stringify({ cwd: dir, rebuilds: 1, warmup: 0, ...spec })], { encoding: "utf8" });
    const main = spec.mode === "bundle" ? spec.out : path.join(spec.out, "main.js");
    printed[side] = execFileSync(process.execPath, [main], { encoding: "utf8", maxBuffer: 256 * 2 ** 20 });
    if (spec.mode !== "bundle") outputs[side] = fs.readdirSync(spec.out, { recursive: true }).sort().join("\n");
    fs.rmSync(spec.mode === "bundle" ? path.dirname(spec.out) : spec.out, { recursive: true, force: true });
  }
  if (self.peers.length > 0) copyFloorTree(project);
  if (outputs.with !== outputs.without) throw new Error(`[${self.name}] the plugin's rebuild writes other files than the twin's`);
  if (printed.with !== printed.without) throw new Error(`[${self.name}] after the edit, the plugin's rebuild prints something else than the twin's`);
  return `after editing ${specOf(ctx, project, "with").edit}, both rebuilds print the same ${printed.with.trim().split("\n").length} lines under node`;
}

export default [
  scenario({ name: "edit-loop-esbuild", mode: "bundle", importer: true }),
  scenario({ name: "edit-loop-esbuild-regular", mode: "bundle", importer: false }),
  scenario({ name: "edit-loop-esbuild-unbundled", mode: "unbundled", importer: true }),
  scenario({ name: "edit-loop-esbuild-unbundled-regular", mode: "unbundled", importer: false }),
];
