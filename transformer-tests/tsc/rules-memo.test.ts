/**
 * A `tsc --watch` rebuild keeps the rules it loaded while every answer the loader got from the file system is the
 * same (src/tsc/rules-memo.ts): it must load them again as soon as one answer differs, whichever it is.
 */
import { describe, expect, it } from "vitest";
import type { LoadResult } from "../../src/rules/load";
import type { FileSystem } from "../../src/rules/module-paths";
import { RulesMemo } from "../../src/tsc/rules-memo";

function memoryFs(files: Record<string, string>, folders: string[] = []): FileSystem & { files: Record<string, string> } {
  return {
    files,
    fileExists: (f) => f in files,
    readFile: (f) => files[f],
    directoryExists: (f) => folders.includes(f),
  };
}

/** A loader that asks what the real one asks: the rules text, then which candidate module file exists. */
function loader(loads: string[]) {
  return (fs: FileSystem): LoadResult => {
    const text = fs.readFile("/p/ssot-imports.json") ?? "";
    const from = ["/p/src/old.ts", "/p/src/old.tsx", "/p/src/old/index.ts"].find((f) => fs.fileExists(f));
    fs.directoryExists?.("/p/src/old");
    loads.push(`${text} → ${from}`);
    return { ok: false, errors: [{ severity: "error", file: "/p/ssot-imports.json", line: 1, column: 1, message: `${text} ${from}` }] };
  };
}

describe("RulesMemo", () => {
  it("loads once while nothing the loader read changed, and again for each change it could see", () => {
    const fs = memoryFs({ "/p/ssot-imports.json": "v1", "/p/src/old.tsx": "" });
    const loads: string[] = [];
    const memo = new RulesMemo();
    const first = memo.load("entry", fs, loader(loads));
    expect(memo.load("entry", fs, loader(loads))).toBe(first);
    expect(loads).toEqual(["v1 → /p/src/old.tsx"]);

    // A candidate the loader found missing appears: it now shadows the one it found.
    fs.files["/p/src/old.ts"] = "";
    const second = memo.load("entry", fs, loader(loads));
    expect(second.generation).not.toBe(first.generation);
    expect(loads.at(-1)).toBe("v1 → /p/src/old.ts");

    // The rules text changes; then the same text is saved again (no new load).
    fs.files["/p/ssot-imports.json"] = "v2";
    const third = memo.load("entry", fs, loader(loads));
    expect(loads.at(-1)).toBe("v2 → /p/src/old.ts");
    expect(memo.load("entry", memoryFs({ ...fs.files }), loader(loads)).generation).toBe(third.generation);

    // Another plugin entry (inline options changed) is another load, even with the same files.
    expect(memo.load("entry2", fs, loader(loads)).generation).not.toBe(third.generation);
    expect(loads).toHaveLength(4);
  });

  it("a file the loader found deleted, or a folder that appears, loads again", () => {
    const fs = memoryFs({ "/p/ssot-imports.json": "v1", "/p/src/old.ts": "" });
    const loads: string[] = [];
    const memo = new RulesMemo();
    const first = memo.load("entry", fs, loader(loads));
    delete fs.files["/p/src/old.ts"];
    expect(memo.load("entry", fs, loader(loads)).generation).not.toBe(first.generation);
    expect(loads.at(-1)).toBe("v1 → undefined");

    const withFolder = memoryFs({ "/p/ssot-imports.json": "v1" }, ["/p/src/old"]);
    const before = memo.load("entry", withFolder, loader(loads)).generation;
    expect(before).not.toBe(first.generation);
    expect(loads).toHaveLength(3);
  });
});
