import { formatDiagnostic, type SsotDiagnostic } from "../diagnostic";

/**
 * A user's mistake, shown by Jest as the message alone, which names us: under "Test suite failed to run" Jest
 * prints the message and then the stack, so the stack is empty (frames of ours would only bury the file and line
 * to fix); a config error it prints as `String(error)`, so the name is empty too.
 */
export class SsotJestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "";
    this.stack = "";
  }
}

export function optionsError(problems: readonly string[]): SsotJestError {
  return new SsotJestError(`ssot-imports/jest: invalid options in Jest's "transform" entry:\n${problems.map((p) => `  ${p}`).join("\n")}`);
}

export function diagnosticsError(heading: string, diagnostics: readonly SsotDiagnostic[]): SsotJestError {
  return new SsotJestError(`${heading}\n${diagnostics.map((d) => `  ${formatDiagnostic(d)}`).join("\n")}`);
}
