import { formatDiagnostic, type SsotDiagnostic } from "../diagnostic";

const inWords = (d: SsotDiagnostic) => `${d.rule ? `[${d.rule}] ` : ""}${d.message}`;

/**
 * Rollup, Rolldown and Vite print a plugin error with its `id` and `loc` (`[plugin ssot-imports] file (line:column)`,
 * `…file:line:column`): the first problem is located that way, any others follow in full.
 */
export function toRollupError(diagnostics: readonly SsotDiagnostic[]): Error {
  const [first, ...others] = diagnostics;
  const error = withoutStack(new Error([inWords(first), ...others.map(formatDiagnostic)].join("\n")));
  return Object.assign(error, { id: first.file, loc: { file: first.file, line: first.line, column: first.column - 1 } });
}

/**
 * webpack and Rspack print what a hook throws: one `file:line:column - error [rule]: message` line per problem,
 * and no stack trace (webpack's `hideStack`), since the mistake is the user's, not a defect of the plugin.
 */
export function toThrown(diagnostics: readonly SsotDiagnostic[]): Error {
  return Object.assign(withoutStack(new Error(`${THROWN_PREFIX}${diagnostics.map(formatDiagnostic).join("\n")}`)), { hideStack: true });
}

/** How every error ssot-imports throws in webpack and Rspack begins (they may wrap it in words of their own). */
export const THROWN_PREFIX = "ssot-imports: ";

/** Bundlers print an error's stack after its message: the frames of ssot-imports would only hide the mistake. */
function withoutStack(error: Error): Error {
  error.stack = `${error.name}: ${error.message}`;
  return error;
}
