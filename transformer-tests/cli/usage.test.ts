import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { factoryProject, runBin, runCli } from "./harness";

const STACK = /\n\s+at /;

describe("usage errors: one line on stderr, exit 2, never a stack trace", () => {
  const dir = factoryProject({}, undefined, "usage");

  const cases: Array<[string, string[], RegExp]> = [
    ["an unknown flag", ["report", "--bogus"], /^ssot-imports: unknown option '--bogus'\n$/],
    ["a misspelt flag, with a suggestion", ["report", "--formt", "json"], /^ssot-imports: unknown option '--formt' \(did you mean --format\?\)\n$/],
    ["an unknown format", ["report", "--format", "xml"], /^ssot-imports: option '-f, --format <format>' argument 'xml' is invalid\. Allowed choices are text, json, sarif, github\.\n$/],
    ["a missing tsconfig", ["report", "--project", "nope/tsconfig.json"], /^ssot-imports: tsconfig not found: .*nope\/tsconfig\.json\n$/],
    ["a missing rules file", ["migrate", "--rules", "missing.json"], /^ssot-imports: rules file not found: .*missing\.json\n$/],
    ["a missing baseline", ["check", "--baseline", "none.json"], /^ssot-imports: no baseline at .*none\.json; create it with `ssot-imports check --update`\n$/],
    ["an unknown command", ["frobnicate"], /^ssot-imports: unknown command 'frobnicate'\n$/],
    ["a stray argument", ["verify", "extra"], /^ssot-imports: too many arguments for 'verify'\. Expected 0 arguments but got 1\.\n$/],
  ];
  for (const [what, args, message] of cases) {
    it(`reports ${what}`, async () => {
      const r = await runCli(dir, args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe("");
    });
  }

  it("prints the help on stderr and exits 2 without a command", async () => {
    const r = await runCli(dir, []);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Usage: ssot-imports [options] [command]");
  });

  it("reports a broken rules file with its location and exit 2", async () => {
    const broken = factoryProject({ "ssot-imports.json": `{ "rules": [ { "from": "./src/ws/factory", "too": "./src/services/ctx" } ] }` }, undefined, "usage-broken");
    const r = await runCli(broken, ["report"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ssot-imports\.json:1:\d+ - error \[rule 1\]: unknown rule key "too"; did you mean "to"\?/);
    expect(r.stderr).not.toMatch(STACK);
  });

  for (const command of ["report", "check", "migrate", "verify"]) {
    it(`${command} --help describes its options and exits 0`, async () => {
      const r = await runCli(dir, [command, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: ssot-imports ${command} [options]`);
      expect(r.stdout).toContain("--project <tsconfig>");
      expect(r.stdout).toContain("Exit status:");
    });
  }

  it("exits 2 with one line and no stack as a real process", () => {
    const missing = runBin(dir, ["report", "--project", "nowhere.json"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).not.toMatch(STACK);
    const flag = runBin(dir, ["migrate", "--dry"]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toBe("ssot-imports: unknown option '--dry'\n");
  });

  it("prints one exit-status table in --help, the same for every command", async () => {
    const table = [
      "Exit status:",
      "  0  success",
      "  1  findings: new or stale violations (check), imports to migrate by hand or files that do not parse (migrate, report), rule errors (verify)",
      "  2  usage or configuration error: bad arguments, a tsconfig or rules file that is missing or invalid, a file that cannot be written; nothing was written",
      "  3  a defect of ssot-imports itself (please report it; SSOT_IMPORTS_DEBUG=1 prints the stack)",
    ].join("\n");
    for (const args of [["--help"], ["report", "--help"], ["check", "--help"], ["migrate", "--help"], ["verify", "--help"]]) {
      expect((await runCli(dir, args)).stdout).toContain(table);
    }
  });

  it("a file the user names that cannot be written is their problem: exit 2, never an internal error", () => {
    const project = factoryProject({}, undefined, "usage-baseline-folder");
    fs.mkdirSync(path.join(project, "baselines"));
    const r = runBin(project, ["check", "--update", "--baseline", "baselines"]);
    expect(r.stderr).toBe("ssot-imports: cannot write baselines: is a folder\n");
    expect(r.code).toBe(2);
  });

  it("has a shebang so the bin runs directly", () => {
    expect(fs.readFileSync(path.join(__dirname, "../../dist/cli/main.js"), "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });
});
