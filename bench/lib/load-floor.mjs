// The floor of any `onLoad` rewrite of a transpile-only (`bundle: false`) build, for esbuild-build.mjs (a first
// build) and esbuild-rebuild.mjs (rebuilds): every entry file is read once at set-up, and the ones that name a
// deprecated module (the plugin's own needle test, from its bundled rules loading) go through `onLoad` and back
// to esbuild unchanged. The output is therefore wrong; only the cost is compared.

import * as fs from "node:fs";
import * as path from "node:path";
import { createRequire } from "node:module";
import { sourceFiles } from "./spawned-children.mjs";

const require = createRequire(import.meta.url);

/**
 * `rebuilds`: at a rebuild esbuild asks again for every file the filter takes, and an answer must be the file as
 * it is now, so each callback reads its file again (the least a rewrite can do to notice an edit); a single
 * build hands back the text read at set-up.
 */
export function loadFloor(cwd, { rebuilds = false } = {}) {
  const { loadActiveRules } = require(new URL("../../.bench/internal/active-rules.js", import.meta.url).pathname);
  const { active } = loadActiveRules(undefined, cwd);
  const texts = new Map();
  for (const file of sourceFiles(path.join(cwd, "src"))) {
    const text = fs.readFileSync(file, "utf8");
    if (active.matcher.fileMayMatch(text)) texts.set(file, text);
  }
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const filter = new RegExp(`^(?:${[...texts.keys()].map(escape).join("|")})$`);
  const contentsOf = rebuilds ? (file) => fs.readFileSync(file) : (file) => texts.get(file);
  return { name: "load-floor", setup: (build) => build.onLoad({ filter }, (args) => ({ contents: contentsOf(args.path), loader: "ts" })) };
}
