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

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const GENERATOR_VERSION = 3;

export const DEFAULTS = { modules: 1000, deprecatedShare: 0.05, seed: 1, out: undefined };

// ---------------------------------------------------------------------------------------------------------
// Seeded randomness (mulberry32): the same options always produce byte-identical trees.
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  };
}

const DOMAINS = ["core", "models", "services", "handlers", "agents", "quality", "utils", "infra", "api", "storage"];
const NOUNS = ["session", "message", "user", "channel", "queue", "report", "metric", "policy", "token", "cache", "route", "event", "job", "audit", "quota", "profile"];

// ---------------------------------------------------------------------------------------------------------
// The 10 rules. Each rule owns a deprecated module with four roles (class, factory, options type, describe fn),
// and says where each role goes and under which name. Kinds: plain redirect, renames (incl. `default`),
// a symbol moved to a second module (the import is split), and a two-step chain (rule 8 → rule 9).

function ruleSpecs() {
  const specs = [];
  const role = (oldName, newName = oldName, dest = "to") => ({ old: oldName, new: newName, dest });
  // 0, 1: plain redirects (1 is also imported as a namespace and re-exported)
  for (const k of [0, 1]) {
    specs.push({
      k, kind: "redirect",
      from: `src/legacy/channel_registry_${k}`, to: `src/services/channel_hub_${k}`,
      roles: { cls: role(`ChannelRegistry${k}`), factory: role(`createChannelRegistry${k}`), options: role(`ChannelOptions${k}`), describe: role(`describeChannel${k}`) },
      message: "The channel hub is the single source of truth",
    });
  }
  // 2, 3: renames (class and factory renamed, options and describe keep their names)
  for (const k of [2, 3]) {
    specs.push({
      k, kind: "rename",
      from: `src/websocket_core/websocket_manager_factory_${k}`, to: `src/services/user_execution_context_${k}`,
      roles: {
        cls: role(`WebSocketManager${k}`, `UserExecutionContext${k}`),
        factory: role(`createWebSocketManager${k}`, `createDefensiveUserExecutionContext${k}`),
        options: role(`ManagerOptions${k}`),
        describe: role(`describeManager${k}`),
      },
      message: "Use the per-user execution context (the SSOT factory)",
    });
  }
  // 4: rename including `default` (the factory is the default export of the deprecated module)
  specs.push({
    k: 4, kind: "rename-default",
    from: `src/legacy/session_store_4`, to: `src/storage/session_repository_4`,
    roles: {
      cls: role(`SessionStore4`, `SessionRepository4`),
      factory: role(`default`, `createSessionRepository4`),
      options: role(`SessionStoreOptions4`, `SessionRepositoryOptions4`),
      describe: role(`describeSessionStore4`, `describeSessionRepository4`),
    },
  });
  // 5, 6: a symbol moves to another module (6 also renames), the rest goes to `to`
  for (const k of [5, 6]) {
    specs.push({
      k, kind: "move",
      from: `src/legacy/metrics_client_${k}`, to: `src/infra/telemetry_${k}`, moveTo: `src/utils/format_telemetry_${k}`,
      roles: {
        cls: role(`MetricsClient${k}`, k === 6 ? `TelemetryClient${k}` : `MetricsClient${k}`),
        factory: role(`createMetricsClient${k}`, k === 6 ? `createTelemetryClient${k}` : `createMetricsClient${k}`),
        options: role(`MetricsOptions${k}`),
        describe: role(`describeMetrics${k}`, k === 6 ? `formatTelemetry${k}` : `describeMetrics${k}`, "move"),
      },
    });
  }
  // 7: plain redirect, mostly `import type` and `export { … } from`
  specs.push({
    k: 7, kind: "redirect",
    from: `src/legacy/auth_policy_7`, to: `src/core/access_policy_7`,
    roles: { cls: role(`AuthPolicy7`), factory: role(`createAuthPolicy7`), options: role(`AuthPolicyOptions7`), describe: role(`describeAuthPolicy7`) },
  });
  // 8 → 9 → SSOT: a chain; rule 8's renames compose with rule 9's
  specs.push({
    k: 8, kind: "chain-head",
    from: `src/legacy/job_runner_8`, to: `src/legacy/task_scheduler_9`,
    roles: {
      cls: role(`JobRunner8`, `TaskScheduler9`), factory: role(`createJobRunner8`, `createTaskScheduler9`),
      options: role(`JobOptions8`, `SchedulerOptions9`), describe: role(`describeJob8`, `describeScheduler9`),
    },
  });
  specs.push({
    k: 9, kind: "rename",
    from: `src/legacy/task_scheduler_9`, to: `src/services/work_queue_9`,
    roles: {
      cls: role(`TaskScheduler9`, `WorkQueue9`), factory: role(`createTaskScheduler9`, `createWorkQueue9`),
      options: role(`SchedulerOptions9`, `WorkQueueOptions9`), describe: role(`describeScheduler9`),
    },
  });
  return specs;
}

