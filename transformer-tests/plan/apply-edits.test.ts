/**
 * applyEdits slices the text itself for the usual edit shapes and leaves the rest to magic-string: for any
 * list of edits, in any order, its text must be magic-string's own, or both must refuse the list.
 */
import MagicString from "magic-string";
import { describe, expect, it } from "vitest";
import { applyEdits } from "../../src/plan/apply-edits";
import type { TextEdit } from "../../src/plan/types";

function byMagicString(text: string, edits: readonly TextEdit[]): string {
  const s = new MagicString(text);
  for (const edit of edits) {
    if (edit.start === edit.end) s.appendLeft(edit.start, edit.text);
    else if (edit.text === "") s.remove(edit.start, edit.end);
    else s.overwrite(edit.start, edit.end, edit.text);
  }
  return s.toString();
}

function outcome(apply: () => string): { text: string } | { refused: true } {
  try {
    return { text: apply() };
  } catch {
    return { refused: true };
  }
}

/** A small deterministic generator, so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function randomEdits(next: () => number, length: number): TextEdit[] {
  const edits: TextEdit[] = [];
  const count = 1 + Math.floor(next() * 5);
  for (let i = 0; i < count; i++) {
    // Few distinct positions, so edits meet at the same place (the cases where call order matters).
    const start = Math.floor(next() * 6) * Math.floor(length / 5);
    const kind = next();
    const end = kind < 0.4 ? start : Math.min(length, start + 1 + Math.floor(next() * Math.floor(length / 4)));
    edits.push({ start, end, text: kind > 0.85 ? "" : `<${i}>` });
  }
  return edits;
}

describe("applyEdits", () => {
  it("gives magic-string's text for the edits a plan makes", () => {
    const text = `import { a } from "./old";\nimport b from "./old";\n`;
    const first = text.indexOf("./old");
    const second = text.lastIndexOf("./old");
    const edits = [
      { start: first, end: first + 5, text: "./ssot" },
      { start: 9, end: 10, text: "c as a" },
      { start: second, end: second + 5, text: "./ssot" },
      { start: 0, end: 0, text: "// moved\n" },
    ];
    expect(applyEdits(text, edits)).toBe(byMagicString(text, edits));
    expect(applyEdits(text, edits)).toBe(`// moved\nimport { c as a } from "./ssot";\nimport b from "./ssot";\n`);
  });

  it("agrees with magic-string on 5,000 random edit lists, overlaps and shared positions included", () => {
    const text = "0123456789abcdefghijklmnopqrstuvwxyz";
    let differing = 0;
    for (let seed = 1; seed <= 5000; seed++) {
      const edits = randomEdits(random(seed), text.length);
      const ours = outcome(() => applyEdits(text, edits));
      const theirs = outcome(() => byMagicString(text, edits));
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
        differing++;
        expect({ seed, edits, ours }).toEqual({ seed, edits, ours: theirs });
      }
    }
    expect(differing).toBe(0);
  });
});
