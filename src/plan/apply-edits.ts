import MagicString from "magic-string";
import type { TextEdit } from "./types";

/** Applies a plan's edits; magic-string keeps the untouched text byte-for-byte and can map positions back. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  return edited(text, edits).toString();
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
