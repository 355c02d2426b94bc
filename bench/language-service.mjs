#!/usr/bin/env node
// `npm run bench:language-service`: what the tsserver plugin costs an editor where it is felt most, the
// semantic diagnostics of the file being edited, requested after each keystroke-sized edit.
//
// Three real tsservers run side by side on a generated tree (bench/generate.mjs, 1,000 modules by default):
//   with:    the unmigrated tree, its tsconfig naming ssot-imports/language-service (deprecated imports resolve
//            to facades; the edited file gets its deprecation hints and plan);
//   without: the same tree without the plugin (its deprecated modules still exist, so it type-checks too);
//   twin:    the hand-migrated twin, no plugin: what the editor does once the migration is done (10 files fewer).
// Each round edits the same file in each (an appended line, then its removal) and times one
// `semanticDiagnosticsSync` each, in rotating order, so the machine's load falls on every side alike. The
// figures are ratios of medians to `without` (and the median of the rounds' own ratios). Before measuring, all
// servers must report the same diagnostics for the file (none: the tree type-checks).
//
//   node bench/language-service.mjs [--modules 1000] [--rounds 60] [--file importer|regular] [--version 6.0|5.9] [--third twin|with]

import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "./generate.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const modules = Number(option("modules", 1000));
const rounds = Number(option("rounds", 60));
const which = option("file", "importer");
const version = option("version", "6.0");
// `--third with`: a second plugin server instead of the twin, to see how far two identical servers differ.
const third = option("third", "twin");
const TYPESCRIPT = { "6.0": "typescript", "5.9": "typescript-5.9" }[version];
const log = (line) => process.stderr.write(line + "\n");

