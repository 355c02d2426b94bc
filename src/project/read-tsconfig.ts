import type * as TS from "typescript";
import type { SsotDiagnostic } from "../diagnostic";
import { toPosix } from "../rules/module-paths";
import { findUpward } from "./find-upward";

/** One parsed tsconfig: its path (`/`-separated) and what TypeScript makes of it. */
export interface ParsedTsconfig {
  configFile: string;
  parsed: TS.ParsedCommandLine;
}

export type TsconfigResult = { ok: true; config: ParsedTsconfig } | { ok: false; errors: SsotDiagnostic[] };
export type MembersResult = { ok: true; members: ParsedTsconfig[] } | { ok: false; errors: SsotDiagnostic[] };

/**
 * Parses a tsconfig and returns TypeScript's own errors, located. Syntax errors are not in `parsed.errors`:
 * TypeScript keeps them on the config's source file, and without them a tsconfig with a stray comma would be
 * read as far as it parses and the rest silently dropped.
 */
export function parseTsconfig(ts: typeof TS, configFile: string): TsconfigResult {
  let fatal: TS.Diagnostic | undefined;
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => (fatal = d) });
  if (!parsed || fatal) {
    const message = fatal ? ts.flattenDiagnosticMessageText(fatal.messageText, " ") : "cannot read this tsconfig";
    return { ok: false, errors: [{ severity: "error", file: configFile, line: 1, column: 1, message }] };
  }
  // "No inputs were found" (18003) is not a reason to refuse: the caller warns that nothing was scanned.
  const errors = ts
    .getConfigFileParsingDiagnostics(parsed)
    .filter((d) => d.category === ts.DiagnosticCategory.Error && d.code !== 18003)
    .map((d) => fromTsDiagnostic(ts, d, configFile));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, config: { configFile, parsed } };
}

/** A tsconfig with no files of its own and only `references` (a "solution"): it stands for what it references. */
export function isSolution(config: ParsedTsconfig): boolean {
  return config.parsed.fileNames.length === 0 && (config.parsed.projectReferences?.length ?? 0) > 0;
}

/**
 * The projects a solution-style tsconfig builds, as `tsc -b` finds them: each reference, and a reference that is
 * itself a solution through its own references. A project with files of its own is not expanded further, as
 * `tsc -p` compiles only its files (its references are read as declarations).
 */
export function solutionMembers(ts: typeof TS, solution: ParsedTsconfig): MembersResult {
  const members: ParsedTsconfig[] = [];
  const errors: SsotDiagnostic[] = [];
  const seen = new Set<string>([solution.configFile]);
  const visit = (config: ParsedTsconfig) => {
    for (const reference of config.parsed.projectReferences ?? []) {
      const configFile = toPosix(ts.resolveProjectReferencePath(reference));
      if (seen.has(configFile)) continue;
      seen.add(configFile);
      if (!ts.sys.fileExists(configFile)) {
        errors.push({ severity: "error", file: config.configFile, ...locateText(ts, config.configFile, reference.originalPath), message: `referenced project not found: ${configFile}` });
        continue;
      }
      const result = parseTsconfig(ts, configFile);
      if (!result.ok) {
        errors.push(...result.errors);
        continue;
      }
      if (isSolution(result.config)) visit(result.config);
      else members.push(result.config);
    }
  };
  visit(solution);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, members };
}

/**
 * tsc's own search when no `-p` is given (`ts.findConfigFile`): tsconfig.json in `dir` or the nearest folder
 * above it. Needs no TypeScript, so a command can say there is no tsconfig before it loads one.
 */
export function findTsconfig(dir: string): string | undefined {
  const found = findUpward(dir, "tsconfig.json");
  return found === undefined ? undefined : toPosix(found);
}

/** A TypeScript error about a tsconfig, located in the file it names, else at the top of `fallbackFile`. */
export function fromTsDiagnostic(ts: typeof TS, d: TS.Diagnostic, fallbackFile: string): SsotDiagnostic {
  const position = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
  return {
    severity: "error",
    file: toPosix(d.file?.fileName ?? fallbackFile),
    line: (position?.line ?? 0) + 1,
    column: (position?.character ?? 0) + 1,
    message: `${ts.flattenDiagnosticMessageText(d.messageText, " ")} (TS${d.code})`,
  };
}

/** Where `written` first appears as a JSON string in `file`: a reference's path is reported where it is written. */
function locateText(ts: typeof TS, file: string, written: string | undefined): { line: number; column: number } {
  const text = ts.sys.readFile(file) ?? "";
  const at = written === undefined ? -1 : text.indexOf(JSON.stringify(written));
  if (at < 0) return { line: 1, column: 1 };
  const before = text.slice(0, at).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
