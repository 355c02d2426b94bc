#!/usr/bin/env node
// Where the esbuild plugin's time goes, without touching src/: the same build with probe plugins that each do
// one part of what ssotImports() does, each in its own process, measured like the bench (wall, CPU incl. Go).
//
//   node bench/profile-esbuild.mjs [--project .bench/project-m4000-s1/unmigrated] [--mode unbundled|bundle] [--runs 3]
//
// Variants (unbundled): plain; +onLoad no-op for every source file (one Go→JS→Go round trip each, returns
// undefined); +onLoad that also reads the file in JS and returns { watchFiles } (what ssotImports does for a
// file without a deprecated needle); +onResolve for every entry point that calls build.resolve (what
// watch-rules.ts does so that entry points carry the rules file as a watch file); ssotImports().

import * as fs from "node:fs";
import * as path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { measure } from "./lib/measure.mjs";
import { captureSpawnedChildren, reapChildren } from "./lib/spawned-children.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};

if (args[0] === "--child") {
  const { project, mode, variant } = JSON.parse(args[1]);
  const require = createRequire(path.join(REPO, "package.json"));
  const children = captureSpawnedChildren();
  const esbuild = require("esbuild");
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : /\.ts$/.test(e.name) ? [path.join(d, e.name)] : []));
  const entries = mode === "bundle" ? [path.join(project, "src", "main.ts")] : walk(path.join(project, "src"));
  const rules = path.join(project, "ssot-imports.json");
  const probes = {
    plain: [],
    "onload-noop": [{ name: "p", setup: (b) => b.onLoad({ filter: /\.[cm]?[jt]sx?$/, namespace: "file" }, () => undefined) }],
    "onload-read": [{ name: "p", setup: (b) => b.onLoad({ filter: /\.[cm]?[jt]sx?$/, namespace: "file" }, async (a) => { await fs.promises.readFile(a.path, "utf8"); return { watchFiles: [rules] }; }) }],
    "onresolve-entries": [{
      name: "p",
      setup: (b) => {
        const esc = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
        b.onResolve({ filter: new RegExp(`^(?:${entries.map(esc).join("|")})$`) }, async (a) => {
          if (a.kind !== "entry-point" || a.pluginData?.bypass) return undefined;
          const r = await b.resolve(a.path, { kind: "entry-point", resolveDir: a.resolveDir, pluginData: { bypass: true } });
          return { path: r.path, namespace: r.namespace, sideEffects: r.sideEffects, watchFiles: [rules] };
        });
      },
    }],
    ssot: [require("ssot-imports/esbuild").ssotImports()],
  };
  const out = path.join(REPO, ".bench", "profile-esbuild", variant);
  fs.rmSync(out, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: project, entryPoints: entries, platform: "node", target: "es2022", logLevel: "silent", plugins: probes[variant],
    ...(mode === "bundle" ? { bundle: true, format: "esm", outfile: path.join(out, "bundle.mjs") } : { bundle: false, format: "cjs", outbase: path.join(project, "src"), outdir: out }),
  });
  await reapChildren(children, () => esbuild.stop());
} else {
  const project = path.resolve(REPO, flag("--project", ".bench/project-m4000-s1/unmigrated"));
  const mode = flag("--mode", "unbundled");
  const runs = Number(flag("--runs", "3"));
  const variants = mode === "bundle" ? ["plain", "ssot"] : ["plain", "onload-noop", "onload-read", "onresolve-entries", "ssot"];
  const results = Object.fromEntries(variants.map((v) => [v, []]));
  for (let r = 0; r < runs; r++) {
    for (const variant of variants) {
      const m = await measure({ cmd: process.execPath, args: [fileURLToPath(import.meta.url), "--child", JSON.stringify({ project, mode, variant })], cwd: REPO });
      results[variant].push(m);
    }
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const base = { ms: med(results.plain.map((m) => m.ms)), cpu: med(results.plain.map((m) => m.cpuMs)) };
  console.log(`${mode} build of ${path.relative(REPO, project)}, median of ${runs} (wall / CPU incl. esbuild's Go process)`);
  for (const v of variants) {
    const ms = med(results[v].map((m) => m.ms));
    const cpu = med(results[v].map((m) => m.cpuMs));
    console.log(`  ${v.padEnd(18)} wall ${(ms / 1000).toFixed(2)} s (+${((ms - base.ms) / 1000).toFixed(2)} s, ${(ms / base.ms).toFixed(2)}×)   CPU ${(cpu / 1000).toFixed(2)} s (+${((cpu - base.cpu) / 1000).toFixed(2)} s)`);
  }
}
