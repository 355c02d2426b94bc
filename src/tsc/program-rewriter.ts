import type * as TS from "typescript";
import { rewriteFile } from "../core";
import type { SsotDiagnostic } from "../diagnostic";
import { Matcher } from "../match/matcher";
import type { Rewrite } from "../plan/types";
import type { FileSystem } from "../rules/module-paths";
import { RuleIndex, type ResolvedSymbol } from "../rules/targets";
import type { ExportsName } from "../check/forgotten-names";
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
import { ExportLookup, standaloneExportLookup } from "../project/export-lookup";
import type { FileOutcome, FileRewriter, ProjectMemory } from "./project-memory";
import { hasParseErrors } from "./project-memory";
import { watchMemoryOf } from "./rewriting-host";
import { takeReadTimeSession } from "./read-time";

/**
 * The heart of the tsc adapter: the type checker must see the canonical imports, so the Program is rebuilt
 * from rewritten sources instead of patching emitted nodes. Elision of type-only imports, CommonJS interop,
 * .d.ts output and type errors are then all computed by TypeScript against the SSOT module.
 */
export function rewriteProgram(ts: typeof TS, program: TS.Program, host: TS.CompilerHost | undefined, config: PluginConfig): TS.Program {
  // `tsc --watch`: unchanged files keep their results, and the Program returned is served at the next rebuild.
  const memory = watchMemoryOf(ts, host);
  const rewritten = rewriteWith(ts, program, host, config, memory);
  memory?.finish(rewritten);
  return rewritten;
}

