import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import type * as TS from "typescript";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { REPO_ROOT, readTree, runNode } from "../helpers/project";
import { buildPlain, buildWithPlugin, type BuildResult } from "../helpers/tsc-build";
import { EXPECTED_FILES, EXPECTED_IMPORTS, USERS, foreignMessages, hashSources, parseRun, parseSummary } from "../../examples/websocket-factory/story.mjs";

/**
 * examples/websocket-factory, the seed's story: 78 imports of a deprecated factory that hands every user the
 * same manager, across 24 files. Built plainly it leaks one user's messages to another; built with the plugin
 * it must behave exactly like the same sources migrated by hand, without a single source file changing.
 */

const EXAMPLE = path.join(REPO_ROOT, "examples", "websocket-factory");
const DEPRECATED = "src/websocket_core/websocket_manager_factory.ts";
const SSOT = "src/services/user_execution_context.ts";
const OLD_NAME = "createWebSocketManager";
const NEW_NAME = "createDefensiveUserExecutionContext";

/** A quoted specifier naming the deprecated module, in any importer's relative style, with or without `.js`. */
const DEPRECATED_SPECIFIER = /(["'])((?:\.\.?\/)[\w./-]*?websocket_manager_factory)(\.js)?\1/g;

interface Migration {
  /** relative path → migrated text, for every file that imported the deprecated module. */
  files: Record<string, string>;
  /** Import sites migrated (one per specifier), counted independently of the plugin. */
  sites: number;
}

/**
 * The migration a developer would do by hand, as a small list of edits per import form. It is written for this
 * example's sources, not as a second implementation of the plugin: the hand-migrated build must type-check
 * cleanly, which is what proves every edit right.
 */
function migrateByHand(dir: string, files: string[]): Migration {
  const migrated: Record<string, string> = {};
  let sites = 0;
  for (const file of files) {
    const original = fs.readFileSync(path.join(dir, file), "utf8");
    const specifiers = [...original.matchAll(DEPRECATED_SPECIFIER)];
    if (specifiers.length === 0) continue;
    for (const match of specifiers) {
      const target = path.resolve(path.dirname(path.join(dir, file)), match[2]);
      const named = path.relative(dir, target).split(path.sep).join("/") + ".ts";
      if (named !== DEPRECATED) throw new Error(`${file}: ${match[0]} names ${named}, not the deprecated module`);
    }
    sites += specifiers.length;
    const renameElement = (element: string, separator: "as" | ":") => {
      const [, before, name, after] = /^(\s*(?:type\s+)?)(\w+)(.*)$/s.exec(element)!;
      if (name !== OLD_NAME) return element;
      const aliased = separator === "as" ? /^\s+as\s+\w+/.test(after) : /^\s*:\s*\w+/.test(after);
      return aliased ? `${before}${NEW_NAME}${after}` : `${before}${NEW_NAME}${separator === "as" ? " as " : ": "}${OLD_NAME}${after}`;
    };
    const renameList = (list: string, separator: "as" | ":") => list.split(",").map((e) => renameElement(e, separator)).join(",");
    const factory = String.raw`(["'][^"']*websocket_manager_factory(?:\.js)?["'])`;
    let text = original
      // import { a, b as c } from / import type { … } from / export { … } from / export type { … } from
      .replace(new RegExp(String.raw`\b(import|export)(\s+type)?(\s*\{)([^{}]*)(\}\s*from\s*)${factory}`, "g"), (_m, kw, type = "", open, list, from, spec) =>
        `${kw}${type}${open}${renameList(list, "as")}${from}${spec}`)
      // const { a, b: c } = await import("…")
      .replace(new RegExp(String.raw`\{([^{}]*)\}(\s*=\s*await\s+import\(\s*)${factory}`, "g"), (_m, list, call, spec) =>
        `{${renameList(list, ":")}}${call}${spec}`)
      // (await import("…")).a   and   typeof import("…").a
      .replace(new RegExp(String.raw`(import\(\s*${factory}\s*\)\)?)\.${OLD_NAME}\b`, "g"), `$1.${NEW_NAME}`)
      // export * from "…": the old name no longer comes with the star
      .replace(new RegExp(String.raw`export \* from ${factory};`, "g"), `$& export { ${NEW_NAME} as ${OLD_NAME} } from $1;`);
    // import * as ns from "…"   and   import ns = require("…"): every ns.a
    const namespaceLocals = [...original.matchAll(new RegExp(String.raw`import\s+(?:\*\s+as\s+(\w+)\s+from|(\w+)\s*=\s*require\()\s*${factory}`, "g"))].map((m) => m[1] ?? m[2]);
    for (const local of namespaceLocals) text = text.replace(new RegExp(String.raw`\b${local}\.${OLD_NAME}\b`, "g"), `${local}.${NEW_NAME}`);
    // Last, the specifier: relative to the importer, keeping its extension style.
    text = text.replace(DEPRECATED_SPECIFIER, (_m, quote: string, _spec: string, js = "") => {
      let relative = path.relative(path.dirname(path.join(dir, file)), path.join(dir, SSOT.replace(/\.ts$/, ""))).split(path.sep).join("/");
      if (!relative.startsWith(".")) relative = `./${relative}`;
      return `${quote}${relative}${js}${quote}`;
    });
    if ([...text.matchAll(DEPRECATED_SPECIFIER)].length > 0) throw new Error(`hand migration left a deprecated import in ${file}`);
    migrated[file] = text;
  }
  return { files: migrated, sites };
}

function copyExample(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ssot-example-${name}-`));
  for (const entry of ["src", "tsconfig.json", "tsconfig.plain.json", "ssot-imports.json"]) {
    fs.cpSync(path.join(EXAMPLE, entry), path.join(dir, entry), { recursive: true });
  }
  fs.mkdirSync(path.join(dir, "node_modules"));
  fs.symlinkSync(REPO_ROOT, path.join(dir, "node_modules", "ssot-imports"), "junction");
  return dir;
}

function sourceFiles(dir: string): string[] {
  return Object.keys(readTree(dir, "src", ".ts")).map((f) => `src/${f}`);
}

/** The plugin's `"report": "summary"` line goes through ts-patch's `ts.sys.write`; capture it around the build. */
function buildWithPluginCapturing(dir: string): { build: BuildResult; printed: string } {
  const patched = createRequire(import.meta.url)("ts-patch/compiler") as typeof TS;
  const write = patched.sys.write;
  let printed = "";
  patched.sys.write = (s: string) => {
    printed += s;
  };
  try {
    return { build: buildWithPlugin(dir, "tsconfig.json"), printed };
  } finally {
    patched.sys.write = write;
  }
}

interface Variant {
  dir: string;
  build: BuildResult;
  stdout: string;
}

let tempDirs: string[] = [];
let plain: Variant;
let plugin: Variant & { printed: string; hashesBefore: Record<string, string>; hashesAfter: Record<string, string> };
let handMigrated: Variant & { migration: Migration };
const exampleHashesBefore = hashSources(EXAMPLE);

/** The program's output; a crash is kept as text so the assertions below report it against the right build. */
const run = (dir: string, outDir: string) => {
  const entry = path.join(dir, outDir, "main.js");
  if (!fs.existsSync(entry)) return "";
  try {
    return runNode(entry);
  } catch (error) {
    return `crashed: ${(error as { stderr?: string }).stderr ?? String(error)}`;
  }
};

beforeAll(() => {
  const pluginDir = copyExample("plugin");
  const plainDir = copyExample("plain");
  const migratedDir = copyExample("migrated");
  tempDirs = [pluginDir, plainDir, migratedDir];

  const hashesBefore = hashSources(pluginDir);
  const { build, printed } = buildWithPluginCapturing(pluginDir);
  const hashesAfter = hashSources(pluginDir);
  plugin = { dir: pluginDir, build, printed, hashesBefore, hashesAfter, stdout: run(pluginDir, "out-plugin") };

  const plainBuild = buildPlain(plainDir, "tsconfig.plain.json");
  plain = { dir: plainDir, build: plainBuild, stdout: run(plainDir, "out-plain") };

  const migration = migrateByHand(migratedDir, sourceFiles(migratedDir));
  for (const [file, text] of Object.entries(migration.files)) fs.writeFileSync(path.join(migratedDir, file), text);
  fs.rmSync(path.join(migratedDir, DEPRECATED));
  const migratedBuild = buildPlain(migratedDir, "tsconfig.plain.json");
  handMigrated = { dir: migratedDir, build: migratedBuild, migration, stdout: run(migratedDir, "out-plain") };
});

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("examples/websocket-factory", () => {
  it("all three builds are clean", () => {
    expect(plain.build.diagnostics).toEqual([]);
    expect(plugin.build.diagnostics).toEqual([]);
    expect(handMigrated.build.diagnostics, "the hand-migrated sources must type-check").toEqual([]);
  });

  it("built plainly, the deprecated factory leaks messages between users", () => {
    const { startupIsolated, inboxes } = parseRun(plain.stdout);
    const foreign = foreignMessages(inboxes);
    expect(startupIsolated).toBe(false);
    expect(foreign.bob.length, "bob must see alice's messages").toBeGreaterThan(0);
    expect(foreign.alice.length, "alice must see bob's messages").toBeGreaterThan(0);
  });

  it("built with the plugin, every user sees only their own messages", () => {
    const { startupIsolated, inboxes } = parseRun(plugin.stdout);
    expect(startupIsolated).toBe(true);
    for (const user of USERS) {
      expect(inboxes[user]?.length, `${user}'s inbox`).toBeGreaterThan(0);
      expect(foreignMessages(inboxes)[user], `messages of other users in ${user}'s inbox`).toEqual([]);
    }
  });

  it("the plugin build behaves exactly like the hand-migrated sources", () => {
    expect(handMigrated.stdout.length).toBeGreaterThan(0);
    expect(plugin.stdout).toBe(handMigrated.stdout);
  });

  it("bundled by esbuild with the plugin, it behaves exactly like the hand-migrated sources bundled plainly", async () => {
    // Issue #3: the example also builds with esbuild, from the same unedited sources and the same rules file.
    const requireFromRepo = createRequire(path.join(REPO_ROOT, "package.json"));
    const esbuild = requireFromRepo("esbuild") as typeof import("esbuild");
    const { ssotImports } = requireFromRepo("./dist/esbuild/index.js") as typeof import("../../src/esbuild/index");
    const bundle = (dir: string, plugins: import("esbuild").Plugin[]) =>
      esbuild.build({ absWorkingDir: dir, entryPoints: ["src/main.ts"], bundle: true, platform: "node", format: "cjs", outfile: "out-esbuild/main.js", logLevel: "silent", plugins });
    await bundle(plugin.dir, [ssotImports()]);
    await bundle(handMigrated.dir, []);
    const withPlugin = run(plugin.dir, "out-esbuild");
    expect(withPlugin).toBe(run(handMigrated.dir, "out-esbuild"));
    expect(withPlugin, "the esbuild bundle must tell the same story as the tsc build").toBe(handMigrated.stdout);
    // The deprecated file's path may stand in the bundle as the facade's name; its code (the shared manager) may not.
    const bundled = fs.readFileSync(path.join(plugin.dir, "out-esbuild/main.js"), "utf8");
    expect(fs.readFileSync(path.join(plugin.dir, "src/websocket_core/websocket_manager_factory.ts"), "utf8")).toContain("sharedManager");
    expect(bundled).not.toContain("sharedManager");
  });

  it("esbuild's summary counts what the demo says: the value imports of the files the bundle reaches, each specifier once per file and import kind", async () => {
    // The demo explains "18 in 10 files" against tsc's "78 in 24" this way; count it independently from the sources.
    const requireFromRepo = createRequire(path.join(REPO_ROOT, "package.json"));
    const esbuild = requireFromRepo("esbuild") as typeof import("esbuild");
    const ts = requireFromRepo("typescript") as typeof TS;
    const { ssotImports } = requireFromRepo("./dist/esbuild/index.js") as typeof import("../../src/esbuild/index");
    const printed: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void printed.push(args.join(" ")));
    let result: import("esbuild").BuildResult<{ metafile: true }>;
    try {
      result = await esbuild.build({ absWorkingDir: plugin.dir, entryPoints: ["src/main.ts"], bundle: true, platform: "node", format: "cjs", write: false, outfile: "out.js", logLevel: "silent", metafile: true, plugins: [ssotImports({ report: "summary" })] });
    } finally {
      log.mockRestore();
    }
    const summary = parseSummary(printed.join("\n"));

    const reached = Object.keys(result.metafile.inputs).filter((file) => file.startsWith("src/"));
    const questions = new Map<string, Set<string>>();
    for (const file of reached) {
      const source = ts.createSourceFile(file, fs.readFileSync(path.join(plugin.dir, file), "utf8"), ts.ScriptTarget.Latest, true);
      const asked = new Set<string>();
      const visit = (node: TS.Node): void => {
        const ask = (kind: string, specifier: TS.Node | undefined) => {
          if (specifier && ts.isStringLiteral(specifier) && /\/websocket_manager_factory(\.js)?$/.test(specifier.text)) asked.add(`${kind} ${specifier.text}`);
        };
        if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) ask("import-statement", node.moduleSpecifier);
        else if (ts.isExportDeclaration(node) && !node.isTypeOnly) ask("import-statement", node.moduleSpecifier);
        else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) ask("require-call", node.moduleReference.expression);
        else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) ask("dynamic-import", node.arguments[0]);
        ts.forEachChild(node, visit); // ImportTypeNode (typeof import("…")) is a type: erased, never asked
      };
      visit(source);
      if (asked.size > 0) questions.set(file, asked);
    }
    const imports = [...questions.values()].reduce((sum, asked) => sum + asked.size, 0);
    expect(summary?.line, "the esbuild plugin's summary line").toBeDefined();
    expect({ imports: summary?.imports, files: summary?.files }).toEqual({ imports, files: questions.size });
    // The demo's point: fewer than tsc's count, because of reach, type erasure and one question per specifier.
    expect(questions.size).toBeLessThan(EXPECTED_FILES);
    expect(imports).toBeLessThan(EXPECTED_IMPORTS);
  });

  it("its declaration files match the hand-migrated ones and no longer name the deprecated module", () => {
    const pluginDts = readTree(plugin.dir, "out-plugin", ".d.ts");
    const migratedDts = readTree(handMigrated.dir, "out-plain", ".d.ts");
    expect(Object.keys(pluginDts).sort()).toEqual([...Object.keys(migratedDts), "websocket_core/websocket_manager_factory.d.ts"].sort());
    for (const [file, text] of Object.entries(migratedDts)) {
      expect(pluginDts[file], file).toBe(text);
      expect(pluginDts[file], file).not.toContain("websocket_manager_factory");
    }
  });

  it(`rewrites exactly ${EXPECTED_IMPORTS} imports in ${EXPECTED_FILES} files, as counted independently`, () => {
    expect(Object.keys(handMigrated.migration.files)).toHaveLength(EXPECTED_FILES);
    expect(handMigrated.migration.sites).toBe(EXPECTED_IMPORTS);
    const summary = parseSummary(plugin.printed);
    expect(summary?.line, "the summary line").toBeDefined();
    expect({ imports: summary?.imports, files: summary?.files }).toEqual({ imports: EXPECTED_IMPORTS, files: EXPECTED_FILES });
  });

  it("modifies no source file of the example", () => {
    expect(plugin.hashesAfter).toEqual(plugin.hashesBefore);
    // The copy built above is the example as committed, and the example itself is untouched too.
    const example = hashSources(EXAMPLE);
    for (const [file, hash] of Object.entries(plugin.hashesBefore)) expect(example[file], file).toBe(hash);
    expect(example).toEqual(exampleHashesBefore);
  });
});
