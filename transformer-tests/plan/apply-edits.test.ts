/**
 * applyEdits splices independent edits itself and leaves every other shape to magic-string: either way the
 * result must be magic-string's, edit order included.
 */
import MagicString from "magic-string";
import { describe, expect, it } from "vitest";
import { applyEdits } from "../../src/plan/apply-edits";
import type { TextEdit } from "../../src/plan/types";

function reference(text: string, edits: readonly TextEdit[]): string {
  const s = new MagicString(text);
  for (const edit of edits) {
    if (edit.start === edit.end) s.appendLeft(edit.start, edit.text);
    else if (edit.text === "") s.remove(edit.start, edit.end);
    else s.overwrite(edit.start, edit.end, edit.text);
  }
  return s.toString();
}

/** A small seeded generator, so a failure names its case. */
function random(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
}

describe("applyEdits", () => {
  it("matches magic-string on independent, adjacent and touching edits", () => {
    const text = "import { a } from './old';\nexport const b = a;\n";
    const cases: TextEdit[][] = [
      [{ start: 18, end: 25, text: "'./new'" }],
      [{ start: 9, end: 10, text: "c" }, { start: 18, end: 25, text: "'./new'" }],
      [{ start: 27, end: 27, text: "// x\n" }, { start: 27, end: 27, text: "// y\n" }],
      [{ start: 0, end: 0, text: "/* head */" }, { start: 0, end: 6, text: "IMPORT" }],
      [{ start: 0, end: 6, text: "IMPORT" }, { start: 0, end: 0, text: "/* head */" }],
      [{ start: 0, end: 6, text: "" }, { start: 6, end: 7, text: "_" }],
      [{ start: 0, end: 6, text: "IMPORT" }, { start: 6, end: 6, text: "\n// after" }, { start: 6, end: 7, text: "_" }],
      [{ start: text.length, end: text.length, text: "tail\n" }],
    ];
    for (const edits of cases) expect(applyEdits(text, edits)).toBe(reference(text, edits));
  });

  it("keeps magic-string's order-dependent result for an insertion where a replaced range ends", () => {
    const text = "abcdef";
    for (const edits of [
      [{ start: 1, end: 3, text: "X" }, { start: 3, end: 3, text: "+" }],
      [{ start: 3, end: 3, text: "+" }, { start: 1, end: 3, text: "X" }],
    ]) {
      expect(applyEdits(text, edits)).toBe(reference(text, edits));
    }
  });

  it("matches magic-string on random non-overlapping edit lists", () => {
    const next = random(7);
    const text = "0123456789abcdefghijklmnopqrstuvwxyz";
    for (let round = 0; round < 500; round++) {
      const edits: TextEdit[] = [];
      let at = 0;
      while (at < text.length && edits.length < 6) {
        at += next(6);
        if (at > text.length) break;
        const length = Math.min(next(3) === 0 ? 0 : next(5), text.length - at);
        edits.push({ start: at, end: at + length, text: next(4) === 0 ? "" : `<${round}.${edits.length}>` });
        at += length;
      }
      // Plans list edits in any order.
      const shuffled = [...edits].sort(() => next(3) - 1);
      let expected: string;
      try {
        expected = reference(text, shuffled);
      } catch {
        continue; // a shape magic-string itself refuses
      }
      expect(applyEdits(text, shuffled), JSON.stringify(shuffled)).toBe(expected);
    }
  });
});
