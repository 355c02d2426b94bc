import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { createProject } from "../helpers/project";
import { FACTORY_FILES, FACTORY_RULES, factoryProject, runBin, runCli } from "./harness";

const STACK = /\n\s+at /;

/** The factory story split into two referenced projects under one solution-style tsconfig. */
function solution(name: string, root: Record<string, unknown> = { files: [], references: [{ path: "./packages/app" }, { path: "./packages/lib" }] }): string {
  const member = (extra: Record<string, unknown> = {}) => JSON.stringify({ compilerOptions: { composite: true, module: "commonjs", target: "es2022", strict: true, types: [], rootDir: "src", outDir: "out" }, include: ["src"], ...extra });
  return createProject(
    {
      "tsconfig.json": JSON.stringify(root),
      "ssot-imports.json": JSON.stringify({ rules: [{ ...FACTORY_RULES.rules[0], from: "./packages/lib/src/ws/factory", to: "./packages/lib/src/services/ctx" }] }),
      "packages/lib/tsconfig.json": member(),
      "packages/lib/src/ws/factory.ts": FACTORY_FILES["src/ws/factory.ts"],
      "packages/lib/src/services/ctx.ts": FACTORY_FILES["src/services/ctx.ts"],
      "packages/lib/src/uses-factory.ts": `import { createManager } from "./ws/factory";\nexport const lib = createManager("lib");\n`,
      "packages/app/tsconfig.json": member({ references: [{ path: "../lib" }] }),
      "packages/app/src/main.ts": `import { createManager } from "../../lib/src/ws/factory";\nexport const app = createManager("app");\n`,
    },
    name,
  );
}

describe("the CLI never passes by scanning nothing", () => {
  it("a tsconfig that does not parse: TypeScript's message and location, exit 2, in every command", async () => {
    const dir = factoryProject({ "tsconfig.json": `{\n  "compilerOptions": { "module": "commonjs", }\n  "include": ["src"]\n}\n` }, undefined, "load-syntax");
    for (const command of ["report", "check", "migrate", "verify"]) {
      const r = await runCli(dir, command === "check" ? [command, "--update"] : [command]);
      expect(r.stderr).toBe("tsconfig.json:3:3 - error: ',' expected. (TS1005)\n");
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
    }
    expect(fs.existsSync(path.join(dir, "ssot-imports.baseline.json"))).toBe(false);
    const bin = runBin(dir, ["verify"]);
    expect(bin.code).toBe(2);
    expect(bin.stderr).toBe("tsconfig.json:3:3 - error: ',' expected. (TS1005)\n");
  });

  it("an unknown compiler option is TypeScript's error too, located", async () => {
    const dir = factoryProject({ "tsconfig.json": `{\n  "compilerOptions": { "modul": "commonjs" },\n  "include": ["src"]\n}\n` }, undefined, "load-option");
    const r = await runCli(dir, ["report"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("tsconfig.json:2:24 - error: Unknown compiler option 'modul'. Did you mean 'module'? (TS5025)\n");
  });

  it("a solution-style tsconfig is followed into its references, as tsc -b builds them", async () => {
    const dir = solution("load-solution");
    const r = await runCli(dir, ["report", "-f", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toEqual({ violations: 2, files: 2 });
    expect(report.violations.map((v: { file: string }) => v.file).sort()).toEqual(["packages/app/src/main.ts", "packages/lib/src/uses-factory.ts"]);

    const update = await runCli(dir, ["check", "--update"]);
    expect(update.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "ssot-imports.baseline.json"), "utf8")).violations).toEqual({
      "packages/app/src/main.ts": { "./packages/lib/src/ws/factory": 1 },
      "packages/lib/src/uses-factory.ts": { "./packages/lib/src/ws/factory": 1 },
    });

    const migrate = await runCli(dir, ["migrate", "--write"]);
    expect(migrate.stdout).toBe("migrated 2 imports in 2 files\n");
    expect(fs.readFileSync(path.join(dir, "packages/app/src/main.ts"), "utf8")).toContain(`from "../../lib/src/services/ctx"`);
  });

  it("a solution's nested solution is followed too, and each file is scanned once", async () => {
    const dir = solution("load-nested", { files: [], references: [{ path: "./packages" }, { path: "./packages/lib" }] });
    fs.writeFileSync(path.join(dir, "packages/tsconfig.json"), JSON.stringify({ files: [], references: [{ path: "./app" }, { path: "./lib" }] }));
    const r = await runCli(dir, ["report", "-f", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary).toEqual({ violations: 2, files: 2 });
  });

  it("a reference to a project that does not exist: exit 2, located at the reference", async () => {
    const dir = solution("load-missing-ref", { files: [], references: [{ path: "./packages/app" }, { path: "./packages/gone" }] });
    const r = await runCli(dir, ["check", "--update"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^tsconfig\.json:1:\d+ - error: referenced project not found: .*\/packages\/gone\/tsconfig\.json\n$/);
    expect(fs.existsSync(path.join(dir, "ssot-imports.baseline.json"))).toBe(false);
  });

  it("without --project, tsconfig.json is found upward from the working folder, as tsc finds it", async () => {
    const dir = factoryProject({}, undefined, "load-upward");
    const r = await runCli(path.join(dir, "src/util"), ["report", "-f", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary).toEqual({ violations: 2, files: 2 });
  });

  it.skipIf(fs.existsSync(path.join(os.tmpdir(), "tsconfig.json")) || fs.existsSync("/tsconfig.json"))("without --project and no tsconfig.json above: exit 2", async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "ssot-no-tsconfig-"));
    const r = await runCli(empty, ["report"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ssot-imports: no tsconfig.json in ${empty} or any folder above it; pass --project\n`);
  });

  it("0 files scanned is a warning, and check --update refuses to write a baseline from it", async () => {
    const dir = factoryProject({ "tsconfig.json": JSON.stringify({ compilerOptions: { module: "commonjs" }, include: ["source"] }) }, undefined, "load-empty");
    const warning = "ssot-imports: warning: tsconfig.json includes no source files: nothing was scanned\n";
    const report = await runCli(dir, ["report"]);
    expect(report.stderr).toBe(warning);
    expect(report.code).toBe(0);
    const verify = await runCli(dir, ["verify"]);
    expect(verify.stderr).toContain(warning);
    const update = runBin(dir, ["check", "--update"]);
    expect(update.stderr).toBe(`${warning}ssot-imports: refusing to write ssot-imports.baseline.json from 0 scanned files; fix the tsconfig's "include" or "files" (or pass --project)\n`);
    expect(update.code).toBe(2);
    expect(update.stderr).not.toMatch(STACK);
    expect(fs.existsSync(path.join(dir, "ssot-imports.baseline.json"))).toBe(false);
  });

  it("a solution whose references include no files is the same warning, not a pass in silence", async () => {
    const dir = createProject({ "tsconfig.json": JSON.stringify({ files: [], references: [{ path: "./a" }] }), "a/tsconfig.json": JSON.stringify({ compilerOptions: { composite: true }, include: ["src"] }), "ssot-imports.json": JSON.stringify(FACTORY_RULES), ...FACTORY_FILES }, "load-empty-solution");
    const r = await runCli(dir, ["check", "--update"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("includes no source files: nothing was scanned");
  });
});
