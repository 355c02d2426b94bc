#!/usr/bin/env node
// Deterministic generator of a synthetic TypeScript codebase in the middle of a migration, in two variants:
//
//   <out>/unmigrated/  deprecated modules present, importers still import them, ssot-imports.json, and a
//                      tsconfig.json with the ssot-imports plugin (plus tsconfig.noplugin.json, the same without it)
//   <out>/migrated/    the hand-migrated twin: importers import the SSOT modules exactly as the tool rewrites
//                      them (same specifier style, `new as old` aliases, split statements on the same line),
//                      deprecated modules deleted, tsconfig.json without the plugin
//
// Usage: node bench/generate.mjs [--modules 1000] [--deprecated-share 0.05] [--seed 1] [--out .bench/project-m1000-s1]
// Also importable: `generate(options)` returns the manifest (what run.mjs uses).
//
// The twin's import text mirrors src/plan/ (plan-declaration.ts, plan-namespace.ts, specifier.ts) on purpose:
// bench/run.mjs checks that the plugin build emits the same JS as the twin, so any drift shows up loudly.

import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { apiBody, mainModule, regularModule } from "./lib/generator/code.mjs";
import { importTexts, makeSites } from "./lib/generator/imports.mjs";
import { rng } from "./lib/generator/rng.mjs";
import { ruleSpecs, rulesJson } from "./lib/generator/rules.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const GENERATOR_VERSION = 3;

export const DEFAULTS = { modules: 1000, deprecatedShare: 0.05, seed: 1, out: undefined };

const DOMAINS = ["core", "models", "services", "handlers", "agents", "quality", "utils", "infra", "api", "storage"];
const NOUNS = ["session", "message", "user", "channel", "queue", "report", "metric", "policy", "token", "cache", "route", "event", "job", "audit", "quota", "profile"];

// ---------------------------------------------------------------------------------------------------------

