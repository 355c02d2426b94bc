import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { createProject } from "../../helpers/project";
import { STACK_LINE, TS_VERSIONS, buildProject, buildSolution, migrationFixture, patchedTypeScript, type InProcessBuild } from "../../helpers/processes";

/**
 * Bad input, in process: every mistake stops the build with one clear, located ssot-imports error, no stack
 * trace, no output files (not even .tsbuildinfo) and a failing status. Each case runs as a plain `tsc -p`
 * program and as a `tsc -b` builder program (the path incremental and --watch share), on TypeScript 6.0 and
 * 5.9: builder programs once dropped these errors silently and exited 0.
 */

const PLUGIN = { transform: "ssot-imports/tsc", transformProgram: true };
const rule = { from: "./src/ws/factory", to: "./src/services/ctx", symbols: { createManager: "createContext" } };

/** The fixture's tsconfig with the plugin entry replaced. */
function withPluginEntry(entry: Record<string, unknown>): string {
  const config = JSON.parse(migrationFixture()["tsconfig.json"]!);
  config.compilerOptions.plugins = [entry];
  return JSON.stringify(config, null, 2);
}

interface BadInputCase {
  name: string;
  /** Files replacing the fixture's; `null` deletes one. */
  files: Record<string, string | null>;
  /** The file the error must point into, and a pattern for the rest of the message. */
  at: "ssot-imports.json" | "tsconfig.json";
  message: RegExp;
}

const CASES: BadInputCase[] = [
  {
    name: "malformed JSON in the rules file",
    files: { "ssot-imports.json": `{\n  "rules": [\n    { "from": "./src/ws/factory" "to": "./src/services/ctx" }\n  ]\n}\n` },
    at: "ssot-imports.json",
    message: /invalid JSON: comma expected/,
  },
  {
    name: "the same from twice (contradictory rules)",
    files: { "ssot-imports.json": JSON.stringify({ rules: [rule, { from: "./src/ws/factory", to: "./src/util" }] }, null, 2) },
    at: "ssot-imports.json",
    message: /\[rule 2[^\]]*\].*already deprecated by rule 1/,
  },
  {
    name: "a rule with no to and no moved symbols",
    files: { "ssot-imports.json": JSON.stringify({ rules: [{ from: "./src/ws/factory" }] }, null, 2) },
    at: "ssot-imports.json",
    message: /\[rule 1\].*missing "to"/,
  },
  {
    name: "a to that does not exist",
    files: { "ssot-imports.json": JSON.stringify({ rules: [{ ...rule, to: "./src/services/gone" }] }, null, 2) },
    at: "ssot-imports.json",
    message: /\[rule 1[^\]]*\]: "to" names \.\/src\/services\/gone, which does not exist/,
  },
  {
    name: "a renamed symbol the target does not export",
    files: { "ssot-imports.json": JSON.stringify({ rules: [{ ...rule, symbols: { createManager: "createMissing" } }] }, null, 2) },
    at: "ssot-imports.json",
    message: /\[rule 1[^\]]*\]: symbol "createManager" maps to "createMissing", which \.\/src\/services\/ctx does not export/,
  },
  {
    name: "the plugin configured but no rules file",
    files: { "ssot-imports.json": null },
    at: "tsconfig.json",
    message: /no rules: create ssot-imports\.json next to tsconfig\.json/,
  },
  {
    name: "an unknown plugin option in tsconfig",
    files: { "tsconfig.json": withPluginEntry({ ...PLUGIN, rulez: "./ssot-imports.json" }) },
    at: "tsconfig.json",
    message: /unknown ssot-imports plugin option "rulez"; did you mean "rules"\?/,
  },
  {
    name: "inline rules in tsconfig with a misspelt key",
    files: { "ssot-imports.json": null, "tsconfig.json": withPluginEntry({ ...PLUGIN, rules: [{ from: "./src/ws/factory", too: "./src/services/ctx" }] }) },
    at: "tsconfig.json",
    message: /\[rule 1\].*unknown rule key "too"; did you mean "to"\?/,
  },
  {
    name: "inline rules in tsconfig renaming to a symbol the target does not export",
    files: { "ssot-imports.json": null, "tsconfig.json": withPluginEntry({ ...PLUGIN, rules: [{ ...rule, symbols: { createManager: "createMissing" } }] }) },
    at: "tsconfig.json",
    message: /\[rule 1[^\]]*\]: symbol "createManager" maps to "createMissing"/,
  },
];

