import { createRequire } from "node:module";
import * as path from "node:path";
import type * as TS from "typescript";
import { REPO_ROOT } from "./project";
import { TS_PATCH_DIR } from "./test-environment";

const require = createRequire(import.meta.url);

/**
 * In-process builds: one TypeScript load per worker instead of one per case keeps `npm test` fast. The plugin
 * build uses ts-patch's live compiler (what `tspc` runs), the plain build the untouched `typescript` package.
 */
const plainTs: typeof TS = require("typescript");
let patchedTs: typeof TS | undefined;
function patched(): typeof TS {
  patchedTs ??= require(path.join(TS_PATCH_DIR, "compiler")) as typeof TS;
  return patchedTs;
}

export interface BuildResult {
  /** Formatted like tsc prints them: `file(line,col): error TS…: message`, paths relative to the project. */
  diagnostics: string[];
  emitSkipped: boolean;
  /** Files written, relative to the project. */
  written: string[];
}

/**
 * `SSOT_TEST_TSC_READ_TIME=1`: every plugin build reads its files through `ssot-imports-tsc`'s system
 * (src/tsc/rewriting-system.ts), so the whole tsc suite checks the one-Program design against the same
 * hand-migrated twins.
 */
const READ_TIME = process.env.SSOT_TEST_TSC_READ_TIME === "1";

export function buildWithPlugin(projectDir: string, configName = "tsconfig.json", readTime = READ_TIME): BuildResult {
  return build(patched(), projectDir, configName, readTime ? readTimeSystem(patched(), path.join(projectDir, configName)) : undefined).result;
}

/** The plugin build through the read-time system, with the Program it ended with (read-time.test.ts). */
export function buildReadTime(projectDir: string, configName = "tsconfig.json"): { result: BuildResult; program: TS.Program; hostMade: ReadonlySet<TS.SourceFile> } {
  return build(patched(), projectDir, configName, readTimeSystem(patched(), path.join(projectDir, configName)));
}

function readTimeSystem(ts: typeof TS, configPath: string): TS.System {
  const plugin = require(path.join(REPO_ROOT, "dist", "tsc", "index.js")) as typeof import("../../src/tsc/index");
  return plugin.rewritingSystem(ts, ts.sys, ["-p", configPath]);
}

export function buildPlain(projectDir: string, configName = "tsconfig.json"): BuildResult {
  return build(plainTs, projectDir, configName).result;
}

function build(ts: typeof TS, projectDir: string, configName: string, system: TS.System = ts.sys) {
  const configPath = path.join(projectDir, configName);
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
    ...system,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  })!;
  // As tsc makes its host: over the system it was given.
  const host = (ts as typeof TS & { createCompilerHostWorker(o: TS.CompilerOptions, p: undefined, s: TS.System): TS.CompilerHost }).createCompilerHostWorker(parsed.options, undefined, system);
  const hostMade = new Set<TS.SourceFile>();
  shareDefaultLibraries(ts, host, hostMade);
  const written: string[] = [];
  const writeFile = host.writeFile;
  host.writeFile = (file, ...rest) => {
    written.push(path.relative(projectDir, file).split(path.sep).join("/"));
    writeFile(file, ...rest);
  };
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    host,
    projectReferences: parsed.projectReferences,
    configFileParsingDiagnostics: parsed.errors,
  });
  const all = [...program.getConfigFileParsingDiagnostics(), ...program.getOptionsDiagnostics(), ...program.getSyntacticDiagnostics()];
  if (all.length === 0) all.push(...program.getGlobalDiagnostics(), ...program.getSemanticDiagnostics());
  const emit = program.emit();
  all.push(...emit.diagnostics);
  const result: BuildResult = { diagnostics: all.map((d) => format(ts, d, projectDir)), emitSkipped: emit.emitSkipped, written };
  return { result, program, hostMade };
}

/**
 * The default library files are the same in every build here, and parsing lib.dom.d.ts was most of a small
 * build's time: parse them once per TypeScript instance, as a language service would.
 */
const libraryCaches = new Map<typeof TS, Map<string, TS.SourceFile>>();

function shareDefaultLibraries(ts: typeof TS, host: TS.CompilerHost, made: Set<TS.SourceFile>): void {
  const cache = libraryCaches.get(ts) ?? new Map<string, TS.SourceFile>();
  libraryCaches.set(ts, cache);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!/[\\/]lib\.[\w.]*\.d\.ts$/.test(fileName) || !fileName.includes("node_modules")) {
      const file = getSourceFile(fileName, languageVersion, onError, shouldCreate);
      if (file) made.add(file);
      return file;
    }
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    let file = cache.get(key);
    if (!file) {
      file = getSourceFile(fileName, languageVersion, onError, shouldCreate);
      if (file) cache.set(key, file);
    }
    return file;
  };
}

function format(ts: typeof TS, d: TS.Diagnostic, projectDir: string): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  const category = ts.DiagnosticCategory[d.category].toLowerCase();
  if (!d.file || d.start === undefined) return `${category} TS${d.code}: ${message}`;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  const file = path.relative(projectDir, d.file.fileName).split(path.sep).join("/");
  return `${file}(${line + 1},${character + 1}): ${category} TS${d.code}: ${message}`;
}
