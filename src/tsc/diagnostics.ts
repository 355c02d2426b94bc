import type * as TS from "typescript";
import type { SsotDiagnostic } from "../diagnostic";
import type { FileSystem } from "../rules/module-paths";

/** One code for everything ssot-imports reports, so users can grep for it; outside TypeScript's own range. */
export const SSOT_DIAGNOSTIC_CODE = 990001;

/**
 * Makes a located TypeScript diagnostic, so tsc prints `file:line:col`, the code frame and the exit status
 * it uses for any other error. Files outside the program (the rules file, tsconfig.json) are parsed as JSON.
 */
export function toTsDiagnostic(ts: typeof TS, d: SsotDiagnostic, sourceFileOf: (file: string) => TS.SourceFile | undefined, fs: FileSystem): TS.Diagnostic {
  let file = sourceFileOf(d.file);
  if (!file) {
    const text = fs.readFile(d.file);
    if (text !== undefined) file = ts.parseJsonText(d.file, text);
  }
  let start: number | undefined;
  if (file) {
    const lines = file.getLineStarts();
    const lineStart = lines[Math.min(d.line - 1, lines.length - 1)] ?? 0;
    start = Math.min(lineStart + d.column - 1, file.text.length);
  }
  return {
    category: d.severity === "error" ? ts.DiagnosticCategory.Error : ts.DiagnosticCategory.Warning,
    code: SSOT_DIAGNOSTIC_CODE,
    file,
    start,
    length: file ? 1 : undefined,
    messageText: `ssot-imports${d.rule ? ` [${d.rule}]` : ""}: ${d.message}${file ? "" : ` (${d.file}:${d.line}:${d.column})`}`,
  };
}

/**
 * A build that must not go ahead: the diagnostics are reported and nothing is emitted, not even .tsbuildinfo,
 * so a later incremental build cannot mistake the failed one for a finished one.
 *
 * They are reported as whole-program syntactic diagnostics because that is the one channel every tsc mode
 * reads first from the Program itself: builder programs (incremental, --watch, -b) answer
 * getConfigFileParsingDiagnostics from the parsed tsconfig they were given, so errors placed there were
 * silently dropped and the build exited 0 with no output. Being "syntactic" also keeps `tsc -p` from piling
 * semantic errors about the half-applied rules on top of ours.
 *
 * `noEmitOnError` is reported as set because `tsc -b` otherwise touches the timestamps of the previous
 * outputs after a failed emit, and its next run would then call the project up to date on broken rules. Its
 * cost: builder programs then also print the program's semantic errors (e.g. TS2305 beside our
 * missing-export error), which is noise but never hides ours.
 */
export function blockedProgram(program: TS.Program, diagnostics: readonly TS.Diagnostic[]): TS.Program {
  const syntactic = program.getSyntacticDiagnostics.bind(program);
  const options: TS.CompilerOptions = { ...program.getCompilerOptions(), noEmitOnError: true };
  const skipped: TS.EmitResult = { emitSkipped: true, diagnostics: [] };
  return Object.assign(program, {
    getSyntacticDiagnostics: (sourceFile?: TS.SourceFile, token?: TS.CancellationToken) =>
      sourceFile ? syntactic(sourceFile, token) : [...diagnostics, ...syntactic(undefined, token)],
    getCompilerOptions: () => options,
    emit: () => skipped,
    emitBuildInfo: () => skipped,
  });
}
