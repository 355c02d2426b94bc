// What the example's program prints, read back as data: shared by demo.mjs and the vitest test, so the demo
// and the test judge the isolation story the same way.
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/** The simulated users, in the order src/main.ts prints them. */
export const USERS = ["alice", "bob"];

/** What the plugin's `"report": "summary"` line must say for this example. */
export const EXPECTED_IMPORTS = 78;
export const EXPECTED_FILES = 24;

/**
 * Parses src/main.ts's output:
 *   startup validation: per-user isolation ok
 *   alice sees 5 messages:
 *     system → alice: connected
 *
 * @param {string} stdout
 * @returns {{ startupIsolated: boolean | undefined, inboxes: Record<string, string[]> }}
 */
export function parseRun(stdout) {
  /** @type {Record<string, string[]>} */
  const inboxes = {};
  let startupIsolated;
  let current;
  for (const line of stdout.split(/\r?\n/)) {
    const startup = /^startup validation: per-user isolation (\S+)/.exec(line);
    const header = /^(\w+) sees (\d+) messages:$/.exec(line);
    if (startup) startupIsolated = startup[1] === "ok";
    else if (header) inboxes[(current = header[1])] = [];
    else if (current && line.startsWith("  ")) inboxes[current].push(line.slice(2));
  }
  return { startupIsolated, inboxes };
}

/**
 * Whose conversation a message belongs to: every message the example sends names exactly one user
 * (`alice: …`, `agent → bob: …`).
 *
 * @param {string} message
 * @returns {string | undefined}
 */
export function ownerOf(message) {
  return USERS.find((user) => new RegExp(`\\b${user}\\b`).test(message));
}

/**
 * For each user, the messages in their inbox that belong to someone else.
 *
 * @param {Record<string, string[]>} inboxes
 * @returns {Record<string, string[]>}
 */
export function foreignMessages(inboxes) {
  return Object.fromEntries(USERS.map((user) => [user, (inboxes[user] ?? []).filter((m) => ownerOf(m) !== user)]));
}

/**
 * Reads the plugin's summary line: `ssot-imports: rewrote 78 imports in 24 files (…)`.
 *
 * @param {string} output
 * @returns {{ line: string, imports: number, files: number } | undefined}
 */
export function parseSummary(output) {
  const match = /^ssot-imports: rewrote (\d+) imports? in (\d+) files?\b.*$/m.exec(output);
  return match ? { line: match[0], imports: Number(match[1]), files: Number(match[2]) } : undefined;
}

/**
 * A hash per file of the example as a user wrote it: everything but build output and node_modules.
 *
 * @param {string} dir
 * @returns {Record<string, string>}
 */
export function hashSources(dir) {
  /** @type {Record<string, string>} */
  const hashes = {};
  const walk = (current) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      if (entry.name === "node_modules" || (current === dir && entry.isDirectory() && entry.name.startsWith("out"))) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) hashes[path.relative(dir, full).split(path.sep).join("/")] = createHash("sha256").update(fs.readFileSync(full)).digest("hex");
    }
  };
  walk(dir);
  return hashes;
}

/**
 * Links `dir/node_modules/ssot-imports` to the repository root, so `"transform": "ssot-imports/tsc"` resolves
 * to this checkout's build, as it would to the installed package in a user's project.
 *
 * @param {string} dir
 * @param {string} repoRoot
 */
export function linkPackage(dir, repoRoot) {
  const link = path.join(dir, "node_modules", "ssot-imports");
  try {
    fs.lstatSync(link);
    return;
  } catch {
    // missing: create it below
  }
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.symlinkSync(path.relative(path.dirname(link), repoRoot) || ".", link, "junction");
}
