#!/usr/bin/env node
// What Vitest asks of ssot-imports/vite, replayed on a generated tree, so that the plugin's own share can be
// counted under valgrind without the whole `vitest run` (an hour per side at 4,000 modules): set-up as in Vitest
// (`config` as `serve`, `buildStart`), then every script file through `transform` and every import through
// `resolveId` (the dev server tests no filters). REPLAY=0: the set-up only. Run from the tree's folder:
//
//   cd .bench/project-m4000-s1/unmigrated && valgrind --tool=callgrind --smc-check=all-non-file \
//     --callgrind-out-file=/dev/null node --predictable ../../../bench/replay-vite-plugin.mjs
import * as fs from "node:fs";
import * as path from "node:path";
import { createRequire } from "node:module";
const require = createRequire(path.join(process.cwd(), "package.json"));
const files = [];
const walk = (dir) => { for (const e of fs.readdirSync(dir, { withFileTypes: true })) { const f = path.join(dir, e.name); if (e.isDirectory()) walk(f); else if (f.endsWith(".ts")) files.push(f); } };
walk(path.resolve("src")); walk(path.resolve("tests"));
const texts = files.map((f) => [f, fs.readFileSync(f, "utf8")]);
const { ssotImports } = require("ssot-imports/vite");
const plugin = ssotImports();
plugin.config({ root: process.cwd() }, { command: "serve" });
const context = { addWatchFile() {}, warn() {}, resolve: async () => null, meta: { viteVersion: "8" } };
await plugin.buildStart.call(context);
let transformed = 0, redirected = 0;
if (process.env.REPLAY !== "0") {
  for (const [file, code] of texts) {
    if (plugin.transform.handler.call(context, code, file)) transformed++;
    for (const m of code.matchAll(/from "([^"]+)"/g)) if (await plugin.resolveId.handler.call(context, m[1], file)) redirected++;
  }
}
console.error(`${texts.length} files, ${transformed} transformed, ${redirected} imports redirected`);
