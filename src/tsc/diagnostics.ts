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
 * A build that must not go ahead: the diagnostics are reported first (as configuration problems, which
 * every tsc mode prints, the builder included) and nothing is emitted, not even .tsbuildinfo, so a later
 * incremental build cannot mistake the failed one for a finished one.
 */
export function blockedProgram(program: TS.Program, diagnostics: readonly TS.Diagnostic[]): TS.Program {
  const original = program.getConfigFileParsingDiagnostics.bind(program);
  const skipped: TS.EmitResult = { emitSkipped: true, diagnostics: [] };
  return Object.assign(program, {
    getConfigFileParsingDiagnostics: () => [...diagnostics, ...original()],
    emit: () => skipped,
    emitBuildInfo: () => skipped,
  });
}
