/**
 * The edit loop: a `context()` rebuilt after one-file edits redoes the plugin's per-file work (parse, scan, plan,
 * counted by src/work-counts.ts) only for the files whose inputs changed, and each rebuild's output is what a
 * fresh build of the same tree gives (byte for byte) and runs like the hand-migrated program.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as esbuild from "esbuild";
import type { BuildOptions, BuildResult } from "esbuild";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadPlugin, runNode, sourceFiles } from "../helpers/esbuild-build";
import { createProject } from "../helpers/project";
import { recordWorkFiles, resetWorkCounts, workFiles } from "../../src/work-counts";

const RULES = {
  rules: [
    { from: "./src/ws/factory", to: "./src/services/ctx", symbols: { createManager: "createContext" } },
    // Deleted already: a bundle reaches it through onResolve, and reads its importers for forgotten names.
    { from: "./src/ws/gone", to: "./src/services/greetings", symbols: { hello: "greet" } },
  ],
};

const MAIN = `import { createManager } from "./ws/factory.js";\nimport { hello } from "./ws/gone.js";\nimport { plain } from "./plain.js";\nimport { other } from "./other.js";\nconsole.log(createManager("alice").user, hello("main"), plain, other());\n`;

function project(): string {
  return fs.realpathSync(
    createProject({
      "src/ws/factory.ts": `const shared = { user: "" };\nexport function createManager(user: string) { shared.user = "shared:" + user; return shared; }\n`,
      "src/services/ctx.ts": `export function createContext(user: string) { return { user: "ctx:" + user }; }\nexport function createIsolatedContext(user: string) { return { user: "isolated:" + user }; }\n`,
      "src/services/greetings.ts": `export function greet(name: string) { return "hi " + name; }\n`,
      "src/plain.ts": `export const plain = "plain";\n`,
      "src/other.ts": `import { createManager } from "./ws/factory.js";\nexport function other() { return createManager("bob").user; }\n`,
      "src/main.ts": MAIN,
      "ssot-imports.json": JSON.stringify(RULES, null, 2),
    }),
  );
}

function optionsFor(dir: string, bundle: boolean): BuildOptions {
  return {
    absWorkingDir: dir,
    entryPoints: bundle ? ["src/main.ts"] : sourceFiles(dir),
    outbase: path.join(dir, "src"),
    outdir: path.join(dir, "out"),
    bundle,
    format: "cjs",
    platform: "node",
    logLevel: "silent",
    write: false,
    plugins: [loadPlugin(dir)()],
  };
}

const texts = (result: BuildResult) => Object.fromEntries(result.outputFiles!.map((f) => [f.path, f.text]));

/** The rebuild's output is a fresh build's (no memory of earlier builds); written out, it prints `expected`. */
async function expectFreshOutput(dir: string, bundle: boolean, rebuilt: BuildResult, expected: string): Promise<void> {
  const fresh = await esbuild.build(optionsFor(dir, bundle));
  expect(texts(rebuilt)).toEqual(texts(fresh));
  for (const file of rebuilt.outputFiles!) {
    fs.mkdirSync(path.dirname(file.path), { recursive: true });
    fs.writeFileSync(file.path, file.contents);
  }
  expect(runNode(path.join(dir, "out/main.js"))).toBe(expected);
}

/** The per-file work of one rebuild, by kind: the files, sorted, relative to the project. */
async function workOf(dir: string, rebuild: () => Promise<BuildResult>): Promise<{ result: BuildResult; work: Record<string, string[]> }> {
  resetWorkCounts();
  const result = await rebuild();
  const files = workFiles();
  const relative = (list: readonly string[]) => list.map((f) => path.relative(dir, f).split(path.sep).join("/")).sort();
  return { result, work: { parse: relative(files.parse), scan: relative(files.scan), plan: relative(files.plan) } };
}

const none = { parse: [], scan: [], plan: [] };
const only = (file: string) => ({ parse: [file], scan: [file], plan: [file] });
const edit = (dir: string, file: string, from: string, to: string) => {
  const full = path.join(dir, file);
  const text = fs.readFileSync(full, "utf8");
  expect(text).toContain(from);
  fs.writeFileSync(full, text.replace(from, to));
};

beforeEach(() => recordWorkFiles(true));
afterEach(() => recordWorkFiles(false));