function projectFor(c: BadInputCase, name: string): string {
  const files = { ...migrationFixture(), ...c.files };
  const dir = createProject(Object.fromEntries(Object.entries(files).filter(([, text]) => text !== null)) as Record<string, string>, name);
  return dir;
}

function expectBlocked(c: BadInputCase, build: InProcessBuild, dir: string): void {
  const text = build.diagnostics.join("\n");
  expect(text).not.toMatch(STACK_LINE);
  const ours = build.diagnostics.filter((d) => d.includes("TS990001"));
  expect(ours.length, text).toBeGreaterThan(0);
  // Located: file(line,col) inside the file that holds the mistake, so an editor jumps straight to it.
  for (const d of ours) expect(d, text).toMatch(new RegExp(`^${c.at.replace(".", "\\.")}\\(\\d+,\\d+\\): TS990001: ssot-imports`));
  expect(text).toMatch(c.message);
  expect(build.exitStatus).not.toBe(0);
  expect(build.written, "no output files, not even .tsbuildinfo").toEqual([]);
  expect(fs.existsSync(path.join(dir, "out")), "no out dir").toBe(false);
}

for (const version of TS_VERSIONS) {
  describe(`bad input on TypeScript ${version}`, () => {
    const ts = patchedTypeScript(version);
    for (const c of CASES) {
      it(`${c.name}: tsc -p stops with a located error and writes nothing`, () => {
        const dir = projectFor(c, `bad-p-${version}`);
        expectBlocked(c, buildProject(ts, dir), dir);
      });
      it(`${c.name}: tsc -b (builder program) reports it too and writes nothing`, () => {
        const dir = projectFor(c, `bad-b-${version}`);
        expectBlocked(c, buildSolution(ts, dir), dir);
      });
    }
  });
}

describe("TypeScript's own syntax errors with the plugin (TypeScript 6.0)", () => {
  const ts = patchedTypeScript("6.0");
  const broken = { "src/broken.ts": `import { createManager } from "./ws/factory";\nexport const x = createManager(;\n` };

  it("are reported exactly as without the plugin, with no ssot-imports error and no crash", () => {
    const withPlugin = createProject({ ...migrationFixture(), ...broken }, "syntax-plugin");
    const config = JSON.parse(migrationFixture()["tsconfig.json"]!);
    delete config.compilerOptions.plugins;
    const plain = createProject({ ...migrationFixture(), ...broken, "tsconfig.json": JSON.stringify(config) }, "syntax-plain");
    const pluginBuild = buildProject(ts, withPlugin);
    const plainBuild = buildProject(ts, plain);
    expect(pluginBuild.diagnostics.length).toBeGreaterThan(0);
    expect(pluginBuild.diagnostics).toEqual(plainBuild.diagnostics);
    expect(pluginBuild.diagnostics.join("\n")).toMatch(/^src\/broken\.ts\(2,\d+\): TS1005: '\)' expected/m);
    expect(pluginBuild.exitStatus).not.toBe(0);
  });

  it("with noEmitOnError nothing is written, and the other files' rewrites do not fail", () => {
    const dir = createProject({ ...migrationFixture({ compilerOptions: { noEmitOnError: true } }), ...broken }, "syntax-noemit");
    const build = buildProject(ts, dir);
    expect(build.diagnostics.every((d) => !d.includes("TS990001")), build.diagnostics.join("\n")).toBe(true);
    expect(build.exitStatus).not.toBe(0);
    expect(build.written).toEqual([]);
  });
});
