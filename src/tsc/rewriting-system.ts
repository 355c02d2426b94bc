import * as path from "node:path";
import type * as TS from "typescript";
import type { PluginConfig } from "../project/load-plugin-rules";
import type { FileSystem } from "../rules/module-paths";
import { readTimeRewriter } from "./read-time";

type Rewrite = (fileName: string, text: string) => string;

const SOURCE_FILE = /\.(?:[cm]?tsx?|[cm]?jsx?)$/;

/**
 * The system `ssot-imports-tsc` hands tsc: it reads each project file as its rewritten text, so the one
 * Program tsc builds holds the canonical imports already (issue 17: a second createProgram walks the whole
 * file graph again, ~3% of a cold build). tsc's compiler host reads every file through its system, and
 * nothing else of tsc is reachable before the Program is created (ts-patch loads the program transformer
 * after it). The rest stays the transformer's: it checks what was read here and rewrites what was left.
 *
 * Only a plain cold build (`tsc`, `tsc -p`): `--watch` and `--build` keep the transformer's own path, whose
 * hosts re-read files under rules that may change meanwhile.
 */
export function rewritingSystem(ts: typeof TS, system: TS.System, args: readonly string[]): TS.System {
  if (args.some((arg) => /^--?(?:b|build|w|watch)$/i.test(arg))) return system;
  const commandLine = ts.parseCommandLine(args, (file) => system.readFile(file));
  if (commandLine.errors.length > 0 || commandLine.options.watch) return system;

  // tsc lists the project's files while it parses the tsconfig, before it reads any: that listing is kept,
  // so the tsconfig parse here (for the options and the plugin entry) repeats none of it.
  const listings = new Map<string, string[]>();
  let rewrite: Rewrite | null | undefined;
  // A copy, as TypeScript itself copies a system it extends: some callers spread it ({ ...sys }).
  const wrapped: TS.System = { ...system };
  wrapped.readDirectory = (...listing) => {
    const key = JSON.stringify(listing);
    let found = listings.get(key);
    if (!found) listings.set(key, (found = system.readDirectory(...listing)));
    return found;
  };
  wrapped.readFile = (fileName, encoding) => {
    const text = system.readFile(fileName, encoding);
    if (text === undefined || !SOURCE_FILE.test(fileName)) return text;
    if (rewrite === undefined) rewrite = rewriterFor(ts, wrapped, system, commandLine) ?? null;
    return rewrite ? rewrite(fileName, text) : text;
  };
  return wrapped;
}

/** The tsconfig tsc builds, parsed as tsc parses it, and our entry among its plugins; null for none. */
function rewriterFor(ts: typeof TS, wrapped: TS.System, system: TS.System, commandLine: TS.ParsedCommandLine): Rewrite | null {
  const internal = ts as typeof TS & TsInternals;
  const configFile = configFileOf(internal, system, commandLine);
  if (!configFile) return null;
  const cwd = system.getCurrentDirectory();
  const optionsToExtend = internal.convertToOptionsWithAbsolutePaths(commandLine.options, (f) => internal.getNormalizedAbsolutePath(f, cwd));
  const host: TS.ParseConfigFileHost = { ...wrapped, onUnRecoverableConfigFileDiagnostic: () => {} };
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, optionsToExtend, host);
  if (!parsed || parsed.errors.some((d) => d.category === ts.DiagnosticCategory.Error)) return null;
  const entry = ownPluginEntry(parsed.options, path.dirname(String(parsed.options.configFilePath)));
  if (!entry) return null;
  const fs: FileSystem = {
    fileExists: (f) => system.fileExists(f),
    readFile: (f) => system.readFile(f),
    directoryExists: (f) => system.directoryExists(f),
  };
  return readTimeRewriter(ts, parsed.options, entry, fs, system) ?? null;
}

interface TsInternals {
  normalizePath(path: string): string;
  combinePaths(path: string, ...paths: string[]): string;
  getNormalizedAbsolutePath(fileName: string, currentDirectory: string): string;
  convertToOptionsWithAbsolutePaths(options: TS.CompilerOptions, toAbsolutePath: (path: string) => string): TS.CompilerOptions;
}

/**
 * As tsc finds it (executeCommandLine.ts), by the same name, so that the options' configFilePath is the one
 * the transformer is given: `-p` (a folder or a file), else a tsconfig.json from the current folder up, unless
 * files are named on the command line.
 */
function configFileOf(ts: typeof TS & TsInternals, system: TS.System, commandLine: TS.ParsedCommandLine): string | undefined {
  const project = commandLine.options.project;
  if (project) {
    const fileOrDirectory = ts.normalizePath(project);
    return !fileOrDirectory || system.directoryExists(fileOrDirectory) ? ts.combinePaths(fileOrDirectory, "tsconfig.json") : fileOrDirectory;
  }
  if (commandLine.fileNames.length > 0) return undefined;
  return ts.findConfigFile(ts.normalizePath(system.getCurrentDirectory()), (f) => system.fileExists(f));
}

/** The plugin entry ts-patch would load as this very module (the transformer that checks these rewrites). */
function ownPluginEntry(options: TS.CompilerOptions, projectDir: string): PluginConfig | undefined {
  const self = require.resolve(path.join(__dirname, "index.js"));
  const plugins = (options.plugins ?? []) as unknown as PluginConfig[];
  return plugins.find((entry) => {
    if (typeof entry.transform !== "string" || entry.transformProgram !== true) return false;
    try {
      return require.resolve(entry.transform, { paths: [projectDir] }) === self;
    } catch {
      return false;
    }
  });
}
