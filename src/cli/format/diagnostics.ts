import type { SsotDiagnostic } from "../../diagnostic";
import { colorsFor, type Io } from "../io";
import { relativePath } from "../paths";

/** `file:line:col - error [rule N (…)]: message`, paths relative to the cwd so terminals make them clickable. */
export function formatCliDiagnostic(io: Io, d: SsotDiagnostic): string {
  const c = colorsFor(io.stderr, io.env);
  const where = c.cyan(`${relativePath(io.cwd, d.file)}:${d.line}:${d.column}`);
  const severity = d.severity === "error" ? c.red("error") : c.yellow("warning");
  return `${where} - ${severity}${d.rule ? ` [${d.rule}]` : ""}: ${d.message}`;
}

export function printDiagnostics(io: Io, diagnostics: readonly SsotDiagnostic[]): void {
  for (const d of diagnostics) io.stderr.write(formatCliDiagnostic(io, d) + "\n");
}
