import ts from "typescript";
import { describe, expect, it } from "vitest";
import { editedRanges, formatEditedImports } from "../../../src/cli/migrate/format-imports";
import type { ImportFormatter } from "../../../src/cli/migrate/formatters";

/** A stand-in formatter: breaks every `{ a, b }` list onto lines of its own, as Prettier does for long ones. */
const wrapping: ImportFormatter = {
  label: "Wrapper",
  async format(_file, text) {
    return text.replace(/\{ ([^}]*) \}/g, (_, list: string) => `{\n  ${list.split(", ").join(",\n  ")},\n}`).replace(/"\)?$/gm, '";');
  },
};

describe("formatEditedImports", () => {
  it("formats only the import statements an edit touched", async () => {
    const text = `import { a, b } from "./new";\nimport { c, d } from "./untouched";\nconst   x = { e, f };\n`;
    const edited = editedRanges([{ start: 21, end: 26, text: "./new" }]);
    const result = await formatEditedImports(ts, "/p/a.ts", text, edited, wrapping);
    expect(result).toEqual({ ok: true, text: `import {\n  a,\n  b,\n} from "./new";\nimport { c, d } from "./untouched";\nconst   x = { e, f };\n` });
  });

  it("keeps the file's CRLF line endings in the formatted statement", async () => {
    const text = `import { a, b } from "./new"\r\nconst x = 1\r\n`;
    const result = await formatEditedImports(ts, "/p/a.ts", text, [{ start: 21, end: 26 }], wrapping);
    expect(result).toEqual({ ok: true, text: `import {\r\n  a,\r\n  b,\r\n} from "./new";\r\nconst x = 1\r\n` });
  });

  it("refuses output that changes more than layout (an organize-imports plugin dropping a name) and keeps the edit as written", async () => {
    const dropping: ImportFormatter = { label: "Organizer", format: async (_file, text) => text.replace("a, ", "") };
    const text = `import { a, b } from "./new";\n`;
    const result = await formatEditedImports(ts, "/p/a.ts", text, [{ start: 21, end: 26 }], dropping);
    expect(result).toEqual({ ok: false, text, reason: "Organizer changed more than the layout of the import at line 1" });
  });

  it("leaves a file alone when the formatter ignores it", async () => {
    const ignoring: ImportFormatter = { label: "Ignorer", format: async () => undefined };
    const text = `import { a, b } from "./new";\n`;
    expect(await formatEditedImports(ts, "/p/a.ts", text, [{ start: 21, end: 26 }], ignoring)).toEqual({ ok: true, text });
  });

  it("maps edits into the rewritten text, past a byte order mark and earlier edits that changed length", () => {
    expect(editedRanges([{ start: 5, end: 8, text: "abcdef" }, { start: 20, end: 25, text: "" }, { start: 30, end: 30, text: "xy" }], 1)).toEqual([
      { start: 6, end: 12 },
      { start: 24, end: 24 },
      { start: 29, end: 31 },
    ]);
  });
});
