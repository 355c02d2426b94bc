import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { factoryProject, runBin, runCli } from "./harness";

describe("report", () => {
  const dir = factoryProject({
    // A second rule, a chain (legacy → factory → ctx), an unsafe site and a deleted deprecated module.
    "src/legacy/index.ts": `export { createManager as makeManager } from "../ws/factory";\n`,
    "src/features/chat.ts": `import { makeManager } from "../legacy";
import { createManager } from "../ws/factory.js";
export const chat = [makeManager("x"), createManager("y")];
`,
    "src/features/whole.ts": `import * as f from "../ws/factory";
export const all = f;
`,
    "src/features/gone.ts": `import { oldThing } from "../removed/old";
export const g = oldThing;
`,
    "src/new/thing.ts": `export const newThing = 1;\n`,
    // Contains no needle, so it is never parsed: its syntax error must not be reported.
    "src/noise.ts": `const = ;\n`,
  }, {
    rules: [
      { from: "./src/ws/factory", to: "./src/services/ctx", symbols: { createManager: "createContext", Manager: "Context" }, message: "Use the per-user context" },
      { from: "./src/removed/old", to: "./src/new/thing", symbols: { oldThing: "newThing" } },
      { from: "./src/legacy", to: "./src/ws/factory" },
    ],
  }, "report");

  it("groups text output by rule and file, with counts and file:line:col", async () => {
    const r = await runCli(dir, ["report"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("rule 1 (./src/ws/factory → ./src/services/ctx): 5 violations in 5 files");
    expect(lines[1]).toBe("  Use the per-user context");
    // The replacement is written as the importer would write it: from its folder, with its `.js`.
    expect(r.stdout).toContain("  src/features/chat.ts: 1\n    src/features/chat.ts:2:31  \"../ws/factory.js\" → \"../services/ctx.js\" (createManager → createContext)");
    expect(r.stdout).toContain("    src/main.ts:1:45  \"./ws/factory\" → \"./services/ctx\" (createManager → createContext, Manager → Context)");
    expect(r.stdout).toContain("rule 2 (./src/removed/old → ./src/new/thing): 1 violation in 1 file");
    expect(r.stdout).toContain("src/features/gone.ts:1:26  \"../removed/old\" → \"../new/thing\" (oldThing → newThing)");
    expect(r.stdout).toContain("rule 3 (./src/legacy → ./src/ws/factory): 1 violation in 1 file");
    // The chain is followed to its end, where `makeManager` (a name of the legacy barrel) does not exist: the
    // rules forgot it, which is listed rather than migrated into an import that does not compile.
    expect(r.stdout).toContain(`"../legacy" → "../services/ctx"\n      cannot be migrated automatically: imports "makeManager" from ./src/legacy, but ./src/services/ctx does not export "makeManager"`);
    // The unsafe site is a violation too, with the reason it cannot be migrated automatically.
    expect(r.stdout).toMatch(/src\/features\/whole\.ts:1:20 {2}"\.\.\/ws\/factory" → "\.\.\/services\/ctx"\n {6}cannot be migrated automatically: `f` is used as a whole/);
    expect(lines.at(-2)).toBe("7 violations in 6 files (11 scanned)");
    expect(r.stdout).not.toContain("noise.ts");
  });

  it("prints paths relative to the cwd, so they stay clickable from a subfolder", async () => {
    const r = await runCli(path.join(dir, "src"), ["report", "--project", "../tsconfig.json"]);
    expect(r.stdout).toContain("    main.ts:1:45  ");
    expect(r.stdout).toContain("    features/gone.ts:1:26  ");
  });

  it("writes exactly the documented JSON, paths relative to the project root", async () => {
    const r = await runCli(path.join(dir, "src"), ["report", "-p", "..", "--format", "json"]);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(["violations", "summary"]);
    expect(json.summary).toEqual({ violations: 7, files: 6 });
    const rule1 = { index: 1, from: "./src/ws/factory", to: "./src/services/ctx", message: "Use the per-user context" };
    expect(json.violations[0]).toEqual({
      file: "src/features/chat.ts",
      line: 2,
      column: 31,
      specifier: "../ws/factory.js",
      replacement: "../services/ctx.js",
      rule: rule1,
      symbols: [{ name: "createManager", module: "../services/ctx.js", newName: "createContext" }],
    });
    // A namespace object is not a symbol; its member accesses are, each with where it goes.
    expect(json.violations.find((v: { file: string }) => v.file === "src/util/helper.ts")).toMatchObject({
      rule: rule1,
      symbols: [
        { name: "createManager", module: "../services/ctx", newName: "createContext" },
        { name: "VERSION", module: "../services/ctx", newName: "VERSION" },
      ],
    });
    expect(json.violations.find((v: { file: string }) => v.file === "src/features/whole.ts")).toMatchObject({ symbols: [], unsafe: expect.stringContaining("is used as a whole") });
    expect(r.stdout).not.toContain(`"*"`);
    for (const v of json.violations) expect(Object.keys(v)).toEqual(["file", "line", "column", "specifier", "replacement", "rule", "symbols", ...(v.unsafe ? ["unsafe"] : [])]);
    expect(json.violations.map((v: { file: string }) => v.file)).toContain("src/util/helper.ts");
  });

  it("writes SARIF 2.1.0 with stable rule ids and project-relative locations", async () => {
    const r = await runCli(dir, ["report", "--format", "sarif"]);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe("2.1.0");
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe("ssot-imports");
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(["./src/ws/factory", "./src/removed/old", "./src/legacy"]);
    expect(run.results).toHaveLength(7);
    const gone = run.results.find((res: { ruleId: string }) => res.ruleId === "./src/removed/old");
    expect(gone.ruleIndex).toBe(1);
    expect(gone.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: "src/features/gone.ts", uriBaseId: "PROJECTROOT" }, region: { startLine: 1, startColumn: 26 } });
    expect(run.originalUriBaseIds.PROJECTROOT.uri).toMatch(/^file:\/\/.*\/$/);
  });

  it("prints GitHub workflow annotations with escaped properties", async () => {
    const r = await runCli(dir, ["report", "--format", "github"]);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(7);
    expect(lines).toContain(
      `::warning file=src/features/gone.ts,line=1,col=26,title=ssot-imports rule 2 (./src/removed/old → ./src/new/thing)::"../removed/old" is deprecated: import "../new/thing" (oldThing → newThing) instead`,
    );
    expect(lines).toContain(
      `::warning file=src/main.ts,line=1,col=45,title=ssot-imports rule 1 (./src/ws/factory → ./src/services/ctx)::"./ws/factory" is deprecated (Use the per-user context): import "./services/ctx" (createManager → createContext, Manager → Context) instead`,
    );
    for (const line of lines) expect(line).toMatch(/^::warning file=[^,]+,line=\d+,col=\d+,title=[^:]+::/);
  });

  it("colours only on a terminal and never with NO_COLOR", async () => {
    const plain = await runCli(dir, ["report"]);
    const tty = await runCli(dir, ["report"], { tty: true });
    const noColor = await runCli(dir, ["report"], { tty: true, env: { NO_COLOR: "1" } });
    expect(plain.stdout).not.toContain("\x1b[");
    expect(tty.stdout).toContain("\x1b[");
    expect(noColor.stdout).toBe(plain.stdout);
  });

  it("shows a progress indicator on a terminal only once a run takes over a second", async () => {
    let t = 0;
    const slowClock = () => (t += 400);
    const slow = await runCli(dir, ["report", "--format", "json"], { tty: true, now: slowClock });
    expect(slow.stderr).toMatch(/ssot-imports report: \d+\/11 files/);
    // The line is cleared at the end, so the terminal is left as it was.
    expect(slow.stderr.endsWith("\r\x1b[2K")).toBe(true);
    expect(() => JSON.parse(slow.stdout)).not.toThrow();
    const fast = await runCli(dir, ["report"], { tty: true, now: () => 0 });
    expect(fast.stderr).toBe("");
    const piped = await runCli(dir, ["report"], { tty: false, now: slowClock });
    expect(piped.stderr).toBe("");
  });

  it("reads the rules named in the tsc plugin entry, and --rules overrides them", async () => {
    const project = factoryProject({
      "config/rules.json": JSON.stringify({ rules: [{ from: "../src/ws/factory", to: "../src/services/ctx" }] }),
      "tsconfig.json": JSON.stringify({
        compilerOptions: { module: "commonjs", strict: true, types: [], plugins: [{ transform: "ssot-imports/tsc", transformProgram: true, rules: "./config/rules.json" }] },
        include: ["src"],
      }),
    }, { rules: [{ from: "./src/unrelated", to: "./src/services/ctx" }] }, "report-plugin");
    const viaPlugin = JSON.parse((await runCli(project, ["report", "-f", "json"])).stdout);
    expect(viaPlugin.summary).toEqual({ violations: 2, files: 2 });
    const viaFlag = JSON.parse((await runCli(project, ["report", "-f", "json", "--rules", "ssot-imports.json"])).stdout);
    expect(viaFlag.summary).toEqual({ violations: 0, files: 0 });
  });

  it("matches imports through tsconfig paths aliases", async () => {
    const project = factoryProject({
      "tsconfig.json": JSON.stringify({ compilerOptions: { module: "commonjs", strict: true, types: [], baseUrl: ".", paths: { "@ws/*": ["src/ws/*"] } }, include: ["src"] }),
      "src/aliased.ts": `import { createManager } from "@ws/factory";\nexport const m = createManager("z");\n`,
    }, undefined, "report-alias");
    const json = JSON.parse((await runCli(project, ["report", "-f", "json"])).stdout);
    expect(json.violations.map((v: { specifier: string }) => v.specifier)).toContain("@ws/factory");
  });

  it("runs as a real process", () => {
    const r = runBin(dir, ["report", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary).toEqual({ violations: 7, files: 6 });
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });
});
