// `npm run demo` (which runs `npm run build` in the repository root first): builds this example from the same,
// unedited sources without and with ssot-imports, runs both, and shows side by side what two simultaneous users
// see. The demo is also a check: it exits non-zero if the story does not hold.
//
// Each build is one entry of BUILDS, one column of the output: plain tsc, tspc with the plugin, esbuild with it.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import picocolors from "picocolors";
import { judgeVitest, runVitestSuites } from "./vitest-story.mjs";
import {
  EXPECTED_FILES,
  EXPECTED_IMPORTS,
  USERS,
  foreignMessages,
  hashSources,
  linkPackage,
  parseRun,
  parseSummary,
} from "./story.mjs";
import { judgeJest, runJestSuites } from "./jest-story.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const bin = (...parts) => path.join(root, "node_modules", ...parts);

/**
 * @typedef {{ code: number, output: string }} BuildOutput
 * @typedef {{ name: string, outDir: string, isolated: boolean, reportsSummary?: boolean | "shown", build: () => Promise<BuildOutput> }} Build
 * @type {Build[]}
 */
const BUILDS = [
  {
    name: "plain tsc (no plugin)",
    outDir: "out-plain",
    isolated: false,
    build: () => run(bin("typescript", "bin", "tsc"), ["-p", "tsconfig.plain.json"]),
  },
  {
    name: "tspc + ssot-imports",
    outDir: "out-plugin",
    isolated: true,
    reportsSummary: true,
    // node_modules/.bin/tspc is a link to ts-patch/bin/tspc.js (a .cmd shim on Windows, which node cannot run).
    build: () => run(process.platform === "win32" ? bin("ts-patch", "bin", "tspc.js") : bin(".bin", "tspc"), ["-p", "tsconfig.json"]),
  },
  {
    name: "esbuild + ssot-imports",
    outDir: "out-esbuild",
    isolated: true,
    // A bundle from src/main.ts holds only the modules main.ts reaches, esbuild erases type-only imports before
    // resolving, and it asks about a specifier once per file and import kind, so it counts fewer sites than tsc:
    // the count is shown (and explained), not held to 78/24.
    reportsSummary: "shown",
    build: () => run(path.join(here, "build-esbuild.mjs"), []),
  },
];

const useColour = !process.env.NO_COLOR && (Boolean(process.env.FORCE_COLOR) || process.stdout.isTTY === true);
const c = picocolors.createColors(useColour);