function rewriteWith(ts: typeof TS, program: TS.Program, host: TS.CompilerHost | undefined, config: PluginConfig, memory: ProjectMemory | undefined): TS.Program {
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

  const configFile = options.configFilePath as string | undefined;
  const load = (rulesFs: FileSystem) => loadPluginRules(configFile, config, rulesFs);
  const entryKey = `${configFile}\0${JSON.stringify(config)}`;
  // `ssot-imports-tsc` rewrote the files as TypeScript read them (read-time.ts): their rules and rewrites.
  const readTime = memory ? undefined : takeReadTimeSession(configFile, config);
  const rules = memory ? memory.rules.load(entryKey, fs, load) : { result: readTime ? { ok: true as const, ruleSet: readTime.ruleSet } : load(fs), generation: 0 };
  const loaded = rules.result;
  if (!loaded.ok) return block(loaded.errors);
  const ruleSet = memory ? memory.begin(program, loaded.ruleSet, `${entryKey}\0${rules.generation}`) : loaded.ruleSet;
  for (const warning of ruleSet.warnings ?? []) ts.sys.write(ts.formatDiagnostic(toTsDiagnostic(ts, warning, sourceFileOf, fs), formatHost(ts)));

  // The watch memory keeps the rewriter for the next edit: nothing it holds may keep this Program alive, so only
  // a cold build takes the first Program's own resolutions (first-program-resolver.ts) and parsed files.
  const firstCache = ownResolutionCache(program, compilerHost);
  // Made on first use: after a read-time rewrite, usually no file is left to rewrite here.
  let made: { rewriteOriginal: FileRewriter; isTypeOnly: (target: ResolvedSymbol) => boolean } | undefined;
  const rewriter = () => {
    if (made) return made;
    const modeOf = memory ? memory.modeOf : (importer: string) => program.getSourceFile(importer)?.impliedNodeFormat;
    const resolver = createTypeScriptResolver(ts, options, compilerHost, modeOf, firstCache);
    const matcher = new Matcher(new RuleIndex(ruleSet), memory ? resolver : firstProgramResolver(ts, program, resolver), pathAliasesOf(options));
    const typeOnly = typeOnlyExports(ts, program);
    const exportsName = memory ? memory.exportsName(options) : standaloneExportLookup(ts, options, (file) => compilerHost.readFile(file), compilerHost, sourceFileOf).exportsName;
    made = { rewriteOriginal: fileRewriter(ts, matcher, options, exportsName), isTypeOnly: memory ? memory.isTypeOnly(typeOnly) : typeOnly };
    memory?.keepRewriter(made.rewriteOriginal);
    return made;
  };
  if (memory) rewriter();
  const replacements = new Map<string, string>();
  const rewrites: Rewrite[] = [];
  const errors: SsotDiagnostic[] = [];
  const outcomeOf = (sourceFile: TS.SourceFile): FileOutcome => {
    if (!isProjectFile(program, sourceFile)) return null;
    const { rewriteOriginal, isTypeOnly } = rewriter();
    if (!memory) return { original: sourceFile, result: rewriteOriginal(sourceFile, isTypeOnly) };
    // In --watch the Program may hold last build's rewritten SourceFile: the file's own text is the input.
    const original = memory.originalOf(sourceFile);
    return { original, result: memory.rewrite(original, () => rewriteOriginal(original, isTypeOnly)) };
  };
  for (const sourceFile of program.getSourceFiles()) {
    const settled = readTime?.files.get(sourceFile.fileName);
    if (settled && settled.served === sourceFile.text) {
      // Read as rewritten, but the Program holds it as a package's file (found through node_modules): undone.
      if (!isProjectFile(program, sourceFile)) {
        if (settled.served !== settled.original) replacements.set(sourceFile.fileName, settled.original);
      } else rewrites.push(...(settled.result?.plan.rewrites ?? []));
      continue;
    }
    const outcome = memory ? memory.outcomeOf(sourceFile, () => outcomeOf(sourceFile)) : outcomeOf(sourceFile);
    if (!outcome) continue;
    const { original, result } = outcome;
    if (result) {
      errors.push(...result.plan.diagnostics);
      rewrites.push(...result.plan.rewrites);
    }
    // What the Program holds must be this text: rewritten, or the original again once nothing is to rewrite.
    const text = result?.text ?? original.text;
    if (text !== sourceFile.text) replacements.set(sourceFile.fileName, text);
  }
  if (errors.length > 0) return block(errors);
  if (ruleSet.options.report === "summary") ts.sys.write(formatSummary(ruleSet, rewrites) + ts.sys.newLine);
  const exportsChecked = (built: TS.Program) => {
    const check = (lookup: ExportLookup) => findMissingExports(lookup, ruleSet, rewrites);
    const missing = memory ? memory.withTargetExports(built, check) : check(new ExportLookup(ts, (file) => built.getSourceFile(file), () => built));
    return missing.length > 0 ? blockedProgram(built, missing.map((d) => toTsDiagnostic(ts, d, sourceFileOf, fs))) : built;
  };
  // The Program tsc built may already be the rewritten one (in --watch, or read at read time by
  // ssot-imports-tsc): its rewrites are checked all the same.
  if (replacements.size === 0) return rewrites.length > 0 || memory ? exportsChecked(program) : program;

  const serving = hostServing(ts, compilerHost, program, replacements);
  const resolving = resolvingThroughCache(ts, serving.host, options, firstCache);
  const rewrittenProgram = rebuildProgram(ts, program, resolving.host);
  // The new Program keeps its host for life; the host must not keep the old Program (and its caches) alive.
  serving.release();
  resolving.release();
  return exportsChecked(rewrittenProgram);
}

/** Made outside rewriteWith's scope, whose closures hold the Program: the watch memory keeps this one. */
function fileRewriter(ts: typeof TS, matcher: Matcher, options: TS.CompilerOptions, exportsName: ExportsName): FileRewriter {
  return (original, isTypeOnly) =>
    rewriteFile(ts, matcher, original.fileName, original.text, () => original, "same-line", { isTypeOnly, typeSyntax: true, extensions: extensionPolicyFor(ts, options, original.impliedNodeFormat), exportsName });
}

function formatHost(ts: typeof TS): TS.FormatDiagnosticsHost {
  return { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ts.sys.getCurrentDirectory(), getNewLine: () => ts.sys.newLine };
}

/** The user's own files: never the default library or packages, and never a file TypeScript could not parse. */
function isProjectFile(program: TS.Program, sourceFile: TS.SourceFile): boolean {
  if (program.isSourceFileDefaultLibrary(sourceFile) || program.isSourceFileFromExternalLibrary(sourceFile)) return false;
  if (sourceFile.fileName.includes("/node_modules/")) return false;
  return !hasParseErrors(sourceFile);
}
