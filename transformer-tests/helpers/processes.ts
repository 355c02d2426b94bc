import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { runInThisContext } from "node:vm";
import type * as TS from "typescript";
import { REPO_ROOT } from "./project";
import { TS_PATCH_DIR, TS_PATCH_MAJOR } from "./test-environment";

/**
 * Real compiler processes and version-selectable in-process compilers for the mode tests (tspc, a
 * `ts-patch install`ed tsc, --watch, -b). The repo's own node_modules/typescript is never patched: installs
 * happen on copies in temp dirs.
 */

const require = createRequire(import.meta.url);

export type TsVersion = "6.0" | "5.9";
/** The versions under test: both under ts-patch 3.3; 6.0 alone under ts-patch 4, which refuses 5.9. */
export const TS_VERSIONS: readonly TsVersion[] = TS_PATCH_MAJOR >= 4 ? ["6.0"] : ["6.0", "5.9"];
/** The oldest version under test, for the cases that run on one version only. */
export const OLDEST_TS_VERSION: TsVersion = TS_VERSIONS[TS_VERSIONS.length - 1]!;

/** The unpatched TypeScript package for each version we claim to support. */
export const TS_PACKAGE_DIR: Record<TsVersion, string> = {
  "6.0": path.join(REPO_ROOT, "node_modules", "typescript"),
  "5.9": path.join(REPO_ROOT, "node_modules", "typescript-5.9"),
};

export const TSPC = path.join(TS_PATCH_DIR, "bin", "tspc.js");
const TS_PATCH_CLI = path.join(TS_PATCH_DIR, "bin", "ts-patch.js");

/** Each real start costs seconds; a hung compiler must fail the test, not the suite. */
export const PROCESS_TIMEOUT_MS = 60_000;

