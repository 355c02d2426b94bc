/**
 * A broken rules file stops the esbuild build with errors located in ssot-imports.json (file, line, column),
 * no stack trace and no output written, in both bundle modes. The cases are those of the tsc plugin, and each
 * is also compiled by it: both adapters must say the same thing at the same place.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { positionOf } from "../helpers/text-position";
import { buildErrors, filesUnder, loadPlugin, pluginBuildOptions } from "../helpers/esbuild-build";
import { STACK_LINE, migrationFixture } from "../helpers/processes";
import { createProject } from "../helpers/project";
import { buildWithPlugin } from "../helpers/tsc-build";

interface BadRules {
  name: string;
  text: string;
  /** Where the error points: the (only) occurrence of this text in the rules file. */
  at: string;
  message: string;
}

const CASES: readonly BadRules[] = [
  {
    name: "malformed JSON",
    text: `{\n  "rules": [\n    { "from": "./src/ws/factory" "to": "./src/services/ctx" }\n  ]\n}\n`,
    at: `"to"`,
    message: "invalid JSON: comma expected",
  },
  {
    name: "the same from twice",
    text: `{\n  "rules": [\n    { "from": "./src/ws/factory", "to": "./src/services/ctx" },\n    { "from": "./src/ws/factory.ts", "to": "./src/util" }\n  ]\n}\n`,
    at: `"./src/ws/factory.ts"`,
    message: `"from" ./src/ws/factory.ts is already deprecated by rule 1 (./src/ws/factory → ./src/services/ctx); merge the two rules`,
  },
  {
    name: "a rule without to (nor symbols)",
    text: `{\n  "rules": [\n    { "from": "./src/ws/factory" }\n  ]\n}\n`,
    at: `{ "from"`,
    message: `missing "to": where imports of "./src/ws/factory" should go`,
  },
  {
    name: "a to that does not exist",
    text: `{\n  "rules": [\n    { "from": "./src/ws/factory", "to": "./src/services/missing" }\n  ]\n}\n`,
    at: `"./src/services/missing"`,
    message: `"to" names ./src/services/missing, which does not exist`,
  },
  {
    name: "a renamed symbol the target does not export",
    text: `{\n  "rules": [\n    {\n      "from": "./src/ws/factory",\n      "to": "./src/services/ctx",\n      "symbols": { "createManager": "createNothing" }\n    }\n  ]\n}\n`,
    at: `"createManager"`,
    message: `symbol "createManager" maps to "createNothing", which ./src/services/ctx does not export`,
  },
];

/** tsc's `file(line,col): error TS990001: ssot-imports [rule]: message` as `file(line,col): [rule] message`. */
const fromTsc = (diagnostic: string) => diagnostic.replace(/: error TS\d+: ssot-imports(?: (\[[^\]]+\]))?: /, (_, rule?: string) => `: ${rule ? `${rule} ` : ""}`);

for (const c of CASES) {
  describe(`rules file with ${c.name}`, () => {
    const dir = createProject({ ...migrationFixture(), "ssot-imports.json": c.text }, `esb-rules-${c.name}`);
    const expected = positionOf(c.text, c.at);

    for (const bundle of [true, false]) {
      it(`fails the esbuild build at ssot-imports.json:${expected.line}:${expected.column}, writing nothing (${bundle ? "bundle" : "bundle: false"})`, async () => {
        const outdir = path.join(dir, bundle ? "esbuild-bundle" : "esbuild-unbundled");
        const { errors } = await buildErrors(pluginBuildOptions(dir, bundle, outdir));
        expect(errors).toHaveLength(1);
        const [error] = errors;
        expect(error.location).toMatchObject({ file: "ssot-imports.json", line: expected.line, column: expected.column - 1 });
        expect(error.location?.lineText).toBe(c.text.split("\n")[expected.line - 1]);
        expect(error.text).toContain(c.message);
        expect(error.text).not.toMatch(STACK_LINE);
        expect(error.detail, "a thrown error, not a returned message").toBeUndefined();
        expect(filesUnder(outdir)).toEqual([]);
      });
    }

    it("says what the tsc plugin says, at the same place", async () => {
      const { errors } = await buildErrors({ absWorkingDir: dir, entryPoints: ["src/main.ts"], bundle: true, write: false, outdir: "out", logLevel: "silent", plugins: [loadPlugin(dir)()] });
      const esbuild = errors.map((e) => `${e.location!.file}(${e.location!.line},${e.location!.column + 1}): ${e.text}`);
      const tsc = buildWithPlugin(dir);
      expect(tsc.written).toEqual([]);
      expect(esbuild).toEqual(tsc.diagnostics.map(fromTsc));
    });
  });
}

describe("rules file missing", () => {
  it("fails the build naming the file it looked for, rather than bundling without rules", async () => {
    const dir = createProject(migrationFixture(), "esb-rules-missing");
    fs.rmSync(path.join(dir, "ssot-imports.json"));
    const { errors } = await buildErrors({ absWorkingDir: dir, entryPoints: ["src/main.ts"], bundle: true, outdir: path.join(dir, "esbuild-out"), logLevel: "silent", plugins: [loadPlugin(dir)()] });
    expect(errors.map((e) => e.text)).toEqual([`rules file not found: ${path.join(dir, "ssot-imports.json")}`]);
    expect(filesUnder(path.join(dir, "esbuild-out"))).toEqual([]);
  });
});
