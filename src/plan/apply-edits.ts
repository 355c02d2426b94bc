import MagicString from "magic-string";
import type { TextEdit } from "./types";

/** Applies a plan's edits; magic-string keeps the untouched text byte-for-byte and can map positions back. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  return spliced(text, edits) ?? edited(text, edits).toString();
}

/**
 * The same text as magic-string gives, made by slicing, for the edits plans make: disjoint ranges, insertions
 * outside them. magic-string builds a chunk list (a tenth of a millisecond a file), which a build that
 * rewrites hundreds of importers paid for each. Undefined for any other shape (an insertion at or inside a
 * replaced range's end, whose place magic-string decides by the order of the calls): magic-string does those.
 */
function spliced(text: string, edits: readonly TextEdit[]): string | undefined {
  // Stable: insertions at one place keep their order, and come before a range that starts there.
  const ordered = edits.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.start - b.edit.start || rangeAfterInsertion(a.edit, b.edit) || a.order - b.order);
  let out = "";
  let at = 0;
  let rangeEnd = -1;
  for (const { edit } of ordered) {
    if (edit.start < at || edit.end < edit.start || edit.end > text.length) return undefined;
    const insertion = edit.start === edit.end;
    if (insertion && edit.start === rangeEnd) return undefined;
    if (!insertion) rangeEnd = edit.end;
    if (edit.start > at) out += text.slice(at, edit.start);
    out += edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

/** An insertion at a range's start sorts before the range (magic-string puts it on the chunk before). */
function rangeAfterInsertion(a: TextEdit, b: TextEdit): number {
  return Number(a.end > a.start) - Number(b.end > b.start);
}

/**
 * The edited text with an inline source map back to `text` (named `file`), for a bundler that chains input
 * maps: a rewritten line's columns shift, and the map must say where each token came from.
 */
export function applyEditsWithInlineMap(text: string, edits: readonly TextEdit[], file: string): string {
  const s = edited(text, edits);
  const map = s.generateMap({ source: file, includeContent: true, hires: true });
  return `${s.toString()}\n//# sourceMappingURL=${map.toUrl()}\n`;
}

function edited(text: string, edits: readonly TextEdit[]): MagicString {
  const s = new MagicString(text);
  for (const edit of edits) {
    if (edit.start === edit.end) s.appendLeft(edit.start, edit.text);
    else if (edit.text === "") s.remove(edit.start, edit.end);
    else s.overwrite(edit.start, edit.end, edit.text);
  }
  return s;
}
