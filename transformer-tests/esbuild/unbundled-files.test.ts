/**
 * `bundle: false` hands esbuild a filter naming only the files that may import a deprecated module, read once at
 * set-up. Every other file must come out exactly as without the plugin (tsconfig settings included), and a
 * rebuild that meets a newly deprecated import outside the filter must fail, not build it unrewritten.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { loadPlugin, sourceFiles } from "../helpers/esbuild-build";
import { createProject } from "../helpers/project";

const RULES = { rules: [{ from: "./src/ws/factory", to: "./src/services/ctx", symbols: { createManager: "createContext" } }] };

function project(): string {
  return createProject({
    "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, useDefineForClassFields: false } }),
    "src/a-first.ts": `export class Counter { count = 1; }\nconsole.log(new Counter().count);\n`,
    "src/ws/factory.ts": `export function createManager(user: string) { return { user: "shared:" + user }; }\n`,
    "src/services/ctx.ts": `export function createContext(user: string) { return { user: "ctx:" + user }; }\n`,
    "src/plain.ts": `console.log("no deprecated import here");\n`,
    "src/main.ts": `import { createManager } from "./ws/factory";\nconsole.log(createManager("alice").user);\n`,
    "ssot-imports.json": JSON.stringify(RULES, null, 2),
  });
}

const options = (dir: string, plugins: esbuild.Plugin[]): esbuild.BuildOptions => ({
  absWorkingDir: dir,
  entryPoints: sourceFiles(dir),
  outbase: "src",
  outdir: "out",
  bundle: false,
  format: "cjs",
  platform: "node",
  write: false,
  logLevel: "silent",
  plugins,
});

const outputs = (result: esbuild.BuildResult) => new Map(result.outputFiles!.map((f) => [path.basename(f.path), f.text]));

describe("bundle: false touches only the files that import a deprecated module", () => {
  it("every other file, the first entry point included, is byte-identical to the build without the plugin", async () => {
    const dir = project();
    const withPlugin = outputs(await esbuild.build(options(dir, [loadPlugin(dir)()])));
    const without = outputs(await esbuild.build(options(dir, [])));
    // tsconfig applies: strict adds "use strict", useDefineForClassFields: false turns the field into an assignment.
    expect(without.get("a-first.js")).toContain('"use strict"');
    for (const file of ["a-first.js", "plain.js", "factory.js", "ctx.js"]) expect(withPlugin.get(file), file).toBe(without.get(file));
    expect(withPlugin.get("main.js")).toContain("createContext");
    expect(withPlugin.get("main.js")).not.toContain("ws/factory");
  });

  it("finds the file whatever form its entry point is written in (relative, `./`, `..`, doubled slashes)", async () => {
    const dir = project();
    const main = path.join(dir, "src/main.ts");
    const forms = ["src/main.ts", "./src/main.ts", "src/ws/../main.ts", `${dir}/src//main.ts`, `${dir}/src/./main.ts`, main];
    for (const entry of forms) {
      const result = await esbuild.build({ ...options(dir, [loadPlugin(dir)()]), entryPoints: [entry] });
      expect(outputs(result).get("main.js"), entry).toContain("createContext");
    }
  });

  it("a rebuild after a file starts importing a deprecated module fails with advice to restart", async () => {
    const dir = project();
    const ctx = await esbuild.context(options(dir, [loadPlugin(dir)()]));
    try {
      await ctx.rebuild();
      const plain = path.join(dir, "src/plain.ts");
      fs.writeFileSync(plain, `import { createManager } from "./ws/factory";\nconsole.log(createManager("bob").user);\n`);
      // The plugin compares modification times; make sure this edit has a new one even on a coarse clock.
      const later = new Date(Date.now() + 5_000);
      fs.utimesSync(plain, later, later);
      const failure = await ctx.rebuild().then(
        () => undefined,
        (e: esbuild.BuildFailure) => e,
      );
      expect(failure?.errors.map((e) => e.text).join("\n")).toMatch(/plain\.ts now imports a module deprecated by the ssot-imports rules.*restart esbuild/);
    } finally {
      await ctx.dispose();
    }
  });
});

describe("bundle: false reads each file with the build's own loader", () => {
  it("rewrites a .js file the build loads as JSX, and it runs like its hand-migrated twin", async () => {
    const files = (main: string) =>
      createProject({
        "src/ws/factory.js": `export function createManager(user) { return { user: "shared:" + user }; }\n`,
        "src/services/ctx.js": `export function createContext(user) { return { user: "ctx:" + user }; }\n`,
        "src/main.js": `const h = (tag, props, ...children) => \`<\${tag}>\${children.join("")}</\${tag}>\`;\n${main}console.log(<b>{createManager("alice").user}</b>);\n`,
        "ssot-imports.json": JSON.stringify(RULES, null, 2),
      });
    const jsx = (dir: string, plugins: esbuild.Plugin[]): esbuild.BuildOptions => ({ ...options(dir, plugins), loader: { ".js": "jsx" }, jsxFactory: "h", format: "esm", write: true });
    const unmigrated = files(`import { createManager } from "./ws/factory.js";\n`);
    const migrated = files(`import { createContext as createManager } from "./services/ctx.js";\n`);
    await esbuild.build(jsx(unmigrated, [loadPlugin(unmigrated)()]));
    await esbuild.build(jsx(migrated, []));
    const run = (dir: string) => {
      fs.writeFileSync(path.join(dir, "out/package.json"), JSON.stringify({ type: "module" }));
      return execFileSync(process.execPath, [path.join(dir, "out/main.js")], { encoding: "utf8" });
    };
    expect(run(migrated)).toBe("<b>ctx:alice</b>\n");
    expect(run(unmigrated)).toBe(run(migrated));
  });
});

describe("the filter of files handed to esbuild", () => {
  it("matches exactly the listed files, separators as written (POSIX: a backslash is a file name character)", async () => {
    const { exactFiles } = await import("../../src/esbuild/file-filter");
    const listed = ["/p/src/x.ts", "/p/src/xy.ts", "/p/src/x.ts.bak", "/p/src/z/q.ts", String.raw`/p/a\b.ts`];
    const filter = exactFiles(listed, "/");
    for (const file of listed) expect(filter.test(file), file).toBe(true);
    for (const file of ["/p/src/x.t", "/p/src/x.tsx", "/p/src/y.ts", "/p/src/z/q.ts/", "/q/src/x.ts", "p/src/x.ts", String.raw`\p\src\z\q.ts`, "/p/a/b.ts"]) {
      expect(filter.test(file), file).toBe(false);
    }
    expect(exactFiles([], "/").test("/p/src/x.ts")).toBe(false);
  });

  it("on Windows, matches the listed files with either separator", async () => {
    const { exactFiles } = await import("../../src/esbuild/file-filter");
    const listed = [String.raw`C:\p\src\x.ts`, String.raw`C:\p\src\z\q.ts`, "C:/p/m.ts"];
    const filter = exactFiles(listed, "\\");
    for (const file of listed) expect(filter.test(file), file).toBe(true);
    for (const file of ["C:/p/src/z/q.ts", String.raw`C:\p\m.ts`, String.raw`C:/p\src/x.ts`]) expect(filter.test(file), file).toBe(true);
    for (const file of [String.raw`C:\p\src\x.tsx`, String.raw`D:\p\src\x.ts`, String.raw`C:\p\src\y.ts`]) expect(filter.test(file), file).toBe(false);
  });

  it("starts with the files' shared folder as literal characters, which Go's regexp rejects a path by in one comparison", async () => {
    const { exactFiles } = await import("../../src/esbuild/file-filter");
    const files = ["/work/app/src/legacy/a.ts", "/work/app/src/legacy/b.ts", "/work/app/src/old/c.ts"];
    expect(exactFiles(files, "/").source.startsWith(String.raw`^\/work\/app\/src\/`)).toBe(true);
    // A character class ends the literal run at the first separator.
    expect(exactFiles(files, "\\").source.startsWith(String.raw`^[\\/]work`)).toBe(true);
  });

  it("agrees with a set of the files on random paths full of prefixes, separators and regex characters", async () => {
    const { exactFiles } = await import("../../src/esbuild/file-filter");
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const alphabet = ["a", "b", "/", ".", "x", "(", "[", "\\", "$"];
    const randomPath = () => "/p" + Array.from({ length: 1 + random(6) }, () => alphabet[random(alphabet.length)]).join("");
    const either = (file: string) => file.replace(/\\/g, "/");
    let compared = 0;
    for (const [separator, key] of [["/", (file: string) => file], ["\\", either]] as const) {
      for (let round = 0; round < 300; round++) {
        const files = Array.from({ length: 1 + random(12) }, randomPath);
        const filter = exactFiles(files, separator);
        const listed = new Set(files.map(key));
        for (const candidate of [...files, ...Array.from({ length: 40 }, randomPath)]) {
          expect(filter.test(candidate), `${candidate} against ${JSON.stringify(files)} (${separator})`).toBe(listed.has(key(candidate)));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(24_000);
  });
});

describe("the filter of glob entry points (the rules file is watched from the files they match)", () => {
  it("matches esbuild's glob syntax, separators as the platform writes them", async () => {
    const { globPattern } = await import("../../src/esbuild/entry-points");
    const deep = new RegExp(globPattern("/p/src/**/*.ts", "/"));
    for (const file of ["/p/src/a.ts", "/p/src/x/y/a.ts"]) expect(deep.test(file), file).toBe(true);
    for (const file of ["/p/src/a.tsx", "/p/srcx/a.ts", "/q/src/a.ts", String.raw`\p\src\x\a.ts`]) expect(deep.test(file), file).toBe(false);
    expect(globPattern("/p/src/*.ts", "/").startsWith(String.raw`^\/p\/src\/`)).toBe(true);
  });

  it("on Windows, with either separator, as esbuild may hand over either there", async () => {
    const { globPattern } = await import("../../src/esbuild/entry-points");
    const deep = new RegExp(globPattern("/p/src/**/*.ts", "\\"));
    for (const file of ["/p/src/a.ts", "/p/src/x/y/a.ts", String.raw`\p\src\x\a.ts`]) expect(deep.test(file), file).toBe(true);
    for (const file of ["/p/src/a.tsx", "/p/srcx/a.ts", "/q/src/a.ts"]) expect(deep.test(file), file).toBe(false);
    const flat = new RegExp(globPattern(String.raw`C:\proj\src\*.ts`, "\\"));
    for (const file of [String.raw`C:\proj\src\a.ts`, "C:/proj/src/a.ts"]) expect(flat.test(file), file).toBe(true);
    expect(flat.test(String.raw`C:\proj\src\d\a.ts`)).toBe(false);
  });
});
