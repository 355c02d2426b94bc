/**
 * Mistakes in the user's sources: a syntax error is esbuild's to report, exactly as without the plugin; an
 * import that cannot be rewritten without guessing (bundle: false only; bundling needs no rewrite) stops the
 * build at its file:line:column instead of producing a program that behaves differently.
 */
import * as path from "node:path";
import * as esbuild from "esbuild";
import type { BuildOptions } from "esbuild";
import { describe, expect, it } from "vitest";
import { buildErrors, loadPlugin, runNode } from "../helpers/esbuild-build";
import { STACK_LINE } from "../helpers/processes";
import { createProject } from "../helpers/project";

const files = {
  "src/legacy/factory.ts": `export function createManager(user: string) { return "mgr:" + user; }\nexport const VERSION = "1";\n`,
  "src/services/context.ts": `export function createContext(user: string) { return "ctx:" + user; }\nexport const VERSION = "2";\n`,
  "ssot-imports.json": JSON.stringify({ rules: [{ from: "./src/legacy/factory", to: "./src/services/context", symbols: { createManager: "createContext" } }] }),
};

const options = (dir: string, bundle: boolean): BuildOptions => ({
  absWorkingDir: dir,
  entryPoints: ["src/main.ts"],
  bundle,
  format: "cjs",
  platform: "node",
  outdir: path.join(dir, "out"),
  logLevel: "silent",
});

describe("a source file with a syntax error", () => {
  const dir = createProject({ ...files, "src/main.ts": `import { createManager } from "./legacy/factory";\nconst broken = ;\nconsole.log(createManager("a"), broken);\n` });

  for (const bundle of [true, false]) {
    it(`is reported by esbuild as without the plugin, at its place (${bundle ? "bundle" : "bundle: false"})`, async () => {
      const plain = await buildErrors({ ...options(dir, bundle), write: false });
      const withPlugin = await buildErrors({ ...options(dir, bundle), write: false, plugins: [loadPlugin(dir)()] });
      expect(plain.errors.map((e) => e.location?.line)).toEqual([2]);
      const shape = (e: esbuild.Message) => ({ text: e.text, location: e.location, detail: e.detail });
      expect(withPlugin.errors.map(shape)).toEqual(plain.errors.map(shape));
    });
  }
});

describe("a namespace object used as a whole, from a module whose exports the rule renames", () => {
  const main = `import * as factory from "./legacy/factory";\nconst api = factory;\nconsole.log(api.createManager("a"), api.VERSION);\n`;
  const dir = createProject({ ...files, "src/main.ts": main });

  it("stops an unbundled build at the import, naming the rule, with no stack trace", async () => {
    const { errors } = await buildErrors({ ...options(dir, false), write: false, plugins: [loadPlugin(dir)()] });
    expect(errors).toHaveLength(1);
    expect(errors[0].location).toMatchObject({ file: "src/main.ts", line: 1, column: main.indexOf(`"./legacy/factory"`) });
    expect(errors[0].text).toContain("rule 1 (./src/legacy/factory → ./src/services/context)");
    expect(errors[0].text).toMatch(/`factory` is used as a whole/);
    expect(errors[0].text).not.toMatch(STACK_LINE);
  });

  it("bundles and runs: the facade gives the namespace its old names", async () => {
    await esbuild.build({ ...options(dir, true), plugins: [loadPlugin(dir)()] });
    expect(runNode(path.join(dir, "out/main.js"))).toBe("ctx:a 2\n");
  });
});

describe("a syntax error in the SSOT module of a rule the build never reaches", () => {
  // The targets of all rules are asked about in one probe build at the start; one unreadable target must not
  // fail the others' facades (each is then asked alone), exactly as a plain build never reads that file.
  const dir = createProject({
    ...files,
    "src/legacy/other.ts": `export const other = "old";\n`,
    "src/services/broken.ts": `export const other = ;\n`,
    "ssot-imports.json": JSON.stringify({
      rules: [
        { from: "./src/legacy/factory", to: "./src/services/context", symbols: { createManager: "createContext" } },
        { from: "./src/legacy/other", to: "./src/services/broken" },
      ],
    }),
    "src/main.ts": `import { createManager } from "./legacy/factory";\nconsole.log(createManager("a"));\n`,
  });

  it("bundles and runs the part that uses the other rule", async () => {
    const result = await esbuild.build({ ...options(dir, true), plugins: [loadPlugin(dir)()] });
    expect(result.errors).toEqual([]);
    expect(runNode(path.join(dir, "out/main.js"))).toBe("ctx:a\n");
  });
});
