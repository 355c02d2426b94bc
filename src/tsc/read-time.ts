import * as path from "node:path";
import type * as TS from "typescript";
import { rewriteFile, type FileRewrite } from "../core";
import { Matcher } from "../match/matcher";
import { extensionPolicyFor } from "../project/extension-policy";
import { standaloneExportLookup } from "../project/export-lookup";
import { loadPluginRules, type PluginConfig } from "../project/load-plugin-rules";
import { createTypeScriptResolver, pathAliasesOf } from "../project/resolver";
import type { FileSystem } from "../rules/module-paths";
import { RuleIndex } from "../rules/targets";
import type { RuleSet } from "../rules/types";
import { countWork } from "../work-counts";
import { hasParseErrors } from "./project-memory";

/** What the read-time pass settled for one file: the text it handed TypeScript, and the rewrite behind it. */
export interface SettledFile {
  original: string;
  served: string;
  result: FileRewrite | undefined;
}

/**
 * One cold build's read-time rewrites (`ssot-imports-tsc`, rewriting-system.ts), for the program transformer
 * that ts-patch calls on the Program they went into: it takes each settled file's rewrite instead of making
 * it again, and needs no second createProgram unless a file was left to it.
 */
export interface ReadTimeSession {
  configKey: string;
  ruleSet: RuleSet;
  files: Map<string, SettledFile>;
}

/**
 * Shared through the global object: `ssot-imports-tsc` and the transformer are separate bundles
 * (tools/bundle-entries.mjs), each with its own copy of this module.
 */
const SESSIONS = Symbol.for("ssot-imports/tsc read-time sessions, v1");
const sessions: Map<string, ReadTimeSession> = ((globalThis as Record<symbol, unknown>)[SESSIONS] ??= new Map()) as Map<string, ReadTimeSession>;

const configKeyOf = (configFilePath: string, config: PluginConfig) => `${configFilePath}\0${JSON.stringify(config)}`;

/** The session of this tsconfig and plugin entry, handed over once (nothing keeps it past the build). */
export function takeReadTimeSession(configFilePath: string | undefined, config: PluginConfig): ReadTimeSession | undefined {
  if (!configFilePath) return undefined;
  const session = sessions.get(configFilePath);
  if (!session || session.configKey !== configKeyOf(configFilePath, config)) return undefined;
  sessions.delete(configFilePath);
  return session;
}

/** Thrown by a plan that needs a type checker: the file is served as it is, and left to the transformer. */
const NEEDS_PROGRAM = new Error("a type-only check needs the Program");
const needsProgram = (): boolean => {
  throw NEEDS_PROGRAM;
};

/**
 * The rewrite of each project file as TypeScript reads it, before any Program exists: module resolution
 * through a cache of its own (TypeScript's own answers, as the matcher always asks), and the rules' targets
 * parsed from disk. A file whose rewrite needs more (a type checker, a plan with errors, a file with syntax
 * errors) is served unchanged and not settled: the transformer then rewrites it from the Program as before.
 * Undefined when the rules do not load: the transformer reports that.
 */
export function readTimeRewriter(
  ts: typeof TS,
  options: TS.CompilerOptions,
  config: PluginConfig,
  fs: FileSystem,
  host: TS.ModuleResolutionHost,
): ((fileName: string, text: string) => string) | undefined {
  const configFilePath = options.configFilePath as string | undefined;
  if (!configFilePath) return undefined;
  const loaded = loadPluginRules(configFilePath, config, fs);
  if (!loaded.ok) return undefined;
  const session: ReadTimeSession = { configKey: configKeyOf(configFilePath, config), ruleSet: loaded.ruleSet, files: new Map() };
  sessions.set(configFilePath, session);

  const cache = ts.createModuleResolutionCache(host.getCurrentDirectory?.() ?? process.cwd(), (f) => f, options);
  const formats = new Map<string, TS.ResolutionMode>();
  const formatOf = (file: string): TS.ResolutionMode => {
    if (!formats.has(file)) formats.set(file, ts.getImpliedNodeFormatForFile(file as TS.Path, cache.getPackageJsonInfoCache(), host, options));
    return formats.get(file);
  };
  const matcher = new Matcher(new RuleIndex(loaded.ruleSet), createTypeScriptResolver(ts, options, host, formatOf, cache), pathAliasesOf(options));
  const { exportsName } = standaloneExportLookup(ts, options, (file) => fs.readFile(file));
  const libDir = path.dirname(ts.getDefaultLibFilePath(options));
  const internal = ts as typeof TS & { getEmitScriptTarget(o: TS.CompilerOptions): TS.ScriptTarget; getSetExternalModuleIndicator(o: TS.CompilerOptions): (f: TS.SourceFile) => void };

  return (fileName, text) => {
    if (fileName.includes("/node_modules/") || fileName.startsWith(libDir)) return text;
    // Most files name no deprecated module: settled at the cost of one pass of the needles over the text.
    if (matcher.needleOffsets(text).length === 0) {
      session.files.set(fileName, { original: text, served: text, result: undefined });
      return text;
    }
    let parsed: TS.SourceFile | undefined;
    const impliedNodeFormat = formatOf(fileName);
    // As the Program parses it (the transformer's rewrite works on the Program's own SourceFile).
    const parse = () => {
      if (parsed) return parsed;
      countWork("parse", fileName);
      return (parsed = ts.createSourceFile(
        fileName,
        text,
        { languageVersion: internal.getEmitScriptTarget(options), impliedNodeFormat, setExternalModuleIndicator: internal.getSetExternalModuleIndicator(options), jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors },
        false,
      ));
    };
    let result: FileRewrite | undefined;
    try {
      result = rewriteFile(ts, matcher, fileName, text, parse, "same-line", { isTypeOnly: needsProgram, typeSyntax: true, extensions: extensionPolicyFor(ts, options, impliedNodeFormat), exportsName });
    } catch (error) {
      if (error === NEEDS_PROGRAM) return text;
      throw error;
    }
    if ((parsed && hasParseErrors(parsed)) || (result && result.plan.diagnostics.length > 0)) return text;
    const served = result?.text ?? text;
    session.files.set(fileName, { original: text, served, result });
    return served;
  };
}
