/**
 * The rules are an input of the build: `rebuild()` after an edit of ssot-imports.json uses the new rules, and a
 * watching context rebuilds when the file changes, also when no source imports a deprecated module (then only
 * the entry points carry the rules file as a watched file) and after a broken edit is fixed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as esbuild from "esbuild";
import type { BuildContext, BuildResult } from "esbuild";
import { describe, expect, it } from "vitest";
import { buildObserver, loadPlugin, runNode, sourceFiles, waitFor } from "../helpers/esbuild-build";
import { createProject } from "../helpers/project";

const RULES = { rules: [{ from: "./src/ws/factory", to: "./src/services/ctx", symbols: { createManager: "createContext" } }] };

function project(main = `import { createManager } from "./ws/factory";\nconsole.log(createManager("alice").user);\n`): string {
  return createProject({
    "src/ws/factory.ts": `const shared = { user: "" };\nexport function createManager(user: string) { shared.user = "shared:" + user; return shared; }\n`,
    "src/services/ctx.ts": `export function createContext(user: string) { return { user: "ctx:" + user }; }\nexport function createIsolatedContext(user: string) { return { user: "isolated:" + user }; }\n`,
    "src/plain.ts": `console.log("no deprecated import here");\n`,
    "src/main.ts": main,
    "ssot-imports.json": JSON.stringify(RULES, null, 2),
  });
}

/** The user's edit: the rename now targets `createIsolatedContext`. */
function retarget(dir: string): void {
  const file = path.join(dir, "ssot-imports.json");
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(`"createContext"`, `"createIsolatedContext"`));
}

const mainText = (result: BuildResult) => result.outputFiles!.find((f) => f.path.endsWith(`${path.sep}main.js`))!.text;

describe("context() + rebuild()", () => {
  for (const bundle of [true, false]) {
    it(`uses the edited rules at the next rebuild (${bundle ? "bundle" : "bundle: false"})`, async () => {
      const dir = project();
      const ctx = await esbuild.context({
        absWorkingDir: dir,
        entryPoints: bundle ? ["src/main.ts"] : sourceFiles(dir),
        outbase: "src",
        outdir: "out",
        bundle,
        format: "cjs",
        platform: "node",
        logLevel: "silent",
        plugins: [loadPlugin(dir)()],
      });
      try {
        await ctx.rebuild();
        expect(runNode(path.join(dir, "out/main.js"))).toBe("ctx:alice\n");
        retarget(dir);
        await ctx.rebuild();
        expect(runNode(path.join(dir, "out/main.js"))).toBe("isolated:alice\n");
      } finally {
        await ctx.dispose();
      }
    });
  }

  it("reports a rules file broken between rebuilds, and recovers once it is fixed", async () => {
    const dir = project();
    const ctx = await esbuild.context({ absWorkingDir: dir, entryPoints: ["src/main.ts"], bundle: true, write: false, outdir: "out", logLevel: "silent", plugins: [loadPlugin(dir)()] });
    const rulesFile = path.join(dir, "ssot-imports.json");
    const good = fs.readFileSync(rulesFile, "utf8");
    try {
      expect(mainText(await ctx.rebuild())).toContain("createContext");
      fs.writeFileSync(rulesFile, good.replace(`"to"`, `"to" "to"`));
      const failure = await ctx.rebuild().then(
        () => undefined,
        (e: esbuild.BuildFailure) => e,
      );
      expect(failure?.errors.map((e) => e.location?.file)).toEqual(["ssot-imports.json"]);
      fs.writeFileSync(rulesFile, good);
      expect(mainText(await ctx.rebuild())).toContain("createContext");
    } finally {
      await ctx.dispose();
    }
  });

  it("asks for a restart, rather than silently ignoring them, when edited rules deprecate modules the set-up filter cannot see", async () => {
    const dir = project();
    const ctx = await esbuild.context({ absWorkingDir: dir, entryPoints: ["src/main.ts"], bundle: true, write: false, outdir: "out", logLevel: "silent", plugins: [loadPlugin(dir)()] });
    try {
      await ctx.rebuild();
      const rules = { rules: [...RULES.rules, { from: "./src/plain", to: "./src/services/ctx" }] };
      fs.writeFileSync(path.join(dir, "ssot-imports.json"), JSON.stringify(rules));
      const failure = await ctx.rebuild().then(
        () => undefined,
        (e: esbuild.BuildFailure) => e,
      );
      expect(failure?.errors.map((e) => e.text).join("\n")).toMatch(/restart esbuild/);
    } finally {
      await ctx.dispose();
    }
  });

  it("applies a rule for a newly deprecated module at the next rebuild of an unbundled build (no filter to outgrow)", async () => {
    const dir = project(`import { createManager } from "./ws/factory";\nimport { greet } from "./greeter";\nconsole.log(createManager("bob").user, greet());\n`);
    fs.writeFileSync(path.join(dir, "src/greeter.ts"), `export function greet() { return "old greet"; }\n`);
    fs.writeFileSync(path.join(dir, "src/services/greetings.ts"), `export function hello() { return "new hello"; }\n`);
    const ctx = await esbuild.context({ absWorkingDir: dir, entryPoints: sourceFiles(dir), outbase: "src", outdir: "out", format: "cjs", logLevel: "silent", plugins: [loadPlugin(dir)()] });
    try {
      await ctx.rebuild();
      expect(runNode(path.join(dir, "out/main.js"))).toBe("ctx:bob old greet\n");
      const rules = { rules: [...RULES.rules, { from: "./src/greeter", to: "./src/services/greetings", symbols: { greet: "hello" } }] };
      fs.writeFileSync(path.join(dir, "ssot-imports.json"), JSON.stringify(rules));
      await ctx.rebuild();
      expect(runNode(path.join(dir, "out/main.js"))).toBe("ctx:bob new hello\n");
    } finally {
      await ctx.dispose();
    }
  });
});

