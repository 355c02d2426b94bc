/**
 * Rules files get one verdict in every adapter, in the same words at the same place: the tsc plugin, esbuild
 * (bundle and bundle: false) and the CLI. Each case failed before in at least one of them: a BOM was rejected
 * by esbuild only; paths leaving the project were accepted (tsc then wrote outputs outside it); the other
 * messages said something else than what was wrong ("does not exist" for a folder or for ./package.json,
 * "must be a non-empty string, found string"), a rename with nowhere to go was accepted, and `"rules": []`
 * passed without a word.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { positionOf } from "../helpers/text-position";
import { buildErrors, filesUnder, loadPlugin, pluginBuildOptions } from "../helpers/esbuild-build";
import { STACK_LINE, migrationFixture } from "../helpers/processes";
import { createProject } from "../helpers/project";
import { buildWithPlugin } from "../helpers/tsc-build";
import { runCli } from "../cli/harness";
import * as esbuild from "esbuild";

interface BadRules {
  name: string;
  rules: unknown;
  /** Where the error points: the only occurrence of this text in the pretty-printed rules file. */
  at: string;
  message: string;
  /** Shape errors name the rule by its number only: its paths were not read. */
  shortLabel?: boolean;
}

const rule = { from: "./src/ws/factory", to: "./src/services/ctx", symbols: { createManager: "createContext" } };

const CASES: BadRules[] = [
  {
    name: "a to outside the project",
    rules: { rules: [{ ...rule, to: "../shared/ctx" }] },
    at: `"../shared/ctx"`,
    message: `"to" ../shared/ctx is outside the project (<dir>); rules may only name modules inside it, unless the rules file says "allowOutsideProject": true`,
  },
  {
    name: "a to that climbs out after a step down",
    rules: { rules: [{ ...rule, to: "./src/../../shared/ctx" }] },
    at: `"./src/../../shared/ctx"`,
    message: `"to" ./src/../../shared/ctx is outside the project (<dir>); rules may only name modules inside it, unless the rules file says "allowOutsideProject": true`,
  },
  {
    name: "a from outside the project",
    rules: { rules: [{ ...rule, from: "../legacy/factory" }] },
    at: `"../legacy/factory"`,
    message: `"from" ../legacy/factory is outside the project (<dir>); rules may only name modules inside it, unless the rules file says "allowOutsideProject": true`,
  },
  {
    name: "a symbol moved outside the project",
    rules: { rules: [{ ...rule, symbols: { createManager: { to: "../shared/ctx", name: "createContext" } } }] },
    at: `"createManager"`,
    message: `symbol "createManager" moves to ../shared/ctx is outside the project (<dir>); rules may only name modules inside it, unless the rules file says "allowOutsideProject": true`,
  },
  {
    name: "a to that is not a module",
    rules: { rules: [{ ...rule, to: "./package.json" }] },
    at: `"./package.json"`,
    message: `"to" names ./package.json, which is not a module (not a source file: .ts, .tsx, .mts, .cts, .js, .jsx, .mjs, .cjs, .d.ts)`,
  },
  {
    name: "an empty from",
    rules: { rules: [{ ...rule, from: "" }] },
    at: `""`,
    message: `"from" must not be empty`,
    shortLabel: true,
  },
  {
    name: "symbols with no module to go to",
    rules: { rules: [{ from: "./src/ws/factory", symbols: { createManager: "createContext" } }] },
    at: `"createManager"`,
    message: `symbol "createManager" has nowhere to go: the rule has no module-level "to"; add "to" to the rule, or write { "to": "./module", "name": "createContext" }`,
    shortLabel: true,
  },
];


for (const c of CASES) {
  describe(`rules with ${c.name}`, () => {
    const text = JSON.stringify(c.rules, null, 2);
    const dir = createProject({ ...migrationFixture(), "package.json": `{ "name": "fixture" }\n`, "ssot-imports.json": text }, `bad-rules-${c.name}`);
    const { line, column } = positionOf(text, c.at);
    const message = c.message.replace("<dir>", dir);
    const first = (c.rules as { rules: Array<{ from: string; to?: string }> }).rules[0];
    const rulePart = () => (c.shortLabel ? "[rule 1] " : `[rule 1 (${first.from} → ${first.to ?? "listed symbols only"})] `);

    it("tsc: one located error, nothing written", () => {
      const result = buildWithPlugin(dir);
      expect(result.diagnostics).toEqual([`ssot-imports.json(${line},${column}): error TS990001: ssot-imports ${rulePart().trim()}: ${message}`]);
      expect(result.written).toEqual([]);
    });

    for (const bundle of [true, false]) {
      it(`esbuild (${bundle ? "bundle" : "bundle: false"}): the same error at the same place, nothing written`, async () => {
        const outdir = path.join(dir, bundle ? "esb-bundle" : "esb-unbundled");
        const { errors } = await buildErrors(pluginBuildOptions(dir, bundle, outdir));
        expect(errors.map((e) => ({ file: e.location?.file, line: e.location?.line, column: e.location!.column + 1, text: e.text }))).toEqual([
          { file: "ssot-imports.json", line, column, text: `${rulePart()}${message}` },
        ]);
        expect(filesUnder(outdir)).toEqual([]);
      });
    }

    it("CLI: the same error at the same place, exit 2, no stack trace", async () => {
      const r = await runCli(dir, ["report"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`ssot-imports.json:${line}:${column} - error ${rulePart().trim()}: ${message}\n`);
      expect(r.stderr).not.toMatch(STACK_LINE);
    });
  });
}

describe("a rules path that leaves the project, with the rules file's opt-in", () => {
  it("builds in every adapter", async () => {
    const root = createProject({ "shared/ctx.ts": `export function createContext(user: string): { user: string } { return { user }; }\n` }, "outside-opt-in");
    const files = migrationFixture();
    const dir = path.join(root, "app");
    for (const [file, text] of Object.entries({ ...files, "ssot-imports.json": JSON.stringify({ allowOutsideProject: true, rules: [{ ...rule, to: "../shared/ctx" }] }) })) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
    const tsconfig = JSON.parse(files["tsconfig.json"]);
    fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ ...tsconfig, compilerOptions: { ...tsconfig.compilerOptions, rootDir: ".." } }));
    expect(buildWithPlugin(dir).diagnostics).toEqual([]);
    for (const bundle of [true, false]) {
      const result = await esbuild.build(pluginBuildOptions(dir, bundle, path.join(dir, `esb-${bundle}`)));
      expect(result.errors).toEqual([]);
    }
    expect((await runCli(dir, ["report"])).code).toBe(0);
  });
});