/** Runs a node script in the example folder, collecting stdout and stderr together. */
function run(script, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: here, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", (error) => resolve({ code: 1, output: output + String(error) }));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

function fail(message, detail = "") {
  console.error(`${c.red(c.bold("demo failed:"))} ${message}`);
  if (detail) console.error(detail.trimEnd());
  process.exit(1);
}

// ── Build and run ─────────────────────────────────────────────────────────────────────────────────────────
if (!fs.existsSync(path.join(root, "dist", "tsc", "index.js"))) {
  fail("the plugin is not built: run `npm run demo` (or `npm run build` first) in the repository root");
}
linkPackage(here, root);
// The example's test suite (written against the unmigrated code) under Vitest, with and without ssot-imports/vite.
const vitestResults = await runVitestSuites(here, root);

const before = hashSources(here);
for (const build of BUILDS) fs.rmSync(path.join(here, build.outDir), { recursive: true, force: true });
const built = await Promise.all(BUILDS.map((build) => build.build()));
// The example's test suite, written against the unmigrated code, under Jest with and without ssot-imports/jest.
const jestResults = await runJestSuites(here, root);
const after = hashSources(here);

const results = [];
for (const [i, build] of BUILDS.entries()) {
  const { code, output } = built[i];
  if (code !== 0) fail(`${build.name} build exited with ${code}`, output);
  const entry = path.join(here, build.outDir, "main.js");
  const ran = await run(entry, []);
  if (ran.code !== 0) fail(`${path.relative(root, entry)} exited with ${ran.code}`, ran.output);
  const { startupIsolated, inboxes } = parseRun(ran.output);
  if (USERS.some((user) => !inboxes[user])) fail(`${build.name}: the program did not print every user's inbox`, ran.output);
  results.push({ build, buildOutput: output, startupIsolated, inboxes, foreign: foreignMessages(inboxes) });
}

// ── Judge ─────────────────────────────────────────────────────────────────────────────────────────────────
/** @type {Array<{ ok: boolean, text: string }>} */
const checks = [];
const [alice, bob] = USERS;
for (const r of results) {
  const leaks = USERS.filter((user) => r.foreign[user].length > 0);
  if (r.build.isolated) {
    const ownSeen = USERS.every((user) => r.inboxes[user].length > r.foreign[user].length);
    checks.push({
      ok: leaks.length === 0 && ownSeen && r.startupIsolated === true,
      text: `${r.build.name}: ${leaks.length === 0 ? "isolated: no user sees another user's message" : `LEAK: ${leaks.join(", ")} see other users' messages`}`
        + (ownSeen ? "" : "; some user sees none of their own messages")
        + (r.startupIsolated ? "" : "; the startup isolation check failed"),
    });
  } else {
    const leaked = r.foreign[bob].length;
    checks.push({
      ok: leaked > 0,
      text: `${r.build.name}: ${leaked > 0 ? `the leak is real: ${bob} sees ${leaked} of ${alice}'s messages, ${alice} sees ${r.foreign[alice].length} of ${bob}'s` : `expected ${bob} to see ${alice}'s messages, but they do not`}`,
    });
  }
  if (r.build.reportsSummary === true) {
    const summary = parseSummary(r.buildOutput);
    checks.push({
      ok: summary?.imports === EXPECTED_IMPORTS && summary.files === EXPECTED_FILES,
      text: `${r.build.name}: ${summary ? summary.line : "no summary line printed"}${summary?.imports === EXPECTED_IMPORTS && summary.files === EXPECTED_FILES ? "" : ` (expected ${EXPECTED_IMPORTS} imports in ${EXPECTED_FILES} files)`}`,
    });
  }
}
checks.push(...judgeJest(jestResults));
const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((file) => before[file] !== after[file]);
checks.push({
  ok: changed.length === 0,
  text: changed.length === 0 ? "no file of the example was modified by the builds" : `the builds modified ${changed.join(", ")}`,
});
checks.push(...judgeVitest(vitestResults));

// ── What the numbers mean ─────────────────────────────────────────────────────────────────────────────────
/**
 * The table's rows explained in words, with the numbers this run printed (none is assumed: each comes from a
 * build's summary line or a program's output).
 */
function explainNumbers(results, width) {
  const plain = results.find((r) => !r.build.isolated);
  const isolated = results.find((r) => r.build.isolated);
  const summaryOf = (r) => (r?.build.reportsSummary ? parseSummary(r.buildOutput) : undefined);
  const tsc = results.find((r) => r.build.reportsSummary === true);
  const bundled = results.find((r) => r.build.reportsSummary === "shown");
  const [tscCount, bundleCount] = [summaryOf(tsc), summaryOf(bundled)];
  const counted = (s) => (s ? `${s.imports} in ${s.files} files` : "(no summary printed)");
  const [alice, bob] = USERS;
  const alerted = (r, user) => (r?.inboxes[user] ?? []).some((m) => m.startsWith(`quality → ${user}:`));

  const rows = [
    ["startup isolation", `At startup, src/core/startup_validation.ts asks the factory for the managers of two probe users and checks that they are two different objects. The deprecated factory hands everyone one shared manager, so the check fails; the SSOT factory (createDefensiveUserExecutionContext) makes a context per user.`],
    ["imports rewritten", `Both count the import sites of the deprecated module that ssot-imports rewrote. tsc compiles every file that tsconfig.json includes, so it rewrites every site, type-only ones too (they decide the .d.ts and the type errors): ${counted(tscCount)}. esbuild counts what it asks the plugin: only the files its bundle reaches from src/main.ts, after it has erased type-only imports (import type, typeof import), and each specifier once per file and import kind (three import() calls of the factory in one file are one question): ${counted(bundleCount)}. Either way, every import that runs gets the SSOT module.`],
    [`${alice} / ${bob} sees`, `Each user's inbox: connected, their own message, the agent's reply, the thread's title, and a quality alert only when the transcript names a card number. Only ${alice}'s message does, so with ssot-imports ${alice} sees ${isolated?.inboxes[alice].length ?? "?"} messages and ${bob} ${isolated?.inboxes[bob].length ?? "?"}. Built plainly, one shared manager holds both conversations: each sees all ${plain?.inboxes[alice].length ?? "?"} messages${alerted(plain, bob) ? `, and ${bob} even gets the card-number alert raised by ${alice}'s message` : ""}.`],
  ];
  const labelWidth = 20;
  const textWidth = Math.max(40, width - 2 - labelWidth);
  const lines = [c.bold("What the numbers mean")];
  for (const [label, text] of rows) {
    wrap(text, textWidth).forEach((line, i) => lines.push(`  ${(i === 0 ? label : "").padEnd(labelWidth)}${line}`));
  }
  return lines;
}

/** Splits text into lines of at most `width` characters, at spaces. */
function wrap(text, width) {
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

// ── Print ─────────────────────────────────────────────────────────────────────────────────────────────────
const width = Math.max(80, Math.min(process.stdout.isTTY ? process.stdout.columns ?? 120 : 120, 200));
const visible = (s) => s.replace(/\x1b\[[0-9;]*m/g, "");
const fit = (s, w) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
const labelWidth = 18;
const longest = (texts) => Math.max(0, ...texts.map((t) => t.length));
const columnWidth = Math.min(Math.floor((width - 2 - labelWidth - 3 * BUILDS.length) / BUILDS.length), Math.max(32, longest(BUILDS.map((b) => b.name))));
const row = (label, cells) => `  ${fit(label, labelWidth)}${cells.map(([text, paint = (s) => s]) => ` │ ${paint(fit(text, columnWidth))}`).join("")}`;
const inboxWidth = Math.min(
  Math.floor((width - 2 - 3 * (BUILDS.length - 1)) / BUILDS.length),
  Math.max(longest(BUILDS.map((b) => b.name)), 2 + longest(results.flatMap((r) => Object.values(r.inboxes).flat()))),
);
const rule = () => `  ${"─".repeat(labelWidth)}${BUILDS.map(() => `─┼─${"─".repeat(columnWidth)}`).join("")}`;

const out = [];
out.push(c.bold("ssot-imports demo: examples/websocket-factory"));
out.push("");
out.push(`A chat backend mid-migration (the seed's issue #1126). ${EXPECTED_FILES} modules import the deprecated`);
out.push("websocket_core/websocket_manager_factory, which hands every user the same manager. ssot-imports.json");
out.push("points them at services/user_execution_context (createDefensiveUserExecutionContext). The sources are");
out.push(`built ${BUILDS.length} ways, unedited; then alice and bob connect and chat at the same time.`);
out.push("");
out.push(row("", results.map((r) => [r.build.name, c.bold])));
out.push(rule());
out.push(row("startup isolation", results.map((r) => (r.startupIsolated ? ["ok", c.green] : ["FAILED", c.red]))));
out.push(row("imports rewritten", results.map((r) => {
  const summary = r.build.reportsSummary ? parseSummary(r.buildOutput) : undefined;
  return summary ? [`${summary.imports} in ${summary.files} files`] : ["none (no plugin)", c.dim];
})));
for (const user of USERS) {
  const others = USERS.filter((u) => u !== user).map((u) => `${u}'s`).join(" or ");
  out.push(row(`${user} sees`, results.map((r) => {
    const n = r.foreign[user].length;
    return [`${r.inboxes[user].length} messages, ${n === 0 ? `none of ${others}` : `${n} of ${others}`}`, n === 0 ? c.green : c.red];
  })));
}
out.push("");
out.push(...explainNumbers(results, width));
for (const user of USERS) {
  out.push("");
  out.push(c.bold(`What ${user} sees`) + c.dim("   (✗ = another user's message)"));
  out.push(`  ${results.map((r) => fit(r.build.name, inboxWidth)).join(" │ ")}`);
  const rows = Math.max(...results.map((r) => r.inboxes[user].length));
  for (let i = 0; i < rows; i++) {
    out.push(`  ${results.map((r) => {
      const message = r.inboxes[user][i];
      if (message === undefined) return fit("", inboxWidth);
      const foreign = r.foreign[user].includes(message);
      return foreign ? c.red(fit(`✗ ${message}`, inboxWidth)) : fit(`  ${message}`, inboxWidth);
    }).join(" │ ")}`);
  }
}
out.push("");
out.push(c.bold("Checks"));
for (const check of checks) out.push(`  ${check.ok ? c.green("✓") : c.red("✗")} ${check.text}`);
const failed = checks.filter((check) => !check.ok).length;
out.push("");
out.push(failed === 0
  ? c.green(c.bold("The story holds: without the plugin the users' messages leak into each other's inboxes; with it, they never do."))
  : c.red(c.bold(`${failed} check${failed === 1 ? "" : "s"} failed: the story does not hold.`)));
console.log(out.map((line) => (useColour ? line : visible(line)).trimEnd()).join("\n"));
process.exitCode = failed === 0 ? 0 : 1;

// The TypeScript 7 recipe, in its own module (typescript-7.mjs), on a copy of the example.
const { showTypeScript7Recipe } = await import("./typescript-7.mjs");
if (!(await showTypeScript7Recipe(c))) process.exitCode = 1;
