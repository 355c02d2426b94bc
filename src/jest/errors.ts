import { formatDiagnostic, type SsotDiagnostic } from "../diagnostic";

/**
 * A user's mistake, as Jest shows it under "Test suite failed to run": the message alone. Jest prints an error's
 * `stack` after the message, so the stack is empty; frames of ours would only bury the file and line to fix.
 */
export class SsotJestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ssot-imports/jest";
    this.stack = "";
  }
}

export function optionsError(problems: readonly string[]): SsotJestError {
  return new SsotJestError(`ssot-imports/jest: invalid options in Jest's "transform" entry:\n${problems.map((p) => `  ${p}`).join("\n")}`);
}

export function diagnosticsError(heading: string, diagnostics: readonly SsotDiagnostic[]): SsotJestError {
  return new SsotJestError(`${heading}\n${diagnostics.map((d) => `  ${formatDiagnostic(d)}`).join("\n")}`);
}
