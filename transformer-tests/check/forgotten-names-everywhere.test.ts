/**
 * A whole-module rule, and importers asking for names the SSOT module does not export and the rules do not
 * map. Every adapter must stop with the same located error (importer file:line:column, the name, the rule, the
 * SSOT module, the fix): tsc, esbuild with and without bundling, `verify`; `migrate` lists the import as not
 * migrated, writes nothing for it, and exits 1. Before, esbuild `bundle: false` emitted the broken import,
 * `bundle: true` blamed the deprecated file in esbuild's words (and said nothing for a re-export), `verify`
 * passed and `migrate` wrote code that does not compile.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { positionOf } from "../helpers/text-position";
import { FACTORY_WITH_FORGOTTEN_NAMES, FORGOTTEN_RULE_LABEL, forgottenMessage } from "../helpers/forgotten-name-fixture";
import { buildErrors, filesUnder, pluginBuildOptions } from "../helpers/esbuild-build";
import { STACK_LINE, migrationFixture } from "../helpers/processes";
import { createProject } from "../helpers/project";
import { buildWithPlugin } from "../helpers/tsc-build";
import { runCli } from "../cli/harness";

const LABEL = FORGOTTEN_RULE_LABEL;
const message = forgottenMessage;

const FACTORY = FACTORY_WITH_FORGOTTEN_NAMES;

interface Case {
  name: string;
  /** src/main.ts; the forgotten name's position is that of `at`. */
  main: string;
  at: string;
  forgotten: string;
  /** esbuild bundles it and reports the name (a value import); a type-only use is erased by esbuild. */
  esbuild?: boolean;
  /** The deprecated module is deleted already (a bundle then serves its facade as a virtual module). */
  deleted?: boolean;
}

const CASES: Case[] = [
  { name: "a named import", main: `import { createManager, VERSION } from "./ws/factory";\nconsole.log(createManager("a").user, VERSION);\n`, at: "VERSION }", forgotten: "VERSION", esbuild: true },
  { name: "a default import", main: `import legacy from "./ws/factory";\nconsole.log(legacy());\n`, at: "legacy from", forgotten: "default", esbuild: true },
  { name: "a namespace member access", main: `import * as f from "./ws/factory";\nconsole.log(f.createManager("a").user, f.VERSION);\n`, at: "VERSION);", forgotten: "VERSION", esbuild: true },
  { name: "a named import of a deleted module", main: `import { createManager, VERSION } from "./ws/factory";\nconsole.log(createManager("a").user, VERSION);\n`, at: "VERSION }", forgotten: "VERSION", esbuild: true, deleted: true },
  { name: "a re-export", main: `export { VERSION } from "./ws/factory";\nconsole.log("x");\n`, at: "VERSION }", forgotten: "VERSION", esbuild: true },
];

for (const c of CASES) {
  describe(`an import asking for a name the rule forgot: ${c.name}`, () => {
    const rules = { rules: [{ from: "./src/ws/factory", to: "./src/services/ctx", symbols: { createManager: "createContext" } }] };
    const { "src/ws/factory.ts": _deprecated, ...kept } = { ...migrationFixture(), "src/ws/factory.ts": FACTORY };
    const files = { ...(c.deleted ? kept : { ...kept, "src/ws/factory.ts": FACTORY }), "src/main.ts": c.main, "ssot-imports.json": JSON.stringify(rules, null, 2) };
    const dir = createProject(files, `forgotten-${c.name}`);
    const { line, column } = positionOf(c.main, c.at);
    const text = `[${LABEL}] ${message(c.forgotten)}`;

    it("tsc stops at the name, writing nothing", () => {
      const result = buildWithPlugin(dir);
      expect(result.diagnostics).toContain(`src/main.ts(${line},${column}): error TS990001: ssot-imports [${LABEL}]: ${message(c.forgotten)}`);
      expect(result.written).toEqual([]);
    });

    for (const bundle of [true, false]) {
      it.runIf(c.esbuild || !bundle)(`esbuild (${bundle ? "bundle" : "bundle: false"}) stops with the same words at the same place, writing nothing`, async () => {
        const outdir = path.join(dir, bundle ? "esb-bundle" : "esb-unbundled");
        const { errors } = await buildErrors(pluginBuildOptions(dir, bundle, outdir));
        expect(errors.map((e) => ({ file: e.location?.file, line: e.location?.line, column: e.location!.column + 1, text: e.text }))).toEqual([{ file: "src/main.ts", line, column, text }]);
        expect(errors[0].text).not.toMatch(STACK_LINE);
        expect(filesUnder(outdir)).toEqual([]);
      });
    }

    it("verify fails naming the importer, the name and the rule", async () => {
      const r = await runCli(dir, ["verify"]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`src/main.ts:${line}:${column} - error [${LABEL}]: ${message(c.forgotten)}`);
    });

    it("migrate --write lists it as not migrated, writes nothing for it and exits 1", async () => {
      const copy = createProject(files, `forgotten-migrate-${c.name}`);
      const r = await runCli(copy, ["migrate", "--write"]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`src/main.ts:${line}:${column} - error [${LABEL}]: ${message(c.forgotten)}`);
      expect(fs.readFileSync(path.join(copy, "src/main.ts"), "utf8")).toBe(c.main);
      // The rest of the project is still migrated.
      expect(fs.readFileSync(path.join(copy, "src/handlers/chat.ts"), "utf8")).toContain(`"../services/ctx"`);
    });
  });
}
