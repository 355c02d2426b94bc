/**
 * A rule that splits a module (some names go to another module than its `to`) in a bundle: each importer must
 * evaluate exactly the modules its hand-migrated twin imports, in the same order. Every module logs when it is
 * loaded, so a facade that also loads the deprecated file, the SSOT module or another split target prints an
 * extra line, and a facade that loads them in another order prints them in another order.
 *
 * Each case bundles the user's importer (unmigrated, with the plugin) and the twin (migrated by hand in the
 * order the planner writes it: the statement of the module target stays in place, the split ones follow in
 * order of first appearance) without the plugin, and compares what the two programs print.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { loadPlugin, runNode } from "../helpers/esbuild-build";
import { createProject } from "../helpers/project";

const SHARED: Record<string, string> = {
  "src/lib/ssot.ts": `console.log("load ssot");
export function kept(): string { return "ssot.kept"; }
export function renamed(): string { return "ssot.renamed"; }
export interface Shape { v: string }
`,
  "src/lib/extra.ts": `console.log("load extra");
export function moved(): string { return "extra.moved"; }
`,
  "src/lib/extra2.ts": `console.log("load extra2");
export function movedTwice(): string { return "extra2.movedTwice"; }
export interface Moved { v: string }
`,
  // A split-only rule's module: everything but `flag` stays here.
  "src/lib/config.ts": `console.log("load config");
export const port = 8080;
`,
  "src/lib/flags.ts": `console.log("load flags");
export function flag(): string { return "flags.flag"; }
`,
};

/** The deprecated module of the whole-module rule: present only while it is kept. */
const OLD = `console.log("load old");
export function kept(): string { return "old.kept"; }
export function oldName(): string { return "old.oldName"; }
export function moved(): string { return "old.moved"; }
export function moved2(): string { return "old.moved2"; }
export interface Shape { v: string }
export interface OldMoved { v: string }
`;
const CONFIG_BEFORE = `console.log("load config");
export const port = 8080;
export function flag(): string { return "config.flag"; }
`;

const RULES = {
  rules: [
    {
      from: "./src/lib/old",
      to: "./src/lib/ssot",
      symbols: { oldName: "renamed", moved: { to: "./src/lib/extra", name: "moved" }, moved2: { to: "./src/lib/extra2", name: "movedTwice" }, OldMoved: { to: "./src/lib/extra2", name: "Moved" } },
    },
    { from: "./src/lib/config", symbols: { flag: { to: "./src/lib/flags", name: "flag" } } },
  ],
};

interface Case {
  name: string;
  /** The user's files (besides the shared ones), then the hand-migrated twin's. */
  user: Record<string, string>;
  twin: Record<string, string>;
}

const main = (body: string) => ({ "src/main.ts": `console.log("main starts");\n${body}\n` });

