import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../../src/cli/format/unified-diff";

const lines = (n: number, f: (i: number) => string = (i) => `line ${i}`) => Array.from({ length: n }, (_, i) => f(i + 1)).join("\n") + "\n";

describe("unifiedDiff", () => {
  it("is empty for equal texts", () => {
    expect(unifiedDiff("a.ts", "a.ts", "x\n", "x\n")).toBe("");
  });

  it("makes one hunk per distant change, with three lines of context and correct ranges", () => {
    const before = lines(20);
    const after = before.replace("line 2\n", "LINE 2\n").replace("line 18\n", "line 18\nadded\n");
    expect(unifiedDiff("a.ts", "a.ts", before, after)).toBe(`--- a/a.ts
+++ b/a.ts
@@ -1,5 +1,5 @@
 line 1
-line 2
+LINE 2
 line 3
 line 4
 line 5
@@ -16,5 +16,6 @@
 line 16
 line 17
 line 18
+added
 line 19
 line 20
`);
  });

  it("marks a last line without a newline", () => {
    expect(unifiedDiff("a.ts", "a.ts", "a\nb", "a\nc")).toBe("--- a/a.ts\n+++ b/a.ts\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n");
  });

  it("produces patches git applies, CRLF files included", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ssot-diff-"));
    const cases: Array<[string, string]> = [
      [lines(30), lines(30, (i) => (i % 7 === 0 ? `changed ${i}` : `line ${i}`))],
      [lines(12).replace(/\n/g, "\r\n"), lines(12).replace(/\n/g, "\r\n").replace("line 6\r\n", "")],
      ["only\n", "first\nonly\nlast"],
    ];
    cases.forEach(([before, after], i) => {
      const file = `f${i}.ts`;
      fs.writeFileSync(path.join(dir, file), before);
      fs.writeFileSync(path.join(dir, `${file}.patch`), unifiedDiff(file, file, before, after));
      execFileSync("git", ["apply", `${file}.patch`], { cwd: dir });
      expect(fs.readFileSync(path.join(dir, file), "utf8")).toBe(after);
    });
  });
});
