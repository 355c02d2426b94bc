#!/usr/bin/env node
// Installs the compilers and runtimes that must not sit in the root node_modules (their bins would shadow the
// root's `tsc`, `tspc` and, for the Node 24 package, `node` in every npm script): compat/<name>/ each has its own
// package.json and lockfile. Runs `npm ci` in a folder only when its lockfile changed since the last install,
// so `npm test` pays for it once per machine.
//
//   node tools/install-compat.mjs

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const COMPAT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "compat");

for (const name of fs.readdirSync(COMPAT).sort()) {
  const folder = path.join(COMPAT, name);
  const lock = path.join(folder, "package-lock.json");
  if (!fs.existsSync(lock)) continue;
  const stamp = path.join(folder, "node_modules", ".installed-lock");
  const wanted = fs.readFileSync(lock, "utf8");
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === wanted) continue;
  console.log(`compat/${name}: npm ci`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: folder, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`compat/${name}: npm ci failed (status ${result.status ?? result.signal})`);
    process.exit(1);
  }
  fs.writeFileSync(stamp, wanted);
}