/** Where an imported old name of rule `k` finally lives: follows chains, composing renames. */
function resolveTarget(specs, k, oldName) {
  let spec = specs[k];
  let name = oldName;
  for (;;) {
    const r = Object.values(spec.roles).find((x) => x.old === name);
    const module = r && r.dest === "move" ? spec.moveTo : spec.to;
    const next = r ? r.new : name;
    const chained = specs.find((s) => s.from === module);
    if (!chained) return { module, name: next };
    spec = chained;
    name = next;
  }
}

function rulesJson(specs) {
  return {
    $schema: "./node_modules/ssot-imports/schema.json",
    rules: specs.map((s) => {
      const symbols = {};
      for (const r of Object.values(s.roles)) {
        if (r.dest === "move") symbols[r.old] = { to: `./${s.moveTo}`, name: r.new };
        else if (r.new !== r.old) symbols[r.old] = r.new;
      }
      return {
        from: `./${s.from}`,
        to: `./${s.to}`,
        ...(Object.keys(symbols).length > 0 ? { symbols } : {}),
        ...(s.message ? { message: s.message } : {}),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Module bodies: ordinary application code, like most real modules. A couple of interfaces and a union of
// string literals, a small class, plain functions, and 0–3 imports of earlier modules. Deliberately no deep
// conditional/mapped types and no type that embeds another module's types transitively: those make checking
// superlinear in the size of the project, which real codebases of small modules are not (1,000 such modules
// check in a few seconds). Every module exports `run<i>()`, which src/main.ts calls, so that a bundle of the
// tree reaches every module and running it prints something that depends on what the importers imported.

function regularModule(m, deps, extra = "", calls = []) {
  const i = m.index;
  const lines = [];
  for (const d of deps) {
    lines.push(`import { Entity${d.index}, makeEntity${d.index} } from "${relSpecifier(m.file, d.file)}";`);
  }
  lines.push("");
  lines.push(`/** ${m.noun} records of the ${m.domain} domain (module ${i}). */`);
  lines.push(`export interface Entity${i}Options {`);
  lines.push(`  readonly id: string;`);
  lines.push(`  limit: number;`);
  lines.push(`  tags: string[];`);
  lines.push(`}`);
  lines.push("");
  lines.push(`export interface Entity${i}Stats {`);
  lines.push(`  count: number;`);
  lines.push(`  total: number;`);
  lines.push(`}`);
  lines.push("");
  lines.push(`export class Entity${i} {`);
  lines.push(`  private readonly items: Entity${i}Options[] = [];`);
  lines.push(`  constructor(readonly label: string) {}`);
  lines.push("");
  lines.push(`  add(item: Entity${i}Options): number {`);
  lines.push(`    return this.items.push(item);`);
  lines.push(`  }`);
  lines.push("");
  lines.push(`  stats(): Entity${i}Stats {`);
  lines.push(`    let total = 0;`);
  lines.push(`    for (const item of this.items) total += item.limit;`);
  lines.push(`    return { count: this.items.length, total };`);
  lines.push(`  }`);
  lines.push(`}`);
  lines.push("");
  lines.push(`export function makeEntity${i}(limit = ${i % 97}): Entity${i} {`);
  lines.push(`  const entity = new Entity${i}("${m.noun}-${i}");`);
  lines.push(`  entity.add({ id: "${m.noun}-0", limit, tags: ["${m.domain}"] });`);
  lines.push(`  return entity;`);
  lines.push(`}`);
  for (const [j, d] of deps.entries()) {
    lines.push("");
    lines.push(`export function relate${i}_${j}(source: Entity${i}, target: Entity${d.index}): number {`);
    lines.push(`  return target.add({ id: source.label, limit: ${j + 1}, tags: ["${m.domain}"] }) + source.stats().count;`);
    lines.push(`}`);
  }
  if (extra) lines.push("", extra);
  lines.push("");
  lines.push(`export function run${i}(): string {`);
  lines.push(`  const entity = makeEntity${i}();`);
  const parts = [`entity.stats().total`];
  for (const [j, d] of deps.entries()) parts.push(`relate${i}_${j}(entity, makeEntity${d.index}())`);
  lines.push(`  return \`${i} ${parts.map((p) => `\${${p}}`).join(" ")}${calls.map((c) => ` \${${c}}`).join("")}\`;`);
  lines.push(`}`);
  return lines.join("\n") + "\n";
}

/** src/main.ts: calls every module's run function, so a bundle of the tree reaches all of them, and prints. */
function mainModule(regular) {
  const lines = [];
  for (const m of regular) lines.push(`import { run${m.index} } from "${relSpecifier("src/main.ts", m.file)}";`);
  lines.push("");
  lines.push(`declare const console: { log(message: string): void };`);
  lines.push("");
  lines.push(`const lines: string[] = [];`);
  for (const m of regular) lines.push(`lines.push(run${m.index}());`);
  lines.push(`console.log(lines.join("\\n"));`);
  return lines.join("\n") + "\n";
}

/** The four roles of a rule's API under the given names: shared shape, so old and new are interchangeable. */
function apiBody({ cls, factory, options, describe }, flavour, defaultFactory = false) {
  const L = [];
  if (options) {
    L.push(`export interface ${options} {`);
    L.push(`  user: string;`);
    L.push(`  capacity?: number;`);
    L.push(`  onMessage?: (message: string, from: string) => void;`);
    L.push(`}`);
    L.push("");
  }
  if (cls) {
    const opt = options ?? `{ user: string; capacity?: number }`;
    L.push(`export class ${cls} {`);
    L.push(`  ${flavour === "shared" ? "static readonly shared: string[] = [];\n  private readonly messages = " + cls + ".shared;" : "private readonly messages: string[] = [];"}`);
    L.push(`  constructor(readonly options: ${opt}) {}`);
    L.push(`  send(message: string): readonly string[] {`);
    L.push(`    if (this.messages.length >= (this.options.capacity ?? 100)) this.messages.shift();`);
    L.push(`    this.messages.push(\`\${this.options.user}: \${message}\`);`);
    L.push(`    return this.messages;`);
    L.push(`  }`);
    L.push(`  history(filter: (line: string) => boolean = () => true): string[] {`);
    L.push(`    return this.messages.filter(filter);`);
    L.push(`  }`);
    L.push(`}`);
    L.push("");
  }
  if (factory && cls) {
    const opt = options ?? `{ user: string; capacity?: number }`;
    const head = defaultFactory ? `export default function` : `export function ${factory}`;
    L.push(`${head}(options: ${opt}): ${cls} {`);
    L.push(`  return new ${cls}(options);`);
    L.push(`}`);
    L.push("");
  }
  if (describe) {
    L.push(`export function ${describe}(subject: { readonly options: { user: string; capacity?: number } }): string {`);
    L.push(`  return \`\${subject.options.user} (capacity \${subject.options.capacity ?? 100})\`;`);
    L.push(`}`);
    L.push("");
  }
  return L.join("\n");
}

// ---------------------------------------------------------------------------------------------------------
// Import sites in the importers, and the text the tool makes of them (the twin).

function relSpecifier(fromFile, toFile, ext = "") {
  let rel = path.posix.relative(path.posix.dirname(fromFile), toFile.replace(/\.ts$/, ""));
  if (!rel.startsWith("../")) rel = `./${rel}`;
  return rel + ext;
}

/**
 * One import statement as an importer writes it, and as the tool rewrites it.
 * site: { form: "named"|"type"|"default"|"namespace"|"reexport", bindings: [{ imported, local, typeOnly }], ext }
 */
function importTexts(specs, k, importerFile, site) {
  const spec = specs[k];
  const oldSpecifier = relSpecifier(importerFile, spec.from + ".ts", site.ext);
  const targetSpecifier = (module) => relSpecifier(importerFile, module + ".ts", site.ext);
  const bindingText = (b, name) => (b.typeOnly ? "type " : "") + (name === b.local ? name : `${name} as ${b.local}`);

  if (site.form === "namespace") {
    const before = `import * as ${site.local} from "${oldSpecifier}";`;
    const after = `import * as ${site.local} from "${targetSpecifier(resolveTarget(specs, k, spec.roles.cls.old).module)}";`;
    return { before, after };
  }
  const keyword = site.form === "reexport" ? "export" : "import";
  const typeKw = site.form === "type" ? "type " : "";
  const clause = (items) => {
    const def = items.find((x) => x.isDefault);
    const named = items.filter((x) => !x.isDefault);
    return [def ? def.local : "", named.length ? `{ ${named.map((x) => x.text).join(", ")} }` : ""].filter(Boolean).join(", ");
  };
  const beforeItems = site.bindings.map((b) => ({ isDefault: b.imported === "default", local: b.local, text: bindingText({ ...b, typeOnly: b.typeOnly && site.form !== "type" }, b.imported === b.local ? b.local : b.imported) }));
  const before = `${keyword} ${typeKw}${clause(beforeItems)} from "${oldSpecifier}";`;

  // Group bindings by the module they end up in, in order of first appearance (SitePlan.group).
  const groups = new Map();
  for (const b of site.bindings) {
    const target = resolveTarget(specs, k, b.imported);
    if (!groups.has(target.module)) groups.set(target.module, []);
    groups.get(target.module).push({ b, target });
  }
  // The statement stays with the rule's module-level target when some names go there, else with the first group.
  let moduleTarget = spec.to;
  for (let next; (next = specs.find((s) => s.from === moduleTarget)); ) moduleTarget = next.to;
  const entries = [...groups.entries()];
  const primaryIndex = Math.max(0, entries.findIndex(([module]) => module === moduleTarget));
  const [primaryModule, primary] = entries[primaryIndex];
  const others = entries.filter((_, n) => n !== primaryIndex);
  const statement = (module, items) =>
    `${keyword} ${typeKw}${clause(items.map(({ b, target }) => {
      if (b.imported === "default" && target.name === "default") return { isDefault: true, local: b.local };
      return { isDefault: false, text: bindingText({ ...b, typeOnly: b.typeOnly && site.form !== "type" }, target.name), local: b.local };
    }))} from "${targetSpecifier(module)}";`;
  // In place (renamed bindings become `new as local`, moved ones are removed, the specifier changes) or, for a
  // renamed default, regenerated: either way the statement reads like this. Split-off groups follow on its line.
  let after = statement(primaryModule, primary);
  if (others.length > 0) after += " " + others.map(([module, items]) => statement(module, items)).join(" ");
  return { before, after };
}

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

/** The import sites one importer has for rule k, and code that uses what they import. */
function makeSites(specs, k, m, r) {
  const spec = specs[k];
  const roles = spec.roles;
  const i = m.index;
  const ext = r.chance(0.2) ? ".js" : "";
  const local = (name) => name;
  const uses = [];
  const sites = [];
  const variant = r.int(0, 9);

  if (spec.kind === "redirect" && k === 1 && variant < 5) {
    // Namespace import of a plain redirect: only the specifier changes.
    const ns = `channels${k}_${i}`;
    sites.push({ form: "namespace", local: ns, ext });
    uses.push(`export function openChannel${k}_${i}(user: string): number {\n  const registry: ${ns}.${roles.cls.old} = ${ns}.${roles.factory.old}({ user, capacity: ${i % 50 + 1} });\n  registry.send("hello from ${m.noun}");\n  return ${ns}.${roles.describe.old}(registry).length + registry.history().length;\n}`);
    return sites.map((site, n) => ({ k, site, use: uses[n], call: `openChannel${k}_${i}("user${i}")` }));
  }
  if (k === 7 && variant < 4) {
    // Re-export from a barrel-like module, and a type-only import.
    sites.push({ form: "reexport", ext, bindings: [{ imported: roles.factory.old, local: roles.factory.old }, { imported: roles.options.old, local: roles.options.old, typeOnly: true }] });
    sites.push({ form: "type", ext, bindings: [{ imported: roles.cls.old, local: roles.cls.old }] });
    uses.push(`export type Policy${k}_${i} = ${roles.cls.old};`);
    return [{ k, site: sites[0], use: undefined }, { k, site: sites[1], use: uses[0] }];
  }

  const bindings = [];
  let factoryCall;
  if (roles.factory.old === "default") {
    const alias = `makeSessionStore${i}`;
    bindings.push({ imported: "default", local: alias });
    factoryCall = alias;
  } else {
    bindings.push({ imported: roles.factory.old, local: local(roles.factory.old) });
    factoryCall = roles.factory.old;
  }
  const clsLocal = variant < 3 ? `Legacy${roles.cls.old}` : roles.cls.old; // some importers alias
  bindings.push({ imported: roles.cls.old, local: clsLocal });
  bindings.push({ imported: roles.options.old, local: roles.options.old, typeOnly: true });
  const describeFirst = spec.kind === "move" && variant >= 7;
  const describe = { imported: roles.describe.old, local: roles.describe.old };
  if (describeFirst) bindings.unshift(describe); // moved symbol first: the primary statement is the moved one
  else bindings.push(describe);
  sites.push({ form: "named", ext, bindings });
  uses.push(
    `export function connect${k}_${i}(user: string, sink: string[] = []): ${clsLocal} {\n` +
    `  const options: ${roles.options.old} = { user, capacity: ${i % 40 + 2}, onMessage: (message) => sink.push(message) };\n` +
    `  const client = ${factoryCall}(options);\n` +
    `  client.send(${describe.local}(client));\n` +
    `  return client instanceof ${clsLocal} ? client : new ${clsLocal}(options);\n` +
    `}`,
  );
  return sites.map((site, n) => ({ k, site, use: uses[n], call: `connect${k}_${i}("user${i}").history().length` }));
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
