import type * as TS from "typescript";
import { rewriteFile } from "../core";
import type { SsotDiagnostic } from "../diagnostic";
import { Matcher } from "../match/matcher";
import type { Rewrite } from "../plan/types";
import type { FileSystem } from "../rules/module-paths";
import { RuleIndex } from "../rules/targets";
import { blockedProgram, toTsDiagnostic } from "./diagnostics";
import { findMissingExports } from "./export-check";
import { hostServing, ownResolutionCache } from "./serving-host";
import { rebuildProgram } from "./rebuild-program";
import { resolvingThroughCache } from "./resolution-reuse";
import { firstProgramResolver } from "./first-program-resolver";
import { typeOnlyExports } from "./type-only-exports";
import { loadPluginRules, type PluginConfig } from "../project/load-plugin-rules";
import { formatSummary } from "../plan/summary";
import { createTypeScriptResolver, pathAliasesOf } from "../project/resolver";
import { extensionPolicyFor } from "../project/extension-policy";
import { standaloneExportLookup } from "../project/export-lookup";

/**
 * The heart of the tsc adapter: the type checker must see the canonical imports, so the Program is rebuilt
 * from rewritten sources instead of patching emitted nodes. Elision of type-only imports, CommonJS interop,
 * .d.ts output and type errors are then all computed by TypeScript against the SSOT module.
 */
export function rewriteProgram(ts: typeof TS, program: TS.Program, host: TS.CompilerHost | undefined, config: PluginConfig): TS.Program {
  const options = program.getCompilerOptions();
  const compilerHost = host ?? ts.createCompilerHost(options);
  const fs: FileSystem = {
    fileExists: (f) => compilerHost.fileExists(f),
    readFile: (f) => compilerHost.readFile(f),
    directoryExists: compilerHost.directoryExists && ((f) => compilerHost.directoryExists!(f)),
  };
  const sourceFileOf = (file: string) => program.getSourceFile(file);
  const block = (diagnostics: readonly SsotDiagnostic[]) =>
    blockedProgram(program, diagnostics.map((d) => toTsDiagnostic(ts, d, sourceFileOf, fs)));

  const loaded = loadPluginRules(options.configFilePath as string | undefined, config, fs);
  if (!loaded.ok) return block(loaded.errors);
  const ruleSet = loaded.ruleSet;
  for (const warning of ruleSet.warnings ?? []) ts.sys.write(ts.formatDiagnostic(toTsDiagnostic(ts, warning, sourceFileOf, fs), formatHost(ts)));

  const firstCache = ownResolutionCache(program, compilerHost);
  const matcher = new Matcher(
    new RuleIndex(ruleSet),
    firstProgramResolver(ts, program, createTypeScriptResolver(ts, options, compilerHost, (importer) => program.getSourceFile(importer)?.impliedNodeFormat, firstCache)),
    pathAliasesOf(options),
  );

  const isTypeOnly = typeOnlyExports(ts, program);
  const { exportsName } = standaloneExportLookup(ts, options, (file) => compilerHost.readFile(file), compilerHost, sourceFileOf);
  const replacements = new Map<string, string>();
  const rewrites: Rewrite[] = [];
  const errors: SsotDiagnostic[] = [];
  for (const sourceFile of program.getSourceFiles()) {
    if (!isProjectFile(program, sourceFile)) continue;
    const extensions = extensionPolicyFor(ts, options, sourceFile.impliedNodeFormat);
    const result = rewriteFile(ts, matcher, sourceFile.fileName, sourceFile.text, () => sourceFile, "same-line", { isTypeOnly, typeSyntax: true, extensions, exportsName });
    if (!result) continue;
    errors.push(...result.plan.diagnostics);
    rewrites.push(...result.plan.rewrites);
    if (result.text !== sourceFile.text) replacements.set(sourceFile.fileName, result.text);
  }
  if (errors.length > 0) return block(errors);
  if (ruleSet.options.report === "summary") ts.sys.write(formatSummary(ruleSet, rewrites) + ts.sys.newLine);
  if (replacements.size === 0) return program;

  const serving = hostServing(ts, compilerHost, program, replacements);
  const resolving = resolvingThroughCache(ts, serving.host, options, firstCache);
  const rewrittenProgram = rebuildProgram(ts, program, resolving.host);
  // The new Program keeps its host for life; the host must not keep the old Program (and its caches) alive.
  serving.release();
  resolving.release();
  const missing = findMissingExports(ts, rewrittenProgram, ruleSet, rewrites);
  if (missing.length > 0) return blockedProgram(rewrittenProgram, missing.map((d) => toTsDiagnostic(ts, d, sourceFileOf, fs)));
  return rewrittenProgram;
}

function formatHost(ts: typeof TS): TS.FormatDiagnosticsHost {
  return { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ts.sys.getCurrentDirectory(), getNewLine: () => ts.sys.newLine };
}

/** The user's own files: never the default library or packages, and never a file TypeScript could not parse. */
function isProjectFile(program: TS.Program, sourceFile: TS.SourceFile): boolean {
  if (program.isSourceFileDefaultLibrary(sourceFile) || program.isSourceFileFromExternalLibrary(sourceFile)) return false;
  if (sourceFile.fileName.includes("/node_modules/")) return false;
  // A file with syntax errors is TypeScript's to report; rewriting a recovered tree could only add confusion.
  const parseDiagnostics = (sourceFile as TS.SourceFile & { parseDiagnostics?: readonly unknown[] }).parseDiagnostics;
  return !parseDiagnostics || parseDiagnostics.length === 0;
}
