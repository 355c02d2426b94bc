import MagicString from "magic-string";
import type { TextEdit } from "./types";

/** Applies a plan's edits; magic-string keeps the untouched text byte-for-byte and can map positions back. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const s = new MagicString(text);
  for (const edit of edits) {
    if (edit.start === edit.end) s.appendLeft(edit.start, edit.text);
    else if (edit.text === "") s.remove(edit.start, edit.end);
    else s.overwrite(edit.start, edit.end, edit.text);
  }
  return s.toString();
}