export function generate(options = {}) {
  const opts = { ...DEFAULTS, ...options };
  const out = path.resolve(REPO, opts.out ?? `.bench/project-m${opts.modules}-s${opts.seed}`);
  const manifestFile = path.join(out, "manifest.json");
  const key = { generator: GENERATOR_VERSION, modules: opts.modules, deprecatedShare: opts.deprecatedShare, seed: opts.seed };
  if (!opts.force && fs.existsSync(manifestFile)) {
    const existing = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
    if (JSON.stringify(existing.key) === JSON.stringify(key)) return existing;
  }
  const r = rng(opts.seed);
  const specs = ruleSpecs();

  // Special modules: deprecated (one per rule), SSOT targets, moved-symbol targets.
  const deprecated = specs.map((s) => s.from + ".ts");
  const ssotModules = [...new Set(specs.flatMap((s) => [s.to, s.moveTo].filter(Boolean)).filter((m) => !specs.some((s) => s.from === m)))].map((m) => m + ".ts");
  const regularCount = opts.modules - deprecated.length - ssotModules.length - 1; // - 1: src/main.ts
  if (regularCount < 20) throw new Error(`--modules must be at least ${deprecated.length + ssotModules.length + 21}`);

  const regular = [];
  for (let i = 0; i < regularCount; i++) {
    const domain = DOMAINS[i % DOMAINS.length];
    const noun = NOUNS[(i * 7 + Math.floor(i / DOMAINS.length)) % NOUNS.length];
    regular.push({ index: i, domain, noun, file: `src/${domain}/${noun}_${domain}_${i}.ts` });
  }
  // A DAG of imports among regular modules: each imports 0–3 earlier modules (fewer near the start).
  for (const m of regular) {
    const n = m.index < 10 ? 0 : r.int(1, 3);
    const deps = new Set();
    for (let t = 0; t < n; t++) deps.add(regular[r.int(Math.max(0, m.index - 200), m.index - 1)]);
    m.deps = [...deps];
  }

  // Importers: deprecatedShare of all modules import deprecated modules, 1–2 rules each, in assorted forms.
  const importerCount = Math.round(opts.modules * opts.deprecatedShare);
  const candidates = regular.filter((m) => m.index >= 10);
  const importers = new Set();
  while (importers.size < importerCount) importers.add(r.pick(candidates));
  const sites = new Map(); // module index → [{ k, site }]
  let siteCount = 0;
  const usedRules = new Set();
  for (const m of [...importers].sort((a, b) => a.index - b.index)) {
    const ks = new Set([r.int(0, specs.length - 1)]);
    if (r.chance(0.4)) ks.add(r.int(0, specs.length - 1));
    const list = [];
    for (const k of ks) {
      usedRules.add(k);
      list.push(...makeSites(specs, k, m, r));
    }
    siteCount += list.length;
    sites.set(m.index, list);
  }
  // Every rule matches something, whatever the seed.
  for (const spec of specs) {
    if (usedRules.has(spec.k)) continue;
    const m = [...importers][spec.k % importers.size];
    const list = makeSites(specs, spec.k, m, r);
    sites.get(m.index).push(...list);
    siteCount += list.length;
  }

  fs.rmSync(out, { recursive: true, force: true });
  const unmigrated = path.join(out, "unmigrated");
  const migrated = path.join(out, "migrated");
  const write = (root, file, text) => {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  };

  for (const m of regular) {
    const mySites = sites.get(m.index) ?? [];
    const before = [];
    const after = [];
    const uses = [];
    const calls = [];
    for (const { k, site, use, call } of mySites) {
      const texts = importTexts(specs, k, m.file, site);
      before.push(texts.before);
      after.push(texts.after);
      if (use) uses.push(use);
      if (call) calls.push(call);
    }
    const extra = uses.join("\n\n");
    const body = regularModule(m, m.deps, extra, calls);
    write(unmigrated, m.file, (before.length ? before.join("\n") + "\n" : "") + body);
    write(migrated, m.file, (after.length ? after.join("\n") + "\n" : "") + body);
  }

  const main = mainModule(regular);
  write(unmigrated, "src/main.ts", main);
  write(migrated, "src/main.ts", main);

  // Deprecated modules (unmigrated only): the old, shared-state implementation under the old names.
  for (const spec of specs) {
    const roles = spec.roles;
    const names = { cls: roles.cls.old, factory: roles.factory.old, options: roles.options.old, describe: roles.describe.old };
    const header = `/** @deprecated ${spec.message ?? "Use the SSOT module"}: ${spec.to}. One instance shared by every caller. */\n`;
    write(unmigrated, spec.from + ".ts", header + apiBody(names, "shared", names.factory === "default"));
  }
  // SSOT modules (both variants): the new names; moved symbols live in their own module.
  const ssotText = new Map();
  for (const spec of specs) {
    if (specs.some((s) => s.from === spec.to)) continue; // chain head: its target is itself deprecated
    const names = {};
    const moved = {};
    for (const [roleName, role] of Object.entries(spec.roles)) (role.dest === "move" ? moved : names)[roleName] = role.new;
    ssotText.set(spec.to, `/** Single source of truth (rule ${spec.k}). */\n` + apiBody(names, "isolated"));
    if (spec.moveTo) {
      const host = regular[(spec.k * 37) % regular.length];
      const utility = `/** Formatting helpers moved here from ${spec.from}. */\n` + apiBody(moved, "isolated") +
        `\nexport function formatAll${spec.k}(subjects: readonly { readonly options: { user: string; capacity?: number } }[]): string[] {\n  return subjects.map((s) => ${moved.describe}(s));\n}\n` +
        `\nexport const FORMAT_VERSION_${spec.k} = ${host.index} as const;\n`;
      ssotText.set(spec.moveTo, utility);
    }
  }
  for (const [module, text] of ssotText) {
    write(unmigrated, module + ".ts", text);
    write(migrated, module + ".ts", text);
  }

  const compilerOptions = {
    target: "es2022",
    module: "esnext",
    moduleResolution: "bundler",
    lib: ["es2022"],
    types: [],
    strict: true,
    declaration: true,
    rootDir: "src",
    outDir: "out",
    skipLibCheck: true,
  };
  const tsconfig = (plugins) => JSON.stringify({ compilerOptions: { ...compilerOptions, ...(plugins ? { plugins } : {}) }, include: ["src"] }, null, 2) + "\n";
  write(unmigrated, "tsconfig.json", tsconfig([{ transform: "ssot-imports/tsc", transformProgram: true }]));
  write(unmigrated, "tsconfig.noplugin.json", tsconfig());
  write(unmigrated, "ssot-imports.json", JSON.stringify(rulesJson(specs), null, 2) + "\n");
  write(migrated, "tsconfig.json", tsconfig());

  const manifest = {
    key,
    dir: out,
    unmigrated,
    migrated,
    modules: { unmigrated: regular.length + deprecated.length + ssotModules.length + 1, migrated: regular.length + ssotModules.length + 1 },
    entryPoint: "src/main.ts",
    rules: specs.length,
    deprecatedModules: deprecated.map((f) => f),
    importers: importers.size,
    importSites: siteCount,
    generatedAt: new Date().toISOString(),
  };
  write(out, "manifest.json", JSON.stringify(manifest, null, 2) + "\n");
  return manifest;
}

// ---------------------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const o = {};
  for (let a = 0; a < argv.length; a++) {
    const flag = argv[a];
    const value = () => {
      const v = argv[++a];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--modules": o.modules = Number(value()); break;
      case "--deprecated-share": o.deprecatedShare = Number(value()); break;
      case "--seed": o.seed = Number(value()); break;
      case "--out": o.out = value(); break;
      case "--force": o.force = true; break;
      case "-h":
      case "--help":
        console.log("node bench/generate.mjs [--modules 1000] [--deprecated-share 0.05] [--seed 1] [--out DIR] [--force]");
        process.exit(0);
      default:
        throw new Error(`unknown flag ${flag}`);
    }
  }
  return o;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const manifest = generate({ ...parseArgs(process.argv.slice(2)), force: true });
    console.log(`generated ${manifest.modules.unmigrated} modules (twin: ${manifest.modules.migrated}), ${manifest.importers} importers, ${manifest.importSites} deprecated import sites, ${manifest.rules} rules → ${path.relative(process.cwd(), manifest.dir)}`);
  } catch (e) {
    console.error(`generate: ${e.message}`);
    process.exit(2);
  }
}
