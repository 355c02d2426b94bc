import type * as TS from "typescript";
import type { TextEdit } from "../../plan/types";
import type { ImportFormatter } from "./formatters";

export interface Range {
  start: number;
  end: number;
}

/** Where a plan's edits (sorted, not overlapping) landed in the rewritten text; `offset` is a byte order mark's length. */
export function editedRanges(edits: readonly TextEdit[], offset = 0): Range[] {
  let delta = offset;
  return edits.map((edit) => {
    const start = edit.start + delta;
    delta += edit.text.length - (edit.end - edit.start);
    return { start, end: start + edit.text.length };
  });
}

export type FormatResult =
  | { ok: true; text: string }
  /** The formatter changed more than layout: the statements are left as ssot-imports wrote them. */
  | { ok: false; text: string; reason: string };

/**
 * Runs the project's formatter over the import and export-from statements that the edits touched, and over
 * nothing else: those statements alone are handed to it (as the content of `file`, so its configuration
 * applies), and its output replaces exactly their text. The rest of the file stays byte for byte the user's,
 * formatted or not. Imports inside expressions (`require`, `import()`, mocks) keep the layout of the edit.
 */
export async function formatEditedImports(ts: typeof TS, file: string, text: string, edited: readonly Range[], formatter: ImportFormatter): Promise<FormatResult> {
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const statements = sourceFile.statements.filter((s) => isModuleStatement(ts, s) && edited.some((r) => touches(r, s.getStart(sourceFile), s.end)));
  if (statements.length === 0) return { ok: true, text };
  const originals = statements.map((s) => text.slice(s.getStart(sourceFile), s.end));
  const output = await formatter.format(file, originals.join("\n") + "\n");
  if (output === undefined) return { ok: true, text };
  const formattedFile = ts.createSourceFile(file, output, ts.ScriptTarget.Latest, false);
  const formatted = formattedFile.statements.map((s) => output.slice(s.getStart(formattedFile), s.end));
  const lost = formatted.length !== originals.length ? 0 : originals.findIndex((o, i) => !sameTokens(ts, o, formatted[i]));
  if (formatted.length !== originals.length || lost >= 0) {
    const where = sourceFile.getLineAndCharacterOfPosition(statements[Math.max(lost, 0)].getStart(sourceFile));
    return { ok: false, text, reason: `${formatter.label} changed more than the layout of the import at line ${where.line + 1}` };
  }
  const newline = /\r\n/.test(text) ? "\r\n" : "\n";
  let result = text;
  for (let i = statements.length - 1; i >= 0; i--) {
    const s = statements[i];
    result = result.slice(0, s.getStart(sourceFile)) + formatted[i].replace(/\r?\n/g, newline) + result.slice(s.end);
  }
  return { ok: true, text: result };
}

function isModuleStatement(ts: typeof TS, s: TS.Statement): boolean {
  if (ts.isImportDeclaration(s)) return true;
  if (ts.isExportDeclaration(s)) return s.moduleSpecifier !== undefined;
  return ts.isImportEqualsDeclaration(s) && ts.isExternalModuleReference(s.moduleReference);
}

/** An edit inside the statement; an empty one (a deletion) only strictly inside, not at a neighbour's edge. */
function touches(range: Range, start: number, end: number): boolean {
  if (range.start === range.end) return range.start > start && range.start < end;
  return range.start < end && range.end > start;
}

/**
 * Whether the formatter only changed layout: the same tokens and comments in the same order, strings compared
 * by value (quote style is layout), a trailing `;` and a `,` before `}` ignored. A plugin that sorts or drops
 * imports (organize-imports) fails this, and its output is not used.
 */
function sameTokens(ts: typeof TS, a: string, b: string): boolean {
  const ta = tokens(ts, a);
  const tb = tokens(ts, b);
  return ta.length === tb.length && ta.every((t, i) => t === tb[i]);
}

function tokens(ts: typeof TS, text: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  const out: string[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.WhitespaceTrivia || kind === ts.SyntaxKind.NewLineTrivia) continue;
    if (kind === ts.SyntaxKind.StringLiteral) out.push(`string:${scanner.getTokenValue()}`);
    else if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia) out.push(scanner.getTokenText().replace(/\s+/g, " "));
    else out.push(scanner.getTokenText());
  }
  return out.filter((t, i) => !(t === "," && out[i + 1] === "}")).filter((t, i, all) => !(t === ";" && i === all.length - 1));
}