const CASES: Case[] = [
  {
    name: "an import of a split name only",
    user: main(`import { moved } from "./lib/old";\nconsole.log(moved());`),
    twin: main(`import { moved } from "./lib/extra";\nconsole.log(moved());`),
  },
  {
    name: "a split name and a renamed one in one import (the split one written first)",
    user: main(`import { moved, oldName as o, kept } from "./lib/old";\nconsole.log(moved(), o(), kept());`),
    twin: main(`import { renamed as o, kept } from "./lib/ssot"; import { moved } from "./lib/extra";\nconsole.log(moved(), o(), kept());`),
  },
  {
    name: "names split to two modules, and a type split to the second",
    user: main(`import { moved2, type OldMoved, moved } from "./lib/old";\nconst m: OldMoved = { v: moved2() };\nconsole.log(m.v, moved());`),
    twin: main(`import { movedTwice as moved2, type Moved as OldMoved } from "./lib/extra2"; import { moved } from "./lib/extra";\nconst m: OldMoved = { v: moved2() };\nconsole.log(m.v, moved());`),
  },
  {
    name: "a split name beside a type that stays in the SSOT module (no value from it: not loaded)",
    user: main(`import { moved, Shape } from "./lib/old";\nconst s: Shape = { v: moved() };\nconsole.log(s.v);`),
    twin: main(`import { Shape } from "./lib/ssot"; import { moved } from "./lib/extra";\nconst s: Shape = { v: moved() };\nconsole.log(s.v);`),
  },
  {
    name: "a namespace import whose members all moved to one split module",
    user: main(`import * as legacy from "./lib/old";\nconsole.log(legacy.moved());`),
    twin: main(`import * as legacy from "./lib/extra";\nconsole.log(legacy.moved());`),
  },
  {
    name: "a re-export of a split name",
    user: { ...main(`import { moved } from "./re";\nconsole.log(moved());`), "src/re.ts": `export { moved } from "./lib/old";\n` },
    twin: { ...main(`import { moved } from "./re";\nconsole.log(moved());`), "src/re.ts": `export { moved } from "./lib/extra";\n` },
  },
  {
    name: "a name destructured from require()",
    user: main(`const { moved } = require("./lib/old");\nconsole.log(moved());`),
    twin: main(`const { moved } = require("./lib/extra");\nconsole.log(moved());`),
  },
  {
    name: "members read off an `import()` module object, loaded when it runs",
    user: main(`async function run(): Promise<void> {\n  const legacy = await import("./lib/old");\n  console.log(legacy.moved());\n}\nvoid run();`),
    twin: main(`async function run(): Promise<void> {\n  const legacy = await import("./lib/extra");\n  console.log(legacy.moved());\n}\nvoid run();`),
  },
  {
    name: "a side-effect import (the module target only)",
    user: main(`import "./lib/old";\nconsole.log("after");`),
    twin: main(`import "./lib/ssot";\nconsole.log("after");`),
  },
  {
    name: "two imports of the module in one file, split name first",
    user: main(`import { moved } from "./lib/old";\nimport { kept } from "./lib/old";\nconsole.log(moved(), kept());`),
    twin: main(`import { moved } from "./lib/extra";\nimport { kept } from "./lib/ssot";\nconsole.log(moved(), kept());`),
  },
  {
    name: "two importers asking for different modules",
    user: { ...main(`import { a } from "./a";\nimport { b } from "./b";\nconsole.log(a(), b());`), "src/a.ts": `export { moved as a } from "./lib/old";\n`, "src/b.ts": `export { kept as b } from "./lib/old";\n` },
    twin: { ...main(`import { a } from "./a";\nimport { b } from "./b";\nconsole.log(a(), b());`), "src/a.ts": `export { moved as a } from "./lib/extra";\n`, "src/b.ts": `export { kept as b } from "./lib/ssot";\n` },
  },
  {
    name: "a split-only rule: the moved name only (the kept deprecated file is not loaded)",
    user: main(`import { flag } from "./lib/config";\nconsole.log(flag());`),
    twin: main(`import { flag } from "./lib/flags";\nconsole.log(flag());`),
  },
  {
    name: "a split-only rule: the moved name and one that stays",
    user: main(`import { flag, port } from "./lib/config";\nconsole.log(flag(), port);`),
    twin: main(`import { port } from "./lib/config"; import { flag } from "./lib/flags";\nconsole.log(flag(), port);`),
  },
  {
    name: "`export *` keeps the whole surface (every module)",
    user: { ...main(`import { moved, kept, oldName } from "./re";\nconsole.log(moved(), kept(), oldName());`), "src/re.ts": `export * from "./lib/old";\n` },
    twin: {
      ...main(`import { moved, kept, oldName } from "./re";\nconsole.log(moved(), kept(), oldName());`),
      "src/re.ts": `export * from "./lib/ssot";\nexport { renamed as oldName } from "./lib/ssot";\nexport { moved } from "./lib/extra";\nexport { movedTwice as moved2 } from "./lib/extra2";\n`,
    },
  },
];

async function bundle(dir: string, withPlugin: boolean): Promise<string> {
  await esbuild.build({
    absWorkingDir: dir,
    entryPoints: ["src/main.ts"],
    bundle: true,
    format: "cjs",
    platform: "node",
    outdir: "out",
    logLevel: "silent",
    plugins: withPlugin ? [loadPlugin(dir)()] : [],
  });
  return runNode(path.join(dir, "out/main.js"));
}

for (const oldKept of [true, false]) {
  describe(`bundle: true, a module split by its rule (deprecated file ${oldKept ? "kept" : "deleted"})`, () => {
    for (const c of CASES) {
      it(`${c.name}: the modules the twin loads, in its order`, async () => {
        const user = createProject({
          ...SHARED,
          "src/lib/config.ts": CONFIG_BEFORE,
          ...(oldKept ? { "src/lib/old.ts": OLD } : {}),
          "ssot-imports.json": JSON.stringify(RULES),
          ...c.user,
        });
        const twin = createProject({ ...SHARED, ...c.twin });
        const expected = await bundle(twin, false);
        expect(expected).toMatch(/^main starts|^load /); // the twin ran
        expect(await bundle(user, true)).toBe(expected);
      });
    }
  });
}

describe("bundle: true, importer-specific facades", () => {
  it("are shared by importers that ask for the same modules, and named without any path of the machine", async () => {
    const files = {
      ...SHARED,
      "src/lib/config.ts": CONFIG_BEFORE,
      "src/lib/old.ts": OLD,
      "ssot-imports.json": JSON.stringify(RULES),
      ...main(`import { a } from "./a";\nimport { b } from "./b";\nconsole.log(a(), b());`),
      "src/a.ts": `export { moved as a } from "./lib/old";\n`,
      "src/b.ts": `import { moved } from "./lib/old";\nexport const b = moved;\n`,
    };
    const dir = createProject(files);
    const result = await esbuild.build({ absWorkingDir: dir, entryPoints: ["src/main.ts"], bundle: true, write: false, metafile: true, outdir: "out", logLevel: "silent", plugins: [loadPlugin(dir)()] });
    const facades = Object.keys(result.metafile.inputs).filter((input) => input.startsWith("ssot-imports-facade:"));
    expect(facades).toEqual(["ssot-imports-facade:./src/lib/old?from=./src/lib/extra"]);
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  });
});
