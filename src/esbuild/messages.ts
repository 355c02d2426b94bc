import * as fs from "node:fs";
import type { PartialMessage } from "esbuild";
import type { SsotDiagnostic } from "../diagnostic";

/** esbuild's message shape: 1-based line, 0-based column, and the line's text for its code frame. */
export function toEsbuildMessage(d: SsotDiagnostic, text?: string): PartialMessage {
  let lineText = "";
  try {
    lineText = (text ?? fs.readFileSync(d.file, "utf8")).split(/\r?\n/)[d.line - 1] ?? "";
  } catch {
    // The file may be virtual (inline rules); the location alone is still worth giving.
  }
  return {
    text: `${d.rule ? `[${d.rule}] ` : ""}${d.message}`,
    location: { file: d.file, line: d.line, column: d.column - 1, lineText },
  };
}
