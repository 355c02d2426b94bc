/**
 * The dev server and Vitest hand the plugin's transform every module (no filters there). Loading TypeScript takes
 * ~0.3 s, so only a file that calls a mock function may load it: a file that merely imports a deprecated module
 * must not. Run in a fresh node process, whose module cache shows exactly what the plugin loaded.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { createProject } from "../helpers/project";

const probe = `
const path = require("node:path");
const { ssotImports } = require("ssot-imports/vite");
const plugin = ssotImports();
plugin.config({ root: process.cwd() }, { command: "serve" });
const context = { addWatchFile() {}, warn() {}, meta: { viteVersion: "8" } };
plugin.buildStart.call(context);
const loaded = () => Object.keys(require.cache).some((file) => file.includes(path.join("node_modules", "typescript")));
const file = process.argv[2];
const result = plugin.transform.handler.call(context, require("node:fs").readFileSync(file, "utf8"), file);
console.log(JSON.stringify({ rewritten: Boolean(result), typescript: loaded() }));
`;

function transformIn(dir: string, file: string): { rewritten: boolean; typescript: boolean } {
  const out = execFileSync(process.execPath, ["probe.cjs", path.join(dir, file)], { cwd: dir, encoding: "utf8" });
  return JSON.parse(out) as { rewritten: boolean; typescript: boolean };
}

describe("the bundler plugin's transform loads TypeScript only for files that mock a module", () => {
  const dir = createProject(
    {
      "probe.cjs": probe,
      "src/legacy/clock.ts": `export const now = () => 1;\n`,
      "src/services/clock.ts": `export const now = () => 2;\n`,
      "src/importer.ts": `import { now } from "./legacy/clock";\nexport const later = () => now() + 1;\n`,
      "tests/clock.test.ts": `import { now } from "../src/legacy/clock";\nvi.mock("../src/legacy/clock");\nnow();\n`,
      "ssot-imports.json": JSON.stringify({ rules: [{ from: "./src/legacy/clock", to: "./src/services/clock" }] }),
    },
    "lazy-typescript",
  );

  it("a file that imports a deprecated module but mocks nothing: left alone, TypeScript not loaded", () => {
    expect(transformIn(dir, "src/importer.ts")).toEqual({ rewritten: false, typescript: false });
  });

  it("a file that mocks a deprecated module: rewritten, with TypeScript", () => {
    expect(transformIn(dir, "tests/clock.test.ts")).toEqual({ rewritten: true, typescript: true });
  });
});