/** A tsserver over stdio: `Content-Length`-framed JSON out, one JSON request per line in. */
class Server {
  constructor(probe, name) {
    this.seq = 0;
    this.pending = new Map();
    this.buffer = Buffer.alloc(0);
    const tsserver = path.join(REPO, "node_modules", TYPESCRIPT, "lib", "tsserver.js");
    // BENCH_TSSERVER_LOGS=<folder>: each server's log there (its updateGraphWorker lines say where time goes).
    this.logFile = path.join(process.env.BENCH_TSSERVER_LOGS ?? fs.mkdtempSync(path.join(os.tmpdir(), "ssot-bench-ls-")), `tsserver-${name}.log`);
    const logs = ["--logVerbosity", "normal", "--logFile", this.logFile];
    // SSOT_IMPORTS_LS_PROFILE: the plugin adds up the time of its own work and logs it (only the side that has it).
    const env = { ...process.env, SSOT_IMPORTS_LS_PROFILE: "1" };
    this.child = spawn(process.execPath, [tsserver, "--disableAutomaticTypingAcquisition", "--pluginProbeLocations", probe, ...logs], { stdio: ["pipe", "pipe", "inherit"], env });
    this.child.stdout.on("data", (chunk) => this.receive(chunk));
  }
  request(command, args) {
    const seq = ++this.seq;
    this.child.stdin.write(JSON.stringify({ seq, type: "request", command, arguments: args }) + "\n");
    return new Promise((resolve, reject) => this.pending.set(seq, { resolve, reject }));
  }
  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const header = this.buffer.indexOf("\r\n\r\n");
      if (header < 0) return;
      const length = Number(/Content-Length: (\d+)/.exec(this.buffer.subarray(0, header).toString())[1]);
      if (this.buffer.length < header + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(header + 4, header + 4 + length).toString());
      this.buffer = this.buffer.subarray(header + 4 + length);
      const waiting = message.type === "response" && this.pending.get(message.request_seq);
      if (!waiting) continue;
      this.pending.delete(message.request_seq);
      if (message.success) waiting.resolve(message.body);
      else waiting.reject(new Error(`${message.command}: ${message.message}`));
    }
  }
  /** The plugin's own time so far (ms), from its last profile line in the log. */
  pluginMs() {
    const lines = [...fs.readFileSync(this.logFile, "utf8").matchAll(/ssot-imports: profile: ([\d.]+) ms/g)];
    return lines.length > 0 ? Number(lines[lines.length - 1][1]) : undefined;
  }
  /** CPU time the server process has used so far (Linux), in ms; undefined elsewhere. */
  cpuMs() {
    try {
      const fields = fs.readFileSync(`/proc/${this.child.pid}/stat`, "utf8").split(") ")[1].split(" ");
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
    } catch {
      return undefined;
    }
  }
  close() {
    this.child.kill();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function side(name, root, relative) {
  const file = path.join(root, relative);
  const server = new Server(path.join(REPO, ".bench"), name);
  await server.request("updateOpen", { openFiles: [{ file }] });
  const lines = fs.readFileSync(file, "utf8").split("\n").length;
  let edited = false;
  return {
    name,
    server,
    async diagnostics() {
      return (await server.request("semanticDiagnosticsSync", { file })).map((d) => `${d.start.line}:${d.start.offset} TS${d.code}`);
    },
    /** One edit (a line appended, or removed again), then the timed request. */
    async editAndCheck() {
      const edit = edited
        ? { start: { line: lines, offset: 1 }, end: { line: lines + 1, offset: 1 }, newText: "" }
        : { start: { line: lines, offset: 1 }, end: { line: lines, offset: 1 }, newText: "export const editedByBench = 1;\n" };
      edited = !edited;
      await server.request("updateOpen", { changedFiles: [{ fileName: file, textChanges: [edit] }] });
      const start = process.hrtime.bigint();
      await server.request("semanticDiagnosticsSync", { file });
      return Number(process.hrtime.bigint() - start) / 1e6;
    },
  };
}

async function main() {
  const project = generate({ modules });
  // The plugin as a user installs it: .bench/node_modules/ssot-imports (bench/lib/context.mjs makes the same link).
  const link = path.join(REPO, ".bench", "node_modules", "ssot-imports");
  if (!fs.existsSync(path.join(link, "package.json"))) {
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.rmSync(link, { force: true });
    fs.symlinkSync(path.relative(path.dirname(link), REPO), link, "dir");
  }
  const copy = (name, plugins) => {
    const dir = path.join(project.dir, name);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.cpSync(project.unmigrated, dir, { recursive: true });
    const config = JSON.parse(fs.readFileSync(path.join(dir, "tsconfig.json"), "utf8"));
    config.compilerOptions.plugins = plugins;
    fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(config, null, 2));
    return dir;
  };
  const withDir = copy("language-service", [...JSON.parse(fs.readFileSync(path.join(project.unmigrated, "tsconfig.json"), "utf8")).compilerOptions.plugins, { name: "ssot-imports/language-service" }]);
  const withoutDir = copy("language-service-without", []);

  // The edited file: one that imports a deprecated module (the plugin's whole work per edit), or one that does not
  // (src/main.ts, which imports every module, is left out: its checks take most of a second on either side).
  const sources = fs.readdirSync(path.join(withDir, "src"), { recursive: true }).map((f) => `src/${String(f).split(path.sep).join("/")}`).filter((f) => f.endsWith(".ts"));
  const importsDeprecated = (f) => project.deprecatedModules.some((d) => fs.readFileSync(path.join(withDir, f), "utf8").includes(path.basename(d, ".ts")));
  const relative = sources.filter((f) => f !== project.entryPoint && !project.deprecatedModules.includes(f) && fs.existsSync(path.join(project.migrated, f))).find((f) => (which === "importer") === importsDeprecated(f));
  log(`tree: ${project.modules.unmigrated} modules (twin ${project.modules.migrated}); edited file ${relative} (${which}); TypeScript ${version}; ${rounds} rounds`);

  const sides = [
    await side("with", withDir, relative),
    await side("without", withoutDir, relative),
    third === "with" ? await side("with-again", withDir, relative) : await side("twin", project.migrated, relative),
  ];
  try {
    const first = await Promise.all(sides.map((s) => s.diagnostics()));
    if (first.some((d) => JSON.stringify(d) !== JSON.stringify(first[0]))) throw new Error(`the sides disagree on ${relative}: ${JSON.stringify(first)}`);
    log(`both sides report the same diagnostics for ${relative}: ${JSON.stringify(first[0])}`);
    for (let i = 0; i < 4; i++) for (const s of sides) await s.editAndCheck(); // warm-up
    const times = sides.map(() => []);
    const cpuBefore = sides.map((s) => s.server.cpuMs());
    const pluginBefore = sides[0].server.pluginMs();
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < sides.length; k++) {
        const i = (round + k) % sides.length;
        times[i].push(await sides[i].editAndCheck());
      }
    }
    const cpu = sides.map((s, i) => (s.server.cpuMs() ?? NaN) - (cpuBefore[i] ?? NaN));
    // The profile line is written when a request starts: one more request brings the last round's work in.
    await sides[0].diagnostics();
    const pluginMsPerRound = ((sides[0].server.pluginMs() ?? NaN) - (pluginBefore ?? NaN)) / rounds;
    const medians = Object.fromEntries(sides.map((s, i) => [s.name, median(times[i])]));
    const ratio = (i) => ({ ofMedians: median(times[i]) / median(times[1]), medianOfRounds: median(times[i].map((t, r) => t / times[1][r])) });
    const result = { modules, rounds, file: relative, kind: which, typescript: version, medianMs: medians, withVsWithout: ratio(0), [`${sides[2].name}VsWithout`]: ratio(2), cpuMs: Object.fromEntries(sides.map((s, i) => [s.name, cpu[i]])), cpuWithVsWithout: cpu[0] / cpu[1], [`cpu${sides[2].name}VsWithout`]: cpu[2] / cpu[1], pluginOwnMsPerEdit: pluginMsPerRound, pluginOwnShareOfWithout: pluginMsPerRound / median(times[1]) };
    console.log(JSON.stringify(result, null, 2));
    fs.writeFileSync(path.join(REPO, ".bench", `language-service-${which}.json`), JSON.stringify({ ...result, times }, null, 2));
  } finally {
    for (const s of sides) s.server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