export interface ProcessResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** tspc picks its TypeScript from TSP_COMPILER_TS_PATH (ts-patch's own switch), else `typescript`. */
function tspcEnv(version: TsVersion): NodeJS.ProcessEnv {
  return { ...process.env, TSP_COMPILER_TS_PATH: TS_PACKAGE_DIR[version], NO_COLOR: "1" };
}

export function runTspc(cwd: string, args: string[], version: TsVersion = "6.0"): ProcessResult {
  return runNodeScript(TSPC, args, cwd, tspcEnv(version));
}

export function runNodeScript(script: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env, timeout = PROCESS_TIMEOUT_MS): ProcessResult {
  const result = spawnSync(process.execPath, [script, ...args], { cwd, env, encoding: "utf8", timeout });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Copies a TypeScript package into a temp dir and runs `ts-patch install --dir` on the copy: what a user's
 * `ts-patch install` does to their node_modules. Returns the copy's `bin/tsc`.
 */
export function installPatchedTsc(version: TsVersion): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ssot-patched-ts-${version}-`));
  const copy = path.join(dir, "typescript");
  fs.cpSync(TS_PACKAGE_DIR[version], copy, { recursive: true });
  const install = runNodeScript(TS_PATCH_CLI, ["install", "--dir", copy, "--silent"], dir);
  if (install.status !== 0) throw new Error(`ts-patch install failed: ${install.stdout}${install.stderr}`);
  return path.join(copy, "bin", "tsc");
}

/** Deletes the temp copy made by `installPatchedTsc` (24 MB each: not something to leave behind per run). */
export function removePatchedTsc(tsc: string): void {
  fs.rmSync(path.dirname(path.dirname(path.dirname(tsc))), { recursive: true, force: true });
}

/** A line of a JavaScript stack trace as Node prints it: no user mistake may ever produce one. */
export const STACK_LINE = /^\s+at .+/m;

/** A long-running compiler (--watch); output accumulates, waits are bounded, `stop` always kills it. */
export class CompilerProcess {
  private readonly child: ChildProcess;
  output = "";

  constructor(script: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, [script, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    this.child.stdout!.on("data", (d) => (this.output += String(d)));
    this.child.stderr!.on("data", (d) => (this.output += String(d)));
  }

  static tspcWatch(cwd: string, version: TsVersion, extra: string[] = []): CompilerProcess {
    return new CompilerProcess(TSPC, ["-p", ".", "--watch", "--preserveWatchOutput", "--listEmittedFiles", ...extra], cwd, tspcEnv(version));
  }

  /** How many compilations have finished: tsc prints "Found N errors. Watching for file changes." after each. */
  cycles(): number {
    return this.output.match(/Watching for file changes/g)?.length ?? 0;
  }

  /** Resolves with the output of cycle `n` once it has finished; rejects after `timeoutMs`. */
  async waitForCycle(n: number, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (this.cycles() < n) {
      if (this.child.exitCode !== null) throw new Error(`compiler exited (${this.child.exitCode}) before cycle ${n}:\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for cycle ${n}:\n${this.output}`);
      await sleep(50);
    }
    return this.cycleOutput(n);
  }

  /** The text printed for cycle `n` (1-based), from its start message to its "Watching" line. */
  cycleOutput(n: number): string {
    const parts = this.output.split(/(?<=Watching for file changes\.)/);
    return parts[n - 1] ?? "";
  }

  stop(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Files listed by `--listEmittedFiles` (`TSFILE: /abs/path`), relative to `dir`. */
export function emittedFiles(output: string, dir: string): string[] {
  const real = fs.realpathSync(dir);
  return [...output.matchAll(/^TSFILE: (.+)$/gm)]
    .map((m) => m[1]!.trim())
    .map((f) => path.relative(f.startsWith(real) ? real : dir, f).split(path.sep).join("/"))
    .sort();
}

const patchedByVersion = new Map<TsVersion, typeof TS>();

/**
 * ts-patch's live compiler (what `tspc` runs) for a given TypeScript version, loaded in this process the way
 * `ts-patch/compiler` loads it, but with the version chosen explicitly instead of by `require("typescript")`.
 */
export function patchedTypeScript(version: TsVersion): typeof TS {
  const cached = patchedByVersion.get(version);
  if (cached) return cached;
  const { getLiveModule } = require(TS_PATCH_DIR) as { getLiveModule: (name: string) => { js: string; tsModule: { modulePath: string } } };
  const previous = process.env.TSP_COMPILER_TS_PATH;
  process.env.TSP_COMPILER_TS_PATH = TS_PACKAGE_DIR[version];
  try {
    const { js, tsModule } = getLiveModule("typescript.js");
    const module = { exports: {} as typeof TS };
    const factory = runInThisContext(`(function (exports, require, module, __filename, __dirname) {\n${js}\n});`) as (...args: unknown[]) => void;
    factory.call(module.exports, module.exports, createRequire(tsModule.modulePath), module, tsModule.modulePath, path.dirname(tsModule.modulePath));
    patchedByVersion.set(version, module.exports);
    return module.exports;
  } finally {
    if (previous === undefined) delete process.env.TSP_COMPILER_TS_PATH;
    else process.env.TSP_COMPILER_TS_PATH = previous;
  }
}

/** Modification times of every file under `dir/sub`, to tell re-emitted files from untouched ones. */
export function mtimes(dir: string, sub: string): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (current: string) => {
    if (!fs.existsSync(current)) return;
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.set(path.relative(dir, full).split(path.sep).join("/"), fs.statSync(full).mtimeMs);
    }
  };
  walk(path.join(dir, sub));
  return out;
}

export interface InProcessBuild {
  /** Formatted diagnostics (`file(line,col): TSxxxx: message`, paths relative to `dir`). */
  diagnostics: string[];
  /** Files written, relative to `dir`, sorted; .tsbuildinfo included. */
  written: string[];
  /** `tsc -b --verbose` status lines ("Project 'x' is up to date …"). */
  status: string[];
  /** 0 when the build succeeded, like tsc's exit code. */
  exitStatus: number;
}

function formatDiagnostic(ts: typeof TS, d: TS.Diagnostic, dir: string): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  if (!d.file || d.start === undefined) return `TS${d.code}: ${message}`;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return `${path.relative(dir, d.file.fileName).split(path.sep).join("/")}(${line + 1},${character + 1}): TS${d.code}: ${message}`;
}

/** A `ts.sys` that records what it writes, so tests see exactly which outputs a build touched. */
function recordingSys(ts: typeof TS, dir: string, written: string[]): TS.System {
  return {
    ...ts.sys,
    writeFile(file, data, bom) {
      written.push(path.relative(dir, file).split(path.sep).join("/"));
      ts.sys.writeFile(file, data, bom);
    },
  };
}

/** `tsc -b [--verbose] <roots>` in this process, with the given (patched) TypeScript. */
export function buildSolution(ts: typeof TS, dir: string, roots: string[] = ["tsconfig.json"]): InProcessBuild {
  const written: string[] = [];
  const diagnostics: string[] = [];
  const status: string[] = [];
  const host = ts.createSolutionBuilderHost(
    recordingSys(ts, dir, written),
    ts.createEmitAndSemanticDiagnosticsBuilderProgram,
    (d) => diagnostics.push(formatDiagnostic(ts, d, dir)),
    (d) => status.push(ts.flattenDiagnosticMessageText(d.messageText, "\n")),
  );
  const builder = ts.createSolutionBuilder(host, roots.map((r) => path.join(dir, r)), { verbose: true });
  const exitStatus = builder.build();
  return { diagnostics, written: written.sort(), status, exitStatus };
}

/** `tsc -p <config>` in this process as tsc runs it: an incremental program when the options ask for one. */
export function buildProject(ts: typeof TS, dir: string, configName = "tsconfig.json"): InProcessBuild {
  const written: string[] = [];
  const sys = recordingSys(ts, dir, written);
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(dir, configName), {}, {
    ...sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  })!;
  // As tsc does: an incremental host versions every SourceFile by the hash of its text, which the builder needs.
  const incremental = parsed.options.incremental || parsed.options.composite;
  const host = incremental ? ts.createIncrementalCompilerHost(parsed.options, sys) : ts.createCompilerHost(parsed.options);
  host.writeFile = (file, data, bom) => sys.writeFile(file, data, bom);
  const config = { rootNames: parsed.fileNames, options: parsed.options, host, projectReferences: parsed.projectReferences, configFileParsingDiagnostics: parsed.errors };
  const program = incremental ? ts.createIncrementalProgram(config) : ts.createProgram(config);
  const all = [...program.getConfigFileParsingDiagnostics(), ...program.getOptionsDiagnostics(), ...program.getSyntacticDiagnostics()];
  if (all.length === 0) all.push(...program.getGlobalDiagnostics(), ...program.getSemanticDiagnostics());
  const emit = program.emit();
  all.push(...emit.diagnostics);
  const diagnostics = all.map((d) => formatDiagnostic(ts, d, dir));
  const exitStatus = emit.emitSkipped || all.some((d) => d.category === ts.DiagnosticCategory.Error) ? 1 : 0;
  return { diagnostics, written: written.sort(), status: [], exitStatus };
}

/**
 * A small project mid-migration: two files import the deprecated factory, two do not. The rule renames
 * `createManager` to `createContext`; `retargetRule` switches it to `createIsolatedContext`, which changes
 * the emitted text of exactly the two importers.
 */
export function migrationFixture(opts: { extendsRules?: boolean; compilerOptions?: Record<string, unknown>; report?: boolean } = {}): Record<string, string> {
  const rules = {
    ...(opts.report ? { report: "summary" } : {}),
    rules: [{ from: "./src/ws/factory", to: "./src/services/ctx", symbols: { createManager: "createContext" } }],
  };
  return {
    "src/ws/factory.ts": `const shared = { user: "" };\nexport function createManager(user: string): { user: string } { shared.user = user; return shared; }\n`,
    "src/services/ctx.ts": `export function createContext(user: string): { user: string } { return { user }; }\nexport function createIsolatedContext(user: string): { user: string } { return { user: "isolated " + user }; }\n`,
    "src/main.ts": `import { createManager } from "./ws/factory";\nimport { greet } from "./handlers/chat";\nconst a = createManager("alice");\nconst b = createManager("bob");\nconsole.log(a.user, b.user, greet());\n`,
    "src/handlers/chat.ts": `import { createManager } from "../ws/factory";\nexport function greet(): string { return "hi " + createManager("carol").user; }\n`,
    "src/util.ts": `export const unrelated = 1;\n`,
    // lib es2022 without the DOM keeps each in-process build cheap; this is all of the DOM the programs use.
    "src/env.d.ts": `declare const console: { log(...args: unknown[]): void };\n`,
    "ssot-imports.json": JSON.stringify(rules, null, 2),
    "tsconfig.json": JSON.stringify(
      {
        ...(opts.extendsRules ? { extends: ["./ssot-imports.json"] } : {}),
        compilerOptions: {
          module: "commonjs",
          target: "es2022",
          lib: ["es2022"],
          rootDir: "src",
          outDir: "out",
          strict: true,
          types: [],
          skipLibCheck: true,
          ...opts.compilerOptions,
          plugins: [{ transform: "ssot-imports/tsc", transformProgram: true }],
        },
        include: ["src"],
      },
      null,
      2,
    ),
  };
}

/** Edits the rules the way a user would: the rename now targets `createIsolatedContext`. */
export function retargetRule(dir: string, rulesFile = "ssot-imports.json"): void {
  const file = path.join(dir, rulesFile);
  const text = fs.readFileSync(file, "utf8");
  if (!text.includes(`"createContext"`)) throw new Error(`${file} has no "createContext" to retarget`);
  fs.writeFileSync(file, text.replace(`"createContext"`, `"createIsolatedContext"`));
}

/** A solution: `core` holds both modules, `app` references it; one rules file at the root, extended by both. */
export function referencesFixture({ extendsRules = true, report = false } = {}): Record<string, string> {
  const project = (extra: Record<string, unknown>) =>
    JSON.stringify(
      {
        ...(extendsRules ? { extends: ["../ssot-imports.json"] } : {}),
        compilerOptions: {
          composite: true,
          module: "commonjs",
          target: "es2022",
          lib: ["es2022"],
          rootDir: "src",
          outDir: "out",
          strict: true,
          types: [],
          skipLibCheck: true,
          plugins: [{ transform: "ssot-imports/tsc", transformProgram: true, rules: "../ssot-imports.json" }],
        },
        include: ["src"],
        ...extra,
      },
      null,
      2,
    );
  return {
    "ssot-imports.json": JSON.stringify({ ...(report ? { report: "summary" } : {}), rules: [{ from: "./core/src/ws/factory", to: "./core/src/services/ctx", symbols: { createManager: "createContext" } }] }, null, 2),
    "tsconfig.json": JSON.stringify({ files: [], references: [{ path: "core" }, { path: "app" }] }),
    "core/tsconfig.json": project({}),
    "core/src/ws/factory.ts": `export function createManager(user: string): { user: string } { return { user }; }\n`,
    "core/src/services/ctx.ts": `export function createContext(user: string): { user: string } { return { user }; }\nexport function createIsolatedContext(user: string): { user: string } { return { user }; }\n`,
    "core/src/api.ts": `import { createManager } from "./ws/factory";\nexport const session = createManager("core");\n`,
    "core/src/plain.ts": `export const plain = 1;\n`,
    "app/tsconfig.json": project({ references: [{ path: "../core" }] }),
    "app/src/main.ts": `import { createManager } from "../../core/src/ws/factory";\nexport { createManager as make } from "../../core/src/ws/factory";\nexport const user = createManager("app");\n`,
    "app/src/other.ts": `import { plain } from "../../core/src/plain";\nexport const other = plain + 1;\n`,
  };
}

/** `"report": "summary"` lines in some output, as [imports, files] pairs, one per line printed. */
export function summaryCounts(output: string): Array<[number, number]> {
  return [...output.matchAll(/^ssot-imports: rewrote (\d+) imports? in (\d+) files?\b.*$/gm)].map((m) => [Number(m[1]), Number(m[2])]);
}
