#!/usr/bin/env node
// The tsc plugin's own cold-build cost, phase by phase, in instructions (valgrind callgrind, node --predictable,
// as bench/instructions.mjs counts). A full `tsc` count takes ~20 CPU-minutes per side under valgrind, and the
// plugin's share is a difference of two such counts. Here one node process builds the Program as tsc does (no
// check, no emit), then runs one phase of the plugin inside a JSON.parse reviver: callgrind collects only while
// V8's C++ reviver call (JsonParseInternalizer::Internalize) is on the stack, so the count is that phase's alone.
// Neither TypeScript nor the plugin parses JSON with a reviver, so nothing else is collected.
//
//   plugin       require the plugin (dist/tsc) and apply it: the whole cold share
//   apply        apply it only (required before the phase)
//   no-rebuild   apply it with its second ts.createProgram answered by the first Program: rules, matcher, scan,
//                plan, rewrite (the export check then runs on the first Program)
//   reuse-floor  a second createProgram with oldProgram whose host serves every first-Program SourceFile
//                unchanged: the least a second Program can cost (TypeScript reuses the structure completely)
//   safe-floor   the same, but with one file's import changed: the structure is then reused only "safely",
//                and TypeScript walks the whole file graph again, as it must for any rewrite of an import
//   program-plain   the Program itself, as tsc makes it: tsconfig parsed, compiler host, createProgram (no plugin)
//   read-time       the same through `ssot-imports-tsc`'s system (src/tsc/rewriting-system.ts: files rewritten
//                   as they are read), plugin loaded and applied to that one Program; minus program-plain, the
//                   plugin's whole cold share in that design
//   read-time-rewrite   of read-time, the rewriting alone: every root file read through the plugin's system (texts
//                   served from memory; plugin loaded, system made and tsconfig parsed by tsc's side before)
//
//   node bench/plugin-phases.mjs [--modes plugin,no-rebuild,…] [--jobs N] [--project DIR] [--dist DIR]
//
// --project: default the `tsc` scenario's tree (.bench/project-m1000-s1/unmigrated; `npm run bench:instructions
// -- --only tsc` generates it). --dist: a copy of dist/ to count (main's build, say), so that the worktree can be
// rebuilt meanwhile. --jobs: modes counted at once (default 1).

import { spawn } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { inParallel, VALGRIND_BIN, warmUp } from "./lib/instructions.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MODES = ["plugin", "apply", "no-rebuild", "reuse-floor", "safe-floor", "safe-floor-unchecked", "program-plain", "read-time", "read-time-rewrite"];
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const projectDir = path.resolve(REPO, flag("--project", ".bench/project-m1000-s1/unmigrated"));
const distDir = path.resolve(REPO, flag("--dist", "dist"));

if (flag("--child")) runChild(flag("--child"));
else await countModes((flag("--modes") ?? MODES.join(",")).split(","), Number(flag("--jobs", "1")));

async function countModes(modes, jobs) {
  const unknown = modes.filter((m) => !MODES.includes(m));
  if (unknown.length) throw new Error(`unknown mode ${unknown.join(", ")}; modes: ${MODES.join(", ")}`);
  await inParallel(
    modes.map((mode) => async () => {
      const command = { cmd: process.execPath, args: [fileURLToPath(import.meta.url), "--child", mode, "--project", projectDir, "--dist", distDir], cwd: REPO };
      await warmUp(command);
      const started = Date.now();
      const count = await countPhase(command);
      console.log(`${mode.padEnd(12)} ${(count / 1e9).toFixed(4)} G   (${path.relative(REPO, distDir) || "."}, ${Math.round((Date.now() - started) / 1000)} s under valgrind)`);
    }),
    jobs,
  );
}

