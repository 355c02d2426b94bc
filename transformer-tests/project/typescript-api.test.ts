import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { typeScriptApiFrom } from "../../src/project/typescript-api";
import { runCli } from "../cli/harness";
import { REPO_ROOT, createProject } from "../helpers/project";
import { migrationFixture } from "../helpers/processes";

/**
 * TypeScript 7's `typescript` package exports its version and nothing else. The tools that need TypeScript's
 * JavaScript API (the CLI, esbuild's `bundle: false` type-aware step) must pass it over for TypeScript 6 under
 * the alias `typescript-6`, never call into it and crash.
 */
describe("finding TypeScript's JavaScript API", () => {
  const version7 = { version: "7.0.2" };
  const api6 = { version: "6.0.3", createProgram: () => undefined };
  const requireOf = (modules: Record<string, unknown>) => (id: string) => {
    if (!(id in modules)) throw new Error(`Cannot find module '${id}'`);
    return modules[id];
  };

  it("takes `typescript` when it has the API", () => {
    expect(typeScriptApiFrom(requireOf({ typescript: api6 }))).toBe(api6);
  });

  it("passes TypeScript 7 over for `typescript-6`", () => {
    expect(typeScriptApiFrom(requireOf({ typescript: version7, "typescript-6": api6 }))).toBe(api6);
  });

  it("finds nothing when only TypeScript 7 is installed", () => {
    expect(typeScriptApiFrom(requireOf({ typescript: version7 }))).toBeUndefined();
  });

  it("the CLI works in a project whose `typescript` is 7, with 6 as `typescript-6`", async () => {
    const dir = createProject({ ...migrationFixture(), "package.json": `{ "name": "on-typescript-7", "private": true }` }, "typescript-7-project");
    try {
      const modules = path.join(dir, "node_modules");
      fs.symlinkSync(path.join(REPO_ROOT, "compat", "typescript-7", "node_modules", "typescript"), path.join(modules, "typescript"), "dir");
      fs.symlinkSync(path.join(REPO_ROOT, "node_modules", "typescript"), path.join(modules, "typescript-6"), "dir");
      const result = await runCli(dir, ["facades"]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^ssot-imports facades: /);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
