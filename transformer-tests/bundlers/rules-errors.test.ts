/**
 * Bad rules and bad options fail every bundler's build in that bundler's own error format, located in the rules
 * file (Rollup-like: `[plugin ssot-imports] file (line:column)`; webpack-like: `file:line:column - error`),
 * with nothing written.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import type { SsotImportsOptions } from "../../src/bundlers/plugin";
import { bundle, type BundlerName } from "../helpers/bundlers";
import { createProject } from "../helpers/project";

const BUNDLERS: readonly BundlerName[] = ["vite", "rollup", "rolldown", "webpack", "rspack"];

const SOURCES = {
  "tsconfig.json": JSON.stringify({ compilerOptions: { target: "es2022", module: "esnext", moduleResolution: "bundler", strict: true } }),
  "src/legacy/factory.ts": `export function createManager(user: string) { return { user }; }\n`,
  "src/services/context.ts": `export function createContext(user: string) { return { user: "ctx:" + user }; }\n`,
  "src/main.ts": `import { createManager } from "./legacy/factory";\nconsole.log(createManager("a").user);\n`,
};

// The mistake sits on line 4 of the rules file, column 45 (the `to` value), in rule 1.
const MISSING_TARGET = `{
  "rules": [
    {
      "from": "./src/legacy/factory", "to": "./src/services/gone"
    }
  ]
}
`;
const MISSING_EXPORT = `{
  "rules": [
    {
      "from": "./src/legacy/factory", "to": "./src/services/context",
      "symbols": { "createManager": "createContxt" }
    }
  ]
}
`;

interface Failure {
  /** What the build's promise rejected with, as the bundler's API hands it to its CLI. */
  message: string;
  /** Rollup-like bundlers: the error's own location, which their CLIs print (Rolldown and Vite also in the message). */
  id?: string;
  loc?: { line: number; column: number };
}

async function failure(dir: string, bundler: BundlerName, options: SsotImportsOptions = {}, mode?: "development"): Promise<Failure> {
  try {
    await bundle({ dir, bundler, format: "esm", plugin: options, mode });
  } catch (error) {
    const first = ((error as { errors?: Failure[] }).errors?.[0] ?? error) as Failure;
    return { message: (error as Error).message, id: first.id, loc: first.loc };
  }
  throw new Error(`${bundler} built the project, but an error was expected`);
}

const webpackLike = (bundler: BundlerName) => bundler === "webpack" || bundler === "rspack";

/** The location as each bundler reports it: Rollup-like ones with a 0-based column. */
function expectLocated(bundler: BundlerName, failure: Failure, file: string, line: number, column: number): void {
  if (webpackLike(bundler)) return void expect(failure.message).toContain(`${file}:${line}:${column} - error`);
  expect(failure.id).toBe(file);
  expect(failure.loc).toMatchObject({ line, column: column - 1 });
  if (bundler !== "rollup") expect(failure.message).toContain(`[plugin ssot-imports] ${file}:${line}:${column - 1}`);
}

describe.each(BUNDLERS)("%s: a build with bad rules or options fails, located, nothing written", (bundler) => {
  it("a `to` that does not exist: the rules file, the line, the rule", async () => {
    const dir = createProject({ ...SOURCES, "ssot-imports.json": MISSING_TARGET }, `${bundler}-missing-to`);
    const failed = await failure(dir, bundler);
    expectLocated(bundler, failed, path.join(dir, "ssot-imports.json"), 4, 45);
    expect(failed.message).toContain(`[rule 1 (./src/legacy/factory → ./src/services/gone)]`);
    expect(failed.message).toContain(`"to" names ./src/services/gone, which does not exist`);
    expect(failed.message, "a stack trace").not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });

  it("a symbol mapped to a name the target does not export: located at the symbols entry", async () => {
    const dir = createProject({ ...SOURCES, "ssot-imports.json": MISSING_EXPORT }, `${bundler}-missing-export`);
    const failed = await failure(dir, bundler);
    expectLocated(bundler, failed, path.join(dir, "ssot-imports.json"), 5, 20);
    expect(failed.message).toContain(`symbol "createManager" maps to "createContxt", which ./src/services/context does not export`);
    expect(fs.existsSync(path.join(dir, "out", "main.js"))).toBe(false);
  });

  // webpack's and Rspack's development mode emits despite errors (optimization.emitOnErrors).
  it.runIf(webpackLike(bundler))("in development mode too", async () => {
    const dir = createProject({ ...SOURCES, "ssot-imports.json": MISSING_TARGET }, `${bundler}-missing-to-development`);
    const failed = await failure(dir, bundler, {}, "development");
    expectLocated(bundler, failed, path.join(dir, "ssot-imports.json"), 4, 45);
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });

  it.each([
    [{ reprot: "warn" }, `unknown option "reprot"; did you mean "report"?`],
    [{ report: "loud" }, `"report" must be one of "off", "warn", "summary", not "loud"`],
  ])("options %j: the option named, with a did-you-mean", async (options, words) => {
    const dir = createProject({ ...SOURCES, "ssot-imports.json": MISSING_TARGET.replace("gone", "context") }, `${bundler}-options`);
    const { message } = await failure(dir, bundler, options as SsotImportsOptions);
    expect(message).toContain(`ssotImports(): ${words}`);
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });
});