describe("context().rebuild() after one-file edits", () => {
  for (const bundle of [true, false]) {
    const name = bundle ? "bundle" : "bundle: false";
    // A bundle serves the complete rule's module at load (no per-file work for other.ts), and reads only the
    // importers of the deleted module (main.ts); bundle: false rewrites every importer.
    const coldWork = bundle ? only("src/main.ts") : { parse: ["src/main.ts", "src/other.ts"], scan: ["src/main.ts", "src/other.ts"], plan: ["src/main.ts", "src/other.ts"] };

    it(`reads no file again after an unrelated edit, and only the edited importer after an edit of one (${name})`, async () => {
      const dir = project();
      const ctx = await esbuild.context(optionsFor(dir, bundle));
      try {
        const cold = await workOf(dir, () => ctx.rebuild());
        expect(cold.work).toEqual(coldWork);
        await expectFreshOutput(dir, bundle, cold.result, "ctx:alice hi main plain ctx:bob\n");

        const unchanged = await workOf(dir, () => ctx.rebuild());
        expect(unchanged.work).toEqual(none);

        edit(dir, "src/plain.ts", `"plain"`, `"plain, edited"`);
        const unrelated = await workOf(dir, () => ctx.rebuild());
        expect(unrelated.work).toEqual(none);
        await expectFreshOutput(dir, bundle, unrelated.result, "ctx:alice hi main plain, edited ctx:bob\n");

        edit(dir, "src/main.ts", `createManager("alice")`, `createManager("carol")`);
        const importer = await workOf(dir, () => ctx.rebuild());
        expect(importer.work).toEqual(only("src/main.ts"));
        await expectFreshOutput(dir, bundle, importer.result, "ctx:carol hi main plain, edited ctx:bob\n");
      } finally {
        await ctx.dispose();
      }
    });

    it(`reads every importer again after an edit of the rules (${name})`, async () => {
      const dir = project();
      const ctx = await esbuild.context(optionsFor(dir, bundle));
      try {
        await ctx.rebuild();
        edit(dir, "ssot-imports.json", `"createContext"`, `"createIsolatedContext"`);
        const rules = await workOf(dir, () => ctx.rebuild());
        expect(rules.work).toEqual(coldWork);
        await expectFreshOutput(dir, bundle, rules.result, "isolated:alice hi main plain isolated:bob\n");
      } finally {
        await ctx.dispose();
      }
    });

    it(`plans an importer again when a target module stops exporting a name it uses (${name})`, async () => {
      const dir = project();
      const ctx = await esbuild.context(optionsFor(dir, bundle));
      try {
        await ctx.rebuild();
        edit(dir, "src/services/greetings.ts", "export function greet", "export function welcome");
        const failure = await ctx.rebuild().then(
          () => undefined,
          (e: esbuild.BuildFailure) => e,
        );
        const fresh = await esbuild.build(optionsFor(dir, bundle)).then(
          () => undefined,
          (e: esbuild.BuildFailure) => e,
        );
        expect(fresh?.errors.length).toBeGreaterThan(0);
        expect(failure?.errors.map((e) => e.text)).toEqual(fresh?.errors.map((e) => e.text));
        expect(failure?.errors.map((e) => e.text).join("\n")).toMatch(/greet/);
      } finally {
        await ctx.dispose();
      }
    });
  }
});

describe("context().rebuild() with a rule that splits its module (bundle)", () => {
  // Each importer of a splitting rule gets a facade of only the modules its names come from: a rebuild must
  // serve the same facades from memory, not the whole facade (which would also load the SSOT module).
  function splitProject(): string {
    return fs.realpathSync(
      createProject({
        "src/old.ts": `console.log("load old");\nexport const kept = "kept";\nexport const moved = "moved";\n`,
        "src/ssot.ts": `console.log("load ssot");\nexport const kept = "ssot kept";\n`,
        "src/extra.ts": `console.log("load extra");\nexport const relocated = "relocated";\n`,
        "src/plain.ts": `export const plain = "plain";\n`,
        "src/main.ts": `import { moved } from "./old.js";\nimport { plain } from "./plain.js";\nconsole.log(moved, plain);\n`,
        "ssot-imports.json": JSON.stringify({ rules: [{ from: "./src/old", to: "./src/ssot", symbols: { moved: { to: "./src/extra", name: "relocated" } } }] }, null, 2),
      }),
    );
  }

  it("keeps each importer's own facade across rebuilds, and reads no file again after an unrelated edit", async () => {
    const dir = splitProject();
    const ctx = await esbuild.context(optionsFor(dir, true));
    try {
      const cold = await ctx.rebuild();
      await expectFreshOutput(dir, true, cold, "load extra\nrelocated plain\n");
      edit(dir, "src/plain.ts", `"plain"`, `"plain, edited"`);
      const unrelated = await workOf(dir, () => ctx.rebuild());
      expect(unrelated.work).toEqual(none);
      await expectFreshOutput(dir, true, unrelated.result, "load extra\nrelocated plain, edited\n");
      edit(dir, "src/main.ts", `import { moved } from "./old.js";`, `import { moved, kept } from "./old.js";\nconsole.log(kept);`);
      const importer = await workOf(dir, () => ctx.rebuild());
      expect(importer.work.scan).toEqual(["src/main.ts"]);
      await expectFreshOutput(dir, true, importer.result, "load ssot\nload extra\nssot kept\nrelocated plain, edited\n");
    } finally {
      await ctx.dispose();
    }
  });
});
