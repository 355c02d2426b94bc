// esbuild scenarios (issue 3): the ssot-imports esbuild plugin on the unmigrated variant versus a plain esbuild
// build of the hand-migrated twin, bundled (src/main.ts reaches every module, so every importer of a deprecated
// module is in the bundle) and unbundled (every file under src/ is an entry point, as tsup's unbundled mode).
// Each build runs in its own node process (bench/lib/esbuild-build.mjs), so wall time and peak RSS are per build.
//
// Peers (informational): esbuild-plugin-alias and @esbuild-plugins/tsconfig-paths, configured with the path-only
// part of the rules. Neither can rename or split symbols, and tsconfig `paths` never apply to relative
// specifiers; what each one actually achieves on this tree is checked and printed, and only its time is compared.

import * as fs from "node:fs";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { measure } from "../lib/measure.mjs";
import { verifyEquivalentEmit } from "../lib/verify-emit.mjs";
import { timedOutput } from "../lib/output-dirs.mjs";

const PROJECT = { modules: 4000, deprecatedShare: 0.05 };
const BUNDLE = "out-esbuild/bundle.mjs";
const UNBUNDLED = "out-esbuild-unbundled";

function buildCommand(ctx, dir, spec) {
  const args = { cwd: dir, ...spec };
  const out = path.resolve(dir, spec.out);
  return {
    cmd: process.execPath,
    args: [path.join(ctx.repo, "bench", "lib", "esbuild-build.mjs"), JSON.stringify(args)],
    cwd: dir,
    // The JSON argument is long and unreadable in the log: show what it means instead.
    label: `node bench/lib/esbuild-build.mjs ${spec.mode}${spec.plugin ? ` +${spec.plugin}` : ""} → ${spec.out}`,
    prepare: () => fs.rmSync(spec.mode === "bundle" ? path.dirname(out) : out, { recursive: true, force: true }),
    // bench/instructions.mjs counts the Go service this node process starts, too.
    esbuildService: true,
  };
}

const runNode = (file) => execFileSync(process.execPath, [file], { encoding: "utf8", maxBuffer: 256 * 2 ** 20 });

/**
 * Deprecated modules (src/…​.ts paths relative to the project) whose own text is among a metafile's inputs. The
 * plugin answers esbuild's load of an existing deprecated file with its facade, so the path may be listed with
 * the facade's bytes: what counts is whether the file's own bytes were read.
 */
function deprecatedInputs(metafile, project, dir) {
  const inputs = Object.entries(metafile.inputs).map(([f, input]) => [f.split(path.sep).join("/"), input]);
  return project.deprecatedModules.filter((m) => {
    const size = fs.statSync(path.join(dir, m)).size;
    return inputs.some(([i, input]) => (i === m || i.endsWith("/" + m)) && input.bytes === size);
  });
}

async function buildOnce(ctx, project, dir, spec, what) {
  const command = buildCommand(ctx, dir, spec);
  try {
    await measure(command);
  } catch (e) {
    const error = new Error(`${what} fails:\n${e.message}`);
    error.buildOutput = (e.stdout ?? "") + (e.stderr ?? "");
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Peers: the path-only part of the rules, in each peer's own configuration format.

/** Every relative specifier written for a deprecated module in the unmigrated tree, with its file. */
function deprecatedSpecifiers(project) {
  const found = new Map(); // specifier text → deprecated module (src/….ts)
  const stems = new Map(project.deprecatedModules.map((m) => [m.replace(/\.ts$/, ""), m]));
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".ts")) {
        const text = fs.readFileSync(full, "utf8");
        for (const m of text.matchAll(/\bfrom\s+"(\.[^"]+)"/g)) {
          const rel = path.relative(project.unmigrated, path.resolve(path.dirname(full), m[1])).split(path.sep).join("/").replace(/\.js$/, "");
          if (stems.has(rel)) found.set(m[1], stems.get(rel));
        }
      }
    }
  };
  walk(path.join(project.unmigrated, "src"));
  return found;
}

