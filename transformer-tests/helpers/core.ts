/**
 * Plain-data fixtures for the pure core (rules, match, plan): an in-memory file system, an in-memory resolver
 * that behaves like TypeScript's for relative paths, packages and `paths` aliases, and a one-call pipeline.
 */
import * as path from "node:path";
import ts from "typescript";
import { expect } from "vitest";
import { rewriteFile } from "../../src/core";
import type { SsotDiagnostic } from "../../src/diagnostic";
import { Matcher, type ModuleResolver } from "../../src/match/matcher";
import { aliasCandidates, type PathAliases } from "../../src/match/path-aliases";
import type { Layout } from "../../src/plan/types";
import { scanImports } from "../../src/scan/scan-imports";
import { loadRulesText } from "../../src/rules/load";
import { isPathLike, type FileSystem } from "../../src/rules/module-paths";
import { RuleIndex } from "../../src/rules/targets";
import type { RuleSet } from "../../src/rules/types";

/** Every fixture lives under this folder; the rules file sits at its top. */
export const ROOT = "/proj";
export const RULES_FILE = `${ROOT}/ssot-imports.json`;

/** Relative fixture paths (`src/a.ts`) → absolute ones (`/proj/src/a.ts`); an undefined text deletes the file. */
export function absolute(files: Record<string, string | undefined>): Record<string, string> {
  const entries = Object.entries(files).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return Object.fromEntries(entries.map(([file, text]) => [path.posix.join(ROOT, file), text]));
}

export function memoryFs(files: Record<string, string>): FileSystem {
  return {
    fileExists: (file) => Object.prototype.hasOwnProperty.call(files, file),
    readFile: (file) => (Object.prototype.hasOwnProperty.call(files, file) ? files[file] : undefined),
  };
}

const PROBE = [".ts", ".tsx", ".d.ts", ".js"];

/** Resolves `candidate` the way TypeScript would: exact file, `.js` written for `.ts`, probed extension, folder index. */
function probe(fs: FileSystem, candidate: string): string | undefined {
  const jsForTs = /\.([cm]?)js$/.exec(candidate);
  const attempts = [
    ...(jsForTs ? [candidate.replace(/\.([cm]?)js$/, ".$1ts"), candidate.replace(/\.([cm]?)js$/, ".d.$1ts")] : []),
    candidate,
    ...PROBE.map((ext) => candidate + ext),
    ...PROBE.map((ext) => `${candidate}/index${ext}`),
  ];
  return attempts.find((file) => fs.fileExists(file));
}

/**
 * A resolver over the in-memory files. Bare specifiers resolve through `packages` (specifier → file) or the
 * `paths` aliases; everything else that does not exist resolves to undefined, like a deleted module.
 */
export function memoryResolver(fs: FileSystem, options: { packages?: Record<string, string>; aliases?: PathAliases } = {}): ModuleResolver & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    resolve(specifier, importer) {
      calls.push(specifier);
      if (isPathLike(specifier)) return probe(fs, path.posix.resolve(path.posix.dirname(importer), specifier));
      if (options.packages?.[specifier]) return options.packages[specifier];
      for (const key of aliasCandidates(specifier, options.aliases)) {
        const found = probe(fs, key);
        if (found) return found;
      }
      return undefined;
    },
  };
}

export type RulesDocument = Record<string, unknown> | string;

/** Loads a rules document (an object, or raw text for syntax errors) against the fixture files. */
export function loadRules(rules: RulesDocument, files: Record<string, string>) {
  const text = typeof rules === "string" ? rules : JSON.stringify(rules, null, 2);
  return loadRulesText(RULES_FILE, text, memoryFs(files));
}

/** Like `loadRules`, for fixtures that must load: a failure shows the loader's own messages. */
export function loadRuleSet(rules: RulesDocument, files: Record<string, string>): RuleSet {
  const result = loadRules(rules, files);
  if (!result.ok) throw new Error(`rules did not load:\n${result.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join("\n")}`);
  return result.ruleSet;
}

export interface CoreFixture {
  /** Relative paths → text, the importer included; undefined deletes a file. */
  files: Record<string, string | undefined>;
  rules: RulesDocument;
  packages?: Record<string, string>;
  /** tsconfig `paths`, relative to ROOT. */
  paths?: Record<string, string[]>;
}

export function createMatcher(fixture: CoreFixture): Matcher {
  const files = absolute(fixture.files);
  const fs = memoryFs(files);
  const aliases = fixture.paths ? { base: ROOT, paths: fixture.paths } : undefined;
  const packages = fixture.packages && Object.fromEntries(Object.entries(fixture.packages).map(([k, v]) => [k, path.posix.join(ROOT, v)]));
  return new Matcher(new RuleIndex(loadRuleSet(fixture.rules, files)), memoryResolver(fs, { packages, aliases }), aliases);
}

export interface RewriteOutcome {
  text: string;
  diagnostics: SsotDiagnostic[];
  /** Whether the pipeline produced a plan at all (false: the file was not touched). */
  planned: boolean;
}

/** Runs the whole core pipeline (`rewriteFile`) on one fixture file. */
export function rewrite(fixture: CoreFixture, importer: string, layout: Layout): RewriteOutcome {
  const matcher = createMatcher(fixture);
  const file = path.posix.join(ROOT, importer);
  const text = fixture.files[importer]!;
  const kind = /\.[cm]?tsx$/.test(file) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const parse = () => ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  expectPrunedScanLikeFullScan(matcher, parse(), text);
  const result = rewriteFile(ts, matcher, file, text, parse, layout);
  return result ? { text: result.text, diagnostics: result.plan.diagnostics, planned: true } : { text, diagnostics: [], planned: false };
}

/**
 * The core scans only the parts of a file where the matcher's needles occur (`candidateOffsets`); on every
 * fixture that passes the pre-filter, that must find exactly the sites, bindings and namespace members the
 * full walk finds.
 */
export function expectPrunedScanLikeFullScan(matcher: Matcher, sourceFile: ts.SourceFile, text: string): void {
  const candidateOffsets = matcher.needleOffsets(text);
  if (candidateOffsets.length === 0) return;
  const options = {
    mockFunctions: matcher.index.ruleSet.options.mockFunctions,
    isCandidate: (specifier: string) => matcher.specifierMayMatch(specifier) || matcher.index.ruleFor(specifier) !== undefined,
  };
  expect(scanImports(ts, sourceFile, { ...options, candidateOffsets })).toEqual(scanImports(ts, sourceFile, options));
}

export function lineCount(text: string): number {
  return text.split("\n").length;
}