describe("a rules file with a byte order mark", () => {
  const dir = createProject({ ...migrationFixture(), "ssot-imports.json": `\uFEFF${migrationFixture()["ssot-imports.json"]}` }, "bom-rules");

  it("is read by tsc", () => {
    expect(buildWithPlugin(dir).diagnostics).toEqual([]);
  });
  for (const bundle of [true, false]) {
    it(`is read by esbuild (${bundle ? "bundle" : "bundle: false"})`, async () => {
      const result = await esbuild.build(pluginBuildOptions(dir, bundle, path.join(dir, `esb-${bundle}`)));
      expect(result.errors).toEqual([]);
      expect(filesUnder(path.join(dir, `esb-${bundle}`)).length).toBeGreaterThan(0);
    });
  }
  it("is read by the CLI", async () => {
    const r = await runCli(dir, ["report"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("src/main.ts:1:");
  });
});

describe("a rules path that is a folder", () => {
  const fixture = migrationFixture();
  const tsconfig = JSON.parse(fixture["tsconfig.json"]);
  tsconfig.compilerOptions.plugins = [{ transform: "ssot-imports/tsc", transformProgram: true, rules: "./config" }];
  const dir = createProject({ ...fixture, "config/README.md": "rules live elsewhere\n", "tsconfig.json": JSON.stringify(tsconfig, null, 2) }, "rules-folder");
  const folder = path.join(dir, "config");

  it("tsc says it is a folder, not a file", () => {
    const [diagnostic] = buildWithPlugin(dir).diagnostics;
    expect(diagnostic).toContain(`rules file ${folder} is a folder, not a file`);
  });
  for (const bundle of [true, false]) {
    it(`esbuild (${bundle ? "bundle" : "bundle: false"}) says it is a folder, not a file`, async () => {
      const { errors } = await buildErrors(pluginBuildOptions(dir, bundle, path.join(dir, "out"), loadPlugin(dir)({ rules: "config" })));
      expect(errors.map((e) => e.text)).toEqual([`rules file ${folder} is a folder, not a file`]);
    });
  }
  it("the CLI says it is a folder, not a file (exit 2)", async () => {
    const r = await runCli(dir, ["report", "--rules", "config"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`rules file ${folder} is a folder, not a file`);
  });
});

describe(`"rules": []`, () => {
  const text = `{\n  "rules": []\n}\n`;
  const dir = createProject({ ...migrationFixture(), "ssot-imports.json": text }, "empty-rules");
  const words = `"rules" is empty: nothing will be rewritten`;

  it("tsc warns, and builds", () => {
    let printed = "";
    const write = process.stdout.write;
    // The plugin writes through ts.sys.write, which is process.stdout in process.
    process.stdout.write = ((s: string) => ((printed += s), true)) as typeof process.stdout.write;
    try {
      expect(buildWithPlugin(dir).diagnostics).toEqual([]);
    } finally {
      process.stdout.write = write;
    }
    expect(printed).toContain(`ssot-imports.json(2,12): warning TS990001: ssot-imports: ${words}`);
  });
  for (const bundle of [true, false]) {
    it(`esbuild (${bundle ? "bundle" : "bundle: false"}) warns, and builds`, async () => {
      const result = await esbuild.build(pluginBuildOptions(dir, bundle, path.join(dir, `esb-${bundle}`)));
      expect(result.warnings.map((w) => ({ file: w.location?.file, line: w.location?.line, column: w.location!.column + 1, text: w.text }))).toEqual([{ file: "ssot-imports.json", line: 2, column: 12, text: words }]);
    });
  }
  it("the CLI warns on stderr", async () => {
    const r = await runCli(dir, ["report"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`ssot-imports.json:2:12 - warning: ${words}`);
  });
});