/** Path-only view of the rules: deprecated module → the module its rule sends the module to (chains followed). */
function pathOnlyTargets(project) {
  const rules = JSON.parse(fs.readFileSync(path.join(project.unmigrated, "ssot-imports.json"), "utf8")).rules;
  const norm = (p) => p.replace(/^\.\//, "") + ".ts";
  const targets = new Map();
  for (const rule of rules) {
    let to = rule.to;
    for (let next; (next = rules.find((r) => r.from === to)); ) to = next.to;
    targets.set(norm(rule.from), { to: norm(to), renameFree: !rule.symbols && !rules.some((r) => r.from === rule.to) });
  }
  return targets;
}

function aliasMap(project, { renameFreeOnly }) {
  const targets = pathOnlyTargets(project);
  const map = {};
  for (const [specifier, module] of deprecatedSpecifiers(project)) {
    const t = targets.get(module);
    if (renameFreeOnly && !t.renameFree) continue;
    map[specifier] = path.join(project.unmigrated, t.to);
  }
  return map;
}

function writePathsTsconfig(project) {
  // `paths` keyed by the deprecated modules as their importers write them ("*/legacy/x" → the SSOT module).
  // esbuild-plugins/tsconfig-paths tests each key as an unanchored regex on the specifier and, on a match,
  // asks TypeScript's resolver, which applies `paths` to non-relative specifiers only.
  const paths = {};
  for (const [from, t] of pathOnlyTargets(project)) {
    const stem = from.replace(/^src\//, "").replace(/\.ts$/, "");
    paths[`*/${stem}`] = [`./${t.to.replace(/\.ts$/, "")}`];
  }
  const file = "tsconfig.paths.json";
  fs.writeFileSync(path.join(project.unmigrated, file), JSON.stringify({ compilerOptions: { paths } }, null, 2) + "\n");
  return file;
}

// ---------------------------------------------------------------------------------------------------------

const timedBundle = (ctx, side) => path.join(timedOutput(ctx, "esbuild-bundle", side), "bundle.mjs");
const bundleSpec = (plugin, extra = {}) => ({ mode: "bundle", out: BUNDLE, plugin, ...extra });
const unbundledSpec = (plugin) => ({ mode: "unbundled", out: UNBUNDLED, plugin });

async function verifyBundle(ctx, scenario, project) {
  const vdir = (side) => `../../verify/${scenario.name}/${side}/bundle.mjs`;
  const withOut = vdir("with");
  const twinOut = vdir("twin");
  const plainOut = vdir("plain");
  fs.rmSync(path.join(ctx.benchDir, "verify", scenario.name), { recursive: true, force: true });
  await buildOnce(ctx, project, project.unmigrated, bundleSpec("ssot-imports", { out: withOut, metafile: withOut + ".meta.json" }), "the plugin bundle of the unmigrated tree");
  await buildOnce(ctx, project, project.migrated, bundleSpec(null, { out: twinOut }), "the plain bundle of the twin");
  await buildOnce(ctx, project, project.unmigrated, bundleSpec(null, { out: plainOut }), "the plain bundle of the unmigrated tree");
  const abs = (dir, f) => path.resolve(dir, f);
  const withMeta = JSON.parse(fs.readFileSync(abs(project.unmigrated, withOut + ".meta.json"), "utf8"));
  const left = deprecatedInputs(withMeta, project, project.unmigrated);
  if (left.length > 0) throw new Error(`the plugin bundle still contains deprecated modules: ${left.join(", ")}`);
  const printedWith = runNode(abs(project.unmigrated, withOut));
  const printedTwin = runNode(abs(project.migrated, twinOut));
  const printedPlain = runNode(abs(project.unmigrated, plainOut));
  const lines = printedTwin.trim().split("\n").length;
  if (printedWith !== printedTwin) {
    const a = printedWith.split("\n");
    const b = printedTwin.split("\n");
    const i = a.findIndex((l, n) => l !== b[n]);
    throw new Error(`the plugin bundle prints something else than the twin's bundle (first difference, line ${i + 1}):\n  plugin: ${a[i]}\n  twin:   ${b[i]}`);
  }
  const differs = printedPlain.split("\n").filter((l, n) => l !== printedTwin.split("\n")[n]).length;
  if (differs === 0) throw new Error("the unmigrated tree bundled without the plugin prints what the twin prints: the check above proves nothing");
  ctx.bundleVerify = { lines, plainDiffers: differs };

  // Peers: what each one achieves, stated plainly; their timed build is the one that builds.
  const twinLines = printedTwin.split("\n");
  const peerNotes = [];
  const describePeer = async (name, specFor) => {
    const attempts = specFor();
    const notes = [];
    for (const { label, spec } of attempts) {
      const out = `../../verify/${scenario.name}/${name}-${label.replace(/\W+/g, "-")}/bundle.mjs`;
      try {
        await buildOnce(ctx, project, project.unmigrated, { ...spec, out, metafile: out + ".meta.json" }, `${name} (${label})`);
      } catch (e) {
        const first = (e.buildOutput ?? e.message).split("\n").find((l) => /\[ERROR\]/.test(l)) ?? e.message.split("\n")[0];
        const count = /(\d+) error\(s\)/.exec(e.buildOutput ?? "")?.[1];
        notes.push(`${label}: build FAILS (${count ? `${count} errors, ` : ""}first: ${first.replace(/^\s*✘\s*/, "").trim()})`);
        continue;
      }
      const meta = JSON.parse(fs.readFileSync(abs(project.unmigrated, out + ".meta.json"), "utf8"));
      const kept = deprecatedInputs(meta, project, project.unmigrated);
      const printed = runNode(abs(project.unmigrated, out)).split("\n");
      const wrong = printed.filter((l, n) => l !== twinLines[n]).length;
      notes.push(`${label}: builds; ${kept.length} of ${project.deprecatedModules.length} deprecated modules still bundled; output differs from the twin's on ${wrong} of ${lines} lines`);
      return { spec, notes };
    }
    return { spec: null, notes };
  };
  for (const peer of scenario.peers) {
    const { spec, notes } = await describePeer(peer.name, () => peer.attempts(project));
    peer.chosen = spec;
    peer.verified = notes.join("; ") + (spec ? "" : " → not measured");
    peerNotes.push(`${peer.name}: ${peer.verified}`);
  }
  return `the plugin bundle and the twin's bundle print the same ${lines} lines under node; no deprecated module's own text is among the plugin bundle's inputs (existing ones are facades served at their path); the unmigrated tree bundled without the plugin prints ${differs} lines differently (shared state of the deprecated modules)\n      peers (path-only, no renames): ${peerNotes.join("\n      ")}`;
}

async function verifyUnbundled(ctx, scenario, project) {
  const base = path.join(ctx.benchDir, "verify", scenario.name);
  fs.rmSync(base, { recursive: true, force: true });
  const withOut = path.join(base, "with");
  const twinOut = path.join(base, "twin");
  await buildOnce(ctx, project, project.unmigrated, { ...unbundledSpec("ssot-imports"), out: withOut }, "the plugin's unbundled build of the unmigrated tree");
  await buildOnce(ctx, project, project.migrated, { ...unbundledSpec(null), out: twinOut }, "the plain unbundled build of the twin");
  const deprecatedOutputs = project.deprecatedModules.map((f) => f.replace(/^src\//, "").replace(/\.ts$/, ""));
  const result = verifyEquivalentEmit({ repo: ctx.repo, withOut, withoutOut: twinOut, deprecatedOutputs });
  const printedWith = runNode(path.join(withOut, "main.js"));
  const printedTwin = runNode(path.join(twinOut, "main.js"));
  if (printedWith !== printedTwin) throw new Error("the plugin's unbundled output prints something else than the twin's under node");
  // Say exactly how the non-identical files differ (so far: only esbuild's "use strict" prologue).
  let prologueOnly = 0;
  const strict = '"use strict";\n';
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  for (const file of walk(twinOut)) {
    const twin = fs.readFileSync(file, "utf8");
    const other = path.join(withOut, path.relative(twinOut, file));
    if (!fs.existsSync(other)) continue;
    const mine = fs.readFileSync(other, "utf8");
    if (mine !== twin && (strict + mine === twin || mine === strict + twin)) prologueOnly++;
  }
  return `${result.files} output files compared with the twin's: ${result.identical} byte-identical, ${result.structural} with identical imports/requires${prologueOnly > 0 ? ` (${prologueOnly} of them differ only in the "use strict" prologue, which the plugin build lacks)` : ""}; none requires a deprecated module; node out/main.js prints the same ${printedTwin.trim().split("\n").length} lines on both sides`;
}

const bundleScenario = {
  name: "esbuild-bundle",
  title: "esbuild bundle: true + ssotImports() (unmigrated) / plain esbuild bundle (twin)",
  project: PROJECT,
  targets: { time: 1.03 },
  instructions: true,
  instructionsByDefault: true,
  verify: (ctx, project) => verifyBundle(ctx, bundleScenario, project),
  with: (ctx, project) => buildCommand(ctx, project.unmigrated, bundleSpec("ssot-imports", { out: timedBundle(ctx, "with") })),
  without: (ctx, project) => buildCommand(ctx, project.migrated, bundleSpec(null, { out: timedBundle(ctx, "without") })),
  peers: [
    {
      name: "esbuild-plugin-alias",
      note: "path-only: every deprecated specifier as written → its SSOT module; cannot rename or split symbols",
      attempts: (project) => [
        { label: "all 10 rules, path-only", spec: bundleSpec("alias", { alias: aliasMap(project, { renameFreeOnly: false }) }) },
        { label: "rename-free rules only", spec: bundleSpec("alias", { alias: aliasMap(project, { renameFreeOnly: true }) }) },
      ],
    },
    {
      name: "filter-only",
      note: "not a peer but the floor of redirecting in onResolve, which the plugin does only for deleted modules and bare specifiers (or when reporting imports): its filter, a callback that does nothing, and still every deprecated import crosses to JavaScript and back",
      attempts: () => [{ label: "the plugin's filter, no-op callback", spec: bundleSpec("filter-only") }],
    },
    {
      name: "tsconfig-paths",
      note: "tsconfig `paths` for the deprecated modules; relative specifiers never go through `paths`",
      attempts: (project) => [{ label: "paths for all 10 rules", spec: bundleSpec("tsconfig-paths", { tsconfig: writePathsTsconfig(project) }) }],
    },
  ].map((peer) => Object.assign(peer, {
    // peer.chosen is set by verifyBundle: the first attempt that builds.
    command: (ctx, project) => (peer.chosen ? buildCommand(ctx, project.unmigrated, { ...peer.chosen, out: timedBundle(ctx, peer.name) }) : null),
  })),
};

const unbundledScenario = {
  name: "esbuild-unbundled",
  runs: 5,
  title: "esbuild bundle: false, every file an entry point + ssotImports() (unmigrated) / the same, plain (twin)",
  project: PROJECT,
  targets: { time: 1.03 },
  instructions: true,
  instructionsByDefault: true,
  verify: (ctx, project) => verifyUnbundled(ctx, unbundledScenario, project),
  with: (ctx, project) => buildCommand(ctx, project.unmigrated, { ...unbundledSpec("ssot-imports"), out: timedOutput(ctx, "esbuild-unbundled", "with") }),
  without: (ctx, project) => buildCommand(ctx, project.migrated, { ...unbundledSpec(null), out: timedOutput(ctx, "esbuild-unbundled", "without") }),
  peers: [
    {
      name: "load-floor",
      note: "not a peer but the floor of any onLoad-based rewrite: every entry file read once at set-up, and the ones that name a deprecated module (the plugin's own needle test) handed back through onLoad unchanged (wrong output; time only)",
      command: (ctx, project) => buildCommand(ctx, project.unmigrated, { ...unbundledSpec("load-floor"), out: timedOutput(ctx, "esbuild-unbundled", "load-floor") }),
    },
  ],
};

export default [bundleScenario, unbundledScenario];
