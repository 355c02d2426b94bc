import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createProject } from "../../helpers/project";
import { migrationFixture, sleep } from "../../helpers/processes";
import { BIN, read, runCli } from "../harness";

/**
 * `ssot-imports facades` as a user meets it: where files go and what it refuses, the tsconfig options it prints
 * or writes, and how later runs (and --watch) keep the folder exactly in step with the rules.
 * transformer-tests/cli/facades/differential.test.ts shows the facades' types are right.
 */

const FACADE = ".ssot-imports/facades/src/ws/factory.d.ts";
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** The fixture with the deprecated factory deleted and an alias that reaches it. */
function project(extra: Record<string, string> = {}): string {
  const files = migrationFixture();
  delete files["src/ws/factory.ts"];
  const config = JSON.parse(files["tsconfig.json"]!);
  config.compilerOptions.paths = { "@ws/*": ["./src/ws/*"] };
  const dir = createProject({ ...files, "tsconfig.json": JSON.stringify(config, null, 2), ...extra }, "facades-cli");
  dirs.push(dir);
  return dir;
}

describe("ssot-imports facades", () => {
  it("writes the facade of a deleted module under .ssot-imports/facades, in a folder git ignores whole", async () => {
    const dir = project();
    const result = await runCli(dir, ["facades"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^ssot-imports facades: 1 facade in \.ssot-imports\/facades \(2 written, 0 unchanged, 0 removed\)$/m);
    expect(read(dir, FACADE)).toContain(`export { createContext as createManager } from "../../../../src/services/ctx.js";`);
    expect(read(dir, ".ssot-imports/.gitignore").split("\n")).toContain("*");
    expect(fs.existsSync(path.join(dir, "src/ws")), "nothing beside the user's sources").toBe(false);
  });

  it("--print-tsconfig prints only the compiler options: rootDirs, and each paths entry followed by its mirror", async () => {
    const dir = project();
    const result = await runCli(dir, ["facades", "--print-tsconfig"]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      compilerOptions: { rootDirs: [".", "./.ssot-imports/facades"], paths: { "@ws/*": ["./src/ws/*", "./.ssot-imports/facades/src/ws/*"] } },
    });
    expect(result.stderr).toMatch(/^ssot-imports facades: 1 facade/m);
  });

  it("--write-tsconfig writes a tsconfig extending the project's, with which plain tsc resolves the deleted module", async () => {
    const dir = project({ "src/alias.ts": `import { createManager } from "@ws/factory";\nexport const viaAlias: { user: string } = createManager("x");\n` });
    const result = await runCli(dir, ["facades", "--write-tsconfig"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("type-check with: tsc -p .ssot-imports/tsconfig.json --noEmit");
    const config = JSON.parse(read(dir, ".ssot-imports/tsconfig.json"));
    expect(config.extends).toBe("../tsconfig.json");
    expect(config.compilerOptions.rootDirs).toEqual(["..", "./facades"]);
    expect(config.compilerOptions.paths).toEqual({ "@ws/*": ["../src/ws/*", "./facades/src/ws/*"] });
  });

  it("a later run removes the facade of a rule that is gone and rewrites nothing that did not change", async () => {
    const dir = project();
    await runCli(dir, ["facades"]);
    const again = await runCli(dir, ["facades"]);
    expect(again.stdout).toContain("(0 written, 2 unchanged, 0 removed)");
    fs.writeFileSync(path.join(dir, "ssot-imports.json"), JSON.stringify({ rules: [{ from: "./src/ws/gone", to: "./src/services/ctx" }] }));
    const changed = await runCli(dir, ["facades"]);
    expect(changed.code, changed.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, FACADE))).toBe(false);
    expect(fs.existsSync(path.join(dir, ".ssot-imports/facades/src/ws/gone.d.ts"))).toBe(true);
    expect(changed.stdout).toContain("1 removed");
  });

  it("a renamed symbol the target does not export: the error names the rules file, line and rule, and nothing is written", async () => {
    const dir = project({ "ssot-imports.json": JSON.stringify({ rules: [{ from: "./src/ws/factory", to: "./src/services/ctx", symbols: { createManager: "createMissing" } }] }, null, 2) });
    const result = await runCli(dir, ["facades"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ssot-imports\.json:\d+:\d+ - error \[rule 1 [^\]]*\]: symbol "createManager" maps to "createMissing", which \.\/src\/services\/ctx does not export$/m);
    expect(fs.existsSync(path.join(dir, ".ssot-imports"))).toBe(false);
  });

  it("never writes into a folder it did not make", async () => {
    const dir = project({ "generated/keep.txt": "the user's\n" });
    const result = await runCli(dir, ["facades", "--out-dir", "generated"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/refusing to write into .*generated: it is not empty and was not made by ssot-imports/);
    expect(fs.readdirSync(path.join(dir, "generated"))).toEqual(["keep.txt"]);
  });

  it("a kept deprecated file gets a facade beside it only with --beside-sources, and loses it when the flag goes", async () => {
    const dir = createProject(migrationFixture(), "facades-kept");
    dirs.push(dir);
    const without = await runCli(dir, ["facades"]);
    expect(without.stdout).toContain("1 deprecated module still exists (src/ws/factory.ts)");
    expect(fs.existsSync(path.join(dir, "src/ws/factory.ssot-facade.ts"))).toBe(false);

    const beside = await runCli(dir, ["facades", "--beside-sources", "--print-tsconfig"]);
    expect(beside.code, beside.stderr).toBe(0);
    expect(read(dir, "src/ws/factory.ssot-facade.ts")).toContain(`export { createContext as createManager } from "../services/ctx.js";`);
    expect(JSON.parse(beside.stdout).compilerOptions.moduleSuffixes).toEqual([".ssot-facade", ""]);

    await runCli(dir, ["facades"]);
    expect(fs.existsSync(path.join(dir, "src/ws/factory.ssot-facade.ts"))).toBe(false);
  });

  it("--watch rewrites the facades when the rules change", async () => {
    const dir = project();
    const child = spawn(process.execPath, [BIN, "facades", "--watch"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += String(d)));
    child.stderr.on("data", (d) => (output += String(d)));
    const waitFor = async (pattern: RegExp, count: number) => {
      const deadline = Date.now() + 20_000;
      while ((output.match(pattern) ?? []).length < count) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no ${pattern} (${count}) in:\n${output}`);
        await sleep(50);
      }
    };
    try {
      await waitFor(/up to date; watching for changes/g, 1);
      expect(read(dir, FACADE)).toContain("createContext as createManager");
      const rules = path.join(dir, "ssot-imports.json");
      fs.writeFileSync(rules, read(dir, "ssot-imports.json").replace(`"createContext"`, `"createIsolatedContext"`));
      await waitFor(/up to date; watching for changes/g, 2);
      expect(read(dir, FACADE)).toContain("createIsolatedContext as createManager");
    } finally {
      child.kill();
    }
  });
});
