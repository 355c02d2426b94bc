/**
 * Names the rules forgot, under every unplugin-based bundler: an importer asks the deprecated module for a name
 * its SSOT module lacks and `symbols` does not map. Each bundler must stop at the importer's line with the core's
 * words (what tsc, esbuild and `verify` say), in its own error format, writing nothing. Before, a named import
 * failed in the bundler's words (blaming the facade), and a namespace member, a destructured `require` or
 * `import()` built `undefined` without a word. A rule that could forget but where no importer asks for a lacking
 * name, still builds what the hand-migrated twin builds.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { bundle, bundleAndRun, type BundlerName } from "../helpers/bundlers";
import { FACTORY_WITH_FORGOTTEN_NAMES, FORGOTTEN_RULE_LABEL, forgottenMessage } from "../helpers/forgotten-name-fixture";
import { STACK_LINE, migrationFixture } from "../helpers/processes";
import { createProject } from "../helpers/project";
import { positionOf } from "../helpers/text-position";

const BUNDLERS: readonly BundlerName[] = ["vite", "rollup", "rolldown", "webpack", "rspack"];

interface Form {
  name: string;
  /** src/main.ts; the forgotten name is written at `at`. */
  main: string;
  at: string;
  forgotten: string;
  /** The deprecated module is deleted already: its facade is all the bundler sees. */
  deleted?: boolean;
}

const FORMS: Form[] = [
  { name: "named import", main: `import { createManager, VERSION } from "./ws/factory";\nconsole.log(createManager("a").user, VERSION);\n`, at: "VERSION }", forgotten: "VERSION" },
  { name: "default import", main: `import legacy from "./ws/factory";\nconsole.log(legacy());\n`, at: "legacy from", forgotten: "default" },
  { name: "namespace member", main: `import * as old from "./ws/factory";\nconsole.log(old.createManager("a").user);\nconsole.log(old.VERSION);\n`, at: "VERSION);", forgotten: "VERSION" },
  { name: "re-export", main: `export { VERSION } from "./ws/factory";\nconsole.log("x");\n`, at: "VERSION }", forgotten: "VERSION" },
  { name: "require destructuring", main: `const { createManager, VERSION } = require("./ws/factory");\nconsole.log(createManager("a").user, VERSION);\n`, at: "VERSION }", forgotten: "VERSION" },
  { name: "dynamic import destructuring", main: `export async function run() {\n  const { VERSION } = await import("./ws/factory");\n  console.log(VERSION);\n}\nvoid run();\n`, at: "VERSION }", forgotten: "VERSION" },
  { name: "named import of a deleted module", main: `import { createManager, VERSION } from "./ws/factory";\nconsole.log(createManager("a").user, VERSION);\n`, at: "VERSION }", forgotten: "VERSION", deleted: true },
];

/** `require` in an ES module is left to Node by Rollup-like bundlers unless a CommonJS plugin reads it. */
const READS_REQUIRE: ReadonlySet<BundlerName> = new Set(["rollup", "rolldown", "webpack", "rspack"]);

const DECLARE_REQUIRE = `declare const require: (id: string) => any;\n`;

function projectFiles(main: string, deleted = false): Record<string, string> {
  const { "src/ws/factory.ts": _plain, ...rest } = migrationFixture();
  return {
    ...rest,
    ...(deleted ? {} : { "src/ws/factory.ts": FACTORY_WITH_FORGOTTEN_NAMES }),
    "src/env.d.ts": rest["src/env.d.ts"] + DECLARE_REQUIRE,
    "src/main.ts": main,
  };
}

async function failure(dir: string, bundler: BundlerName): Promise<{ message: string; id?: string; loc?: { line: number; column: number } }> {
  try {
    await bundle({ dir, bundler, format: "esm", plugin: {} });
  } catch (error) {
    const first = ((error as { errors?: Array<{ id?: string; loc?: { line: number; column: number } }> }).errors?.[0] ?? error) as { id?: string; loc?: { line: number; column: number } };
    // Rspack colours its messages, whatever the terminal.
    return { message: (error as Error).message.replace(/\x1b\[[0-9;]*m/g, ""), id: first.id, loc: first.loc };
  }
  throw new Error(`${bundler} built the project, but the forgotten name should have stopped it`);
}

const webpackLike = (bundler: BundlerName) => bundler === "webpack" || bundler === "rspack";

describe.each(BUNDLERS)("%s: a name the rule forgot stops the build at the importer, in the core's words", (bundler) => {
  for (const form of FORMS) {
    it.runIf(form.name !== "require destructuring" || READS_REQUIRE.has(bundler))(form.name, async () => {
      const dir = createProject(projectFiles(form.main, form.deleted), `forgotten-${bundler}-${form.name}`);
      const file = path.join(dir, "src/main.ts");
      const { line, column } = positionOf(form.main, form.at);
      const failed = await failure(dir, bundler);
      if (webpackLike(bundler)) {
        // webpack puts "Module not found: " before any error of its resolver, Rspack "× ".
        expect(failed.message).toContain(`ssot-imports: ${file}:${line}:${column} - error [${FORGOTTEN_RULE_LABEL}]: ${forgottenMessage(form.forgotten)}`);
      } else {
        expect(failed.message).toContain(`[${FORGOTTEN_RULE_LABEL}] ${forgottenMessage(form.forgotten)}`);
        expect(failed.id).toBe(file);
        expect(failed.loc).toMatchObject({ line, column: column - 1 });
      }
      expect(failed.message, "a stack trace").not.toMatch(STACK_LINE);
      expect(fs.existsSync(path.join(dir, "out", "main.js")), "a bundle was written").toBe(false);
    });
  }

  // Rspack honours shouldEmit too, but its compilation.errors hides its errors from `Array.prototype.some`.
  it.runIf(webpackLike(bundler))("writes nothing in development mode either, where the bundler emits despite errors", async () => {
    const dir = createProject(projectFiles(FORMS[0].main), `forgotten-${bundler}-development`);
    await expect(bundle({ dir, bundler, format: "esm", plugin: {}, mode: "development" })).rejects.toThrow(forgottenMessage(FORMS[0].forgotten));
    expect(fs.existsSync(path.join(dir, "out", "main.js")), "a bundle was written").toBe(false);
  });

  it("a rule that could forget, whose importers ask only for what the SSOT exports, builds like the hand-migrated twin", async () => {
    const main = `import { createManager } from "./ws/factory";\nimport * as old from "./ws/factory";\nconsole.log(createManager("a").user, old.createManager("b").user);\n`;
    const migrated = `import { createContext as createManager } from "./services/ctx";\nimport * as old from "./services/ctx";\nconsole.log(createManager("a").user, old.createContext("b").user);\n`;
    const pluginDir = createProject(projectFiles(main), `forgotten-${bundler}-complete-plugin`);
    const { "src/ws/factory.ts": _gone, ...twin } = projectFiles(migrated);
    const plainDir = createProject(twin, `forgotten-${bundler}-complete-plain`);
    const plain = await bundleAndRun({ dir: plainDir, bundler, format: "esm" });
    const plugin = await bundleAndRun({ dir: pluginDir, bundler, format: "esm", plugin: {} });
    expect(plain.stdout).toBe("a b\n");
    expect(plugin.stdout).toBe(plain.stdout);
  });
});