async function countPhase(command) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "ssot-plugin-phases-"));
  const logFile = path.join(scratch, "callgrind.log");
  try {
    const valgrindArgs = [
      "--tool=callgrind",
      "--smc-check=all-non-file",
      "--collect-atstart=no",
      "--toggle-collect=v8::internal::JsonParseInternalizer::Internalize(*",
      "--callgrind-out-file=/dev/null",
      `--log-file=${logFile}`,
      command.cmd,
      "--predictable",
      ...command.args,
    ];
    const output = await new Promise((resolve, reject) => {
      const child = spawn(VALGRIND_BIN, valgrindArgs, { cwd: command.cwd, stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
      child.on("error", reject);
      child.on("close", (code) => (code === 0 && !out.trim() ? resolve(out) : reject(new Error(`phase count failed (exit ${code}):\n${out}`))));
    });
    const match = /Collected\s*:\s*([\d,]+)/.exec(fs.readFileSync(logFile, "utf8"));
    if (!match) throw new Error(`callgrind reported no count:\n${output}`);
    return Number(match[1].replace(/,/g, ""));
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Runs `phase` inside V8's C++ reviver call, the only code callgrind collects. */
function measured(phase) {
  let result;
  JSON.parse("0", (_key, value) => {
    result = phase();
    return value;
  });
  return result;
}

function runChild(mode) {
  const require = createRequire(path.join(REPO, "package.json"));
  const ts = require("typescript");
  const fail = (d) => {
    throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  };
  if (mode === "program-plain" || mode === "read-time") return oneProgram(ts, require, mode, fail);
  if (mode === "read-time-rewrite") return readTimeRewrite(ts, require, fail);
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(projectDir, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: fail });
  const host = ts.createCompilerHost(parsed.options);
  // As tsc sets it: JSDoc is parsed only where it can cause type errors.
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, host, projectReferences: parsed.projectReferences });
  if (mode.endsWith("-floor") || mode === "safe-floor-unchecked") {
    const options = mode === "safe-floor-unchecked" ? { ...parsed.options, suppressOutputPathCheck: true } : parsed.options;
    return secondProgram(ts, program, host, options, mode !== "reuse-floor");
  }
  const loadPlugin = () => require(path.join(distDir, "tsc", "index.js")).default;
  const plugin = mode === "plugin" ? undefined : loadPlugin();
  const pluginTs = mode === "no-rebuild" ? Object.create(ts, { createProgram: { value: (o) => o.oldProgram } }) : ts;
  const result = measured(() => (plugin ?? loadPlugin())(program, host, parsed.options.plugins[0], { ts: pluginTs }));
  const diagnostics = result.getOptionsDiagnostics().filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (diagnostics.length) fail(diagnostics[0]);
  if (mode !== "no-rebuild" && result === program) throw new Error(`${mode}: nothing was rewritten, so nothing was measured`);
}

function secondProgram(ts, program, host, options, changeOneImport) {
  const byName = new Map(program.getSourceFiles().map((f) => [f.fileName, f]));
  const importer = program.getRootFileNames().map((name) => byName.get(name)).find((f) => /^import .* from "\.\//m.test(f.text));
  const changed = changeOneImport && ts.createSourceFile(importer.fileName, importer.text.replace(/from "\.\//, 'from "././'), options.target, false);
  const serving = Object.assign(Object.create(host), {
    getSourceFile: (name, ...rest) => (changed && name === importer.fileName ? changed : byName.get(name) ?? host.getSourceFile(name, ...rest)),
  });
  const again = measured(() => ts.createProgram({ rootNames: program.getRootFileNames(), options, host: serving, oldProgram: program }));
  const expected = changeOneImport ? ts.StructureIsReused?.SafeModules ?? 1 : ts.StructureIsReused?.Completely ?? 2;
  if (again.structureIsReused !== expected) throw new Error(`second Program: structure reuse ${again.structureIsReused}, expected ${expected}`);
}

/** Config, host and Program as tsc's performCompilation makes them; with `read-time`, through the plugin's system. */
function oneProgram(ts, require, mode, fail) {
  const args = ["-p", projectDir];
  const result = measured(() => {
    const plugin = mode === "read-time" ? require(path.join(distDir, "tsc", "index.js")) : undefined;
    const system = plugin ? plugin.rewritingSystem(ts, ts.sys, args) : ts.sys;
    const parsed = ts.getParsedCommandLineOfConfigFile(path.join(projectDir, "tsconfig.json"), {}, { ...system, onUnRecoverableConfigFileDiagnostic: fail });
    const host = ts.createCompilerHostWorker(parsed.options, undefined, system);
    host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, host, projectReferences: parsed.projectReferences });
    const final = plugin ? plugin.default(program, host, parsed.options.plugins[0], { ts }) : program;
    return { program, final };
  });
  const diagnostics = result.final.getOptionsDiagnostics().filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (diagnostics.length) fail(diagnostics[0]);
  if (mode === "read-time" && result.final !== result.program) throw new Error("read-time: the plugin made a second Program");
  const rewritten = result.program.getSourceFiles().filter((f) => !f.fileName.includes("/node_modules/") && f.text !== fs.readFileSync(f.fileName, "utf8"));
  if ((mode === "read-time") !== rewritten.length > 0) throw new Error(`${mode}: ${rewritten.length} files read rewritten`);
}

function readTimeRewrite(ts, require, fail) {
  const plugin = require(path.join(distDir, "tsc", "index.js"));
  const texts = new Map();
  const inner = { ...ts.sys, readFile: (f, e) => (texts.has(f) ? texts.get(f) : ts.sys.readFile(f, e)) };
  const system = plugin.rewritingSystem(ts, inner, ["-p", projectDir]);
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(projectDir, "tsconfig.json"), {}, { ...system, onUnRecoverableConfigFileDiagnostic: fail });
  for (const file of parsed.fileNames) texts.set(file, ts.sys.readFile(file));
  const changed = measured(() => parsed.fileNames.filter((file) => system.readFile(file) !== texts.get(file)).length);
  if (changed === 0) throw new Error("read-time-rewrite: nothing rewritten");
}
