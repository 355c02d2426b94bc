/**
 * Vitest differential: the unmigrated test suite run with ssot-imports/vite against its hand-migrated twin
 * run without it: the same tests, the same pass/fail for each, mocks included. A control run (the unmigrated
 * suite without the plugin) shows that the suite tells the two apart.
 */
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createProject, writeFiles } from "../helpers/project";
import { runVitest, type VitestRun } from "../helpers/vitest-run";
import { vitestTrees } from "./vitest-fixture";

describe("vitest: the unmigrated suite with the plugin behaves like the hand-migrated suite without it", () => {
  let plugin: VitestRun;
  let plain: VitestRun;
  let control: VitestRun;

  beforeAll(async () => {
    const { unmigrated, migrated } = vitestTrees();
    const [pluginDir, plainDir, controlDir] = [createProject(unmigrated, "vitest-plugin"), createProject(migrated, "vitest-plain"), createProject(unmigrated, "vitest-control")];
    [plugin, plain, control] = await Promise.all([runVitest(pluginDir, true), runVitest(plainDir, false), runVitest(controlDir, false)]);
  }, 120_000);

  it("every test file runs, and every test passes in the hand-migrated suite", () => {
    expect(plain.failedFiles).toEqual({});
    expect(plugin.failedFiles).toEqual({});
    expect(Object.keys(plain.tests).length).toBeGreaterThanOrEqual(7);
    expect(Object.values(plain.tests).every((status) => status === "passed"), plain.output).toBe(true);
  });

  it("the same pass/fail for each test, mocks included", () => {
    expect(plugin.tests).toEqual(plain.tests);
  });

  it("control: without the plugin the unmigrated suite fails where it meets a deprecated module", () => {
    const failing = Object.entries(control.tests).filter(([, status]) => status !== "passed").map(([name]) => name);
    expect(failing.sort()).toEqual([
      "imports a dependency that imports a deprecated package gets the SSOT package",
      "imports each user gets a manager of their own",
      "imports the SSOT's constants",
      "vi.doMock mocks the SSOT for the modules imported after it",
      "vi.importActual gives the real SSOT module, its renamed exports under their new names",
      "vi.mock with a factory of a module the rule does not reshape reaches the SSOT's importers",
      "vi.mock without a factory reaches the modules that import the SSOT",
    ]);
  });
});

describe("vitest: a mock the rules cannot carry over", () => {
  it("a mock factory that returns the old export names fails its test file with the tsc plugin's verdict, located", async () => {
    const { unmigrated } = vitestTrees();
    const dir = createProject(
      Object.fromEntries(Object.entries(unmigrated).filter(([file]) => !file.startsWith("tests/"))),
      "vitest-verdict",
    );
    writeFiles(dir, {
      "tests/verdict.test.ts": `import { createManager } from "../src/legacy/factory";\nvi.mock("../src/legacy/factory", () => ({ createManager: vi.fn() }));\nit("runs", () => { expect(createManager).toBeDefined(); });\n`,
    });
    const run = await runVitest(dir, true);
    expect(Object.keys(run.tests)).toEqual([]);
    const message = run.failedFiles[path.join("tests", "verdict.test.ts")];
    expect(message).toContain("the factory of `vi.mock` returns the deprecated module's export names, which the rule renames or moves; migrate this mock by hand");
    // Vite's own format: the plugin, the file with a 0-based column, and a code frame pointing at the specifier.
    expect(run.output).toContain("Plugin: ssot-imports");
    expect(run.output).toContain(`File: ${dir}/tests/verdict.test.ts:2:8`);
  }, 60_000);
});
