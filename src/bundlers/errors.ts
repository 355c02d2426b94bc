import { formatDiagnostic, type SsotDiagnostic } from "../diagnostic";

const inWords = (d: SsotDiagnostic) => `${d.rule ? `[${d.rule}] ` : ""}${d.message}`;

/**
 * Rollup, Rolldown and Vite print a plugin error with its `id` and `loc` as `[plugin ssot-imports] file (line:column)`:
 * the first problem is located that way, any others follow in full.
 */
export function toRollupError(diagnostics: readonly SsotDiagnostic[]): { message: string; id: string; loc: { file: string; line: number; column: number } } {
  const [first, ...others] = diagnostics;
  const message = [inWords(first), ...others.map(formatDiagnostic)].join("\n");
  return { message, id: first.file, loc: { file: first.file, line: first.line, column: first.column - 1 } };
}

/**
 * webpack and Rspack print what a hook throws: one `file:line:column - error [rule]: message` line per problem,
 * and no stack trace (webpack's `hideStack`), since the mistake is the user's, not a defect of the plugin.
 */
export function toThrown(diagnostics: readonly SsotDiagnostic[]): Error {
  const error = new Error(`ssot-imports: ${diagnostics.map(formatDiagnostic).join("\n")}`) as Error & { hideStack?: boolean };
  error.stack = error.message;
  error.hideStack = true;
  return error;
}
