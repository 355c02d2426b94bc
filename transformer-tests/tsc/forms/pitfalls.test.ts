/**
 * The pitfalls the issue names, each as its own test: what a naive `before` transformer gets wrong.
 * Each also runs the differential assertions, so the program behaves like the hand-migrated one.
 *
 * Settings: CommonJS output for the `module_1.oldName` pitfall, ESM output (esnext + bundler) for type
 * elision, both for declarations. Other settings are covered by the per-form files.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MODULE_SETTINGS, disposeFormsProject, declarations, expectFormLikeMigrated, outputPath, prepareFormsProject, readOutput, type FormsProject, type ModuleSetting } from "../../helpers/forms";
import { fixture } from "./fixture";
import { pitfallForm } from "./pitfalls.forms";

const setting = (name: string): ModuleSetting => MODULE_SETTINGS.find((s) => s.name === name)!;
const commonjs = setting("commonjs");
const esm = setting("esnext + bundler");

const main = "src/forms/pitfalls/main.ts";

describe("pitfalls of rewriting imports after type checking", () => {
  let cjs: FormsProject;
  let es: FormsProject;
  beforeAll(() => {
    cjs = prepareFormsProject("pitfall", commonjs, fixture, [pitfallForm(commonjs)]);
    es = prepareFormsProject("pitfall", esm, fixture, [pitfallForm(esm)]);
  });
  afterAll(() => [cjs, es].forEach(disposeFormsProject));

  it("CommonJS output calls the new export name, not `module_1.oldName`", () => {
    expectFormLikeMigrated(cjs, "pitfalls");
    const js = readOutput(cjs.plugin, outputPath(main))!;
    expect(js).toMatch(/require\("\.\.\/\.\.\/services\/context"\)/);
    expect(js).toMatch(/\w+_1\.createContext\)?\("alice"\)/);
    expect(js).not.toMatch(/\.createManager\b/);
  });

  it("type-only specifiers are elided in ESM output", () => {
    expectFormLikeMigrated(es, "pitfalls");
    const js = readOutput(es.plugin, outputPath(main))!;
    const imports = js.split("\n").filter((line) => /^\s*import\b/.test(line));
    expect(imports).toEqual([`import { createContext as createManager } from "../../services/context.js";`]);
  });

  it.each([
    ["CommonJS", () => cjs],
    ["ESM", () => es],
  ])(".d.ts imports the SSOT path (%s)", (_label, project) => {
    const dts = declarations(project().plugin.dir, "out/forms/pitfalls")["main.d.ts"];
    expect(dts).toMatch(/from "\.\.\/\.\.\/services\/context(\.js)?"/);
    expect(dts).toContain("Context as Manager");
    expect(dts).not.toContain("legacy/");
  });
});