describe("watch()", () => {
  /** Starts watching, lets the first build finish, applies `edit`, and waits (bounded) for the next build. */
  async function rebuildAfter(dir: string, options: esbuild.BuildOptions, edit: () => void): Promise<BuildResult[]> {
    const observer = buildObserver();
    let ctx: BuildContext | undefined;
    try {
      ctx = await esbuild.context({ absWorkingDir: dir, write: false, outdir: "out", logLevel: "silent", ...options, plugins: [loadPlugin(dir)(), observer.plugin] });
      await ctx.watch();
      await waitFor(() => observer.ends.length >= 1, "the first build");
      edit();
      await waitFor(() => observer.ends.length >= 2, "a rebuild after editing ssot-imports.json", 10_000);
      return observer.ends;
    } finally {
      await ctx?.dispose();
    }
  }

  it("rebuilds with the new rules when ssot-imports.json changes", async () => {
    const dir = project();
    const [first, second] = await rebuildAfter(dir, { entryPoints: ["src/main.ts"], bundle: true }, () => retarget(dir));
    expect(mainText(first)).toMatch(/createContext\(/);
    expect(mainText(second)).toMatch(/createIsolatedContext\(/);
  });

  it("rebuilds when ssot-imports.json changes even if no source imports a deprecated module", async () => {
    const dir = project(`import "./plain";\n`);
    const ends = await rebuildAfter(dir, { entryPoints: ["src/main.ts"], bundle: true }, () => retarget(dir));
    expect(ends.length).toBeGreaterThanOrEqual(2);
    expect(ends.every((r) => r.warnings.length === 0 && r.errors.length === 0)).toBe(true);
  });

  it("rebuilds a bundle whose entry points are a glob (expanded by esbuild, never resolved) when ssot-imports.json changes", async () => {
    const dir = project();
    const ends = await rebuildAfter(dir, { entryPoints: ["src/**/pl*.ts"], bundle: true }, () => retarget(dir));
    expect(ends[0].outputFiles!.map((f) => path.basename(f.path))).toEqual(["plain.js"]);
    expect(ends.length).toBeGreaterThanOrEqual(2);
  });

  it("rebuilds an unbundled (bundle: false) build when ssot-imports.json changes", async () => {
    const dir = project();
    const [first, second] = await rebuildAfter(dir, { entryPoints: sourceFiles(dir), outbase: path.join(dir, "src"), bundle: false, format: "esm" }, () => retarget(dir));
    expect(mainText(first)).toContain(`import { createContext as createManager } from "./services/ctx"`);
    expect(mainText(second)).toContain(`import { createIsolatedContext as createManager } from "./services/ctx"`);
  });

  it("rebuilds once a broken ssot-imports.json is fixed", async () => {
    const dir = project();
    const rulesFile = path.join(dir, "ssot-imports.json");
    const good = fs.readFileSync(rulesFile, "utf8");
    fs.writeFileSync(rulesFile, "{ not json");
    const [first, second] = await rebuildAfter(dir, { entryPoints: ["src/main.ts"], bundle: true }, () => fs.writeFileSync(rulesFile, good));
    expect(first.errors.length).toBeGreaterThan(0);
    expect(second.errors).toEqual([]);
    expect(mainText(second)).toContain("createContext");
  });
});
