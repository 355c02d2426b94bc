/**
 * What a facade's target exports at run time, read from syntax: by TypeScript's parser (readRuntimeExports, the
 * core) and by the unplugin adapters' reader (es-module-lexer first, TypeScript for what the lexer cannot vouch
 * for). Both must agree on every sample: a name missing here becomes a false "does not export" error, a type
 * taken for a value a re-export that no bundler can link.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { TargetExports } from "../../src/bundlers/exports-of";
import { readRuntimeExports } from "../../src/facade/read-exports";
import { createProject } from "../helpers/project";

const SAMPLES: Array<{ name: string; file: string; text: string; values: string[]; exact: boolean }> = [
  {
    name: "values, not types",
    file: "a.ts",
    text: `export interface Manager { user: string }\nexport type Id = string;\nexport function create(): Manager { return { user: "" }; }\nexport const VERSION = "1", other = 2;\nexport class Box<T> { value?: T }\nexport default function main() {}\n`,
    values: ["Box", "VERSION", "create", "default", "other"],
    exact: true,
  },
  { name: "enums and namespaces are values", file: "b.ts", text: `export enum Color { Red }\nexport const enum Size { S }\nexport namespace N { export const x = 1; }\nexport declare const ambient: number;\n`, values: ["Color", "N", "Size"], exact: true },
  { name: "export lists: a local type exports nothing", file: "c.ts", text: `interface Local { a: string }\nconst value = 1;\nexport { value as renamed, Local };\nexport type { Local as Alias };\n`, values: ["renamed"], exact: true },
  { name: "several and destructured variables", file: "h.ts", text: `const o = { a: 1, b: 2 };\nexport const { a, b: c } = o;\nexport const [p, q] = [1, 2];\nexport let x = f(1, 2), y = 3;\nfunction f(u: number, v: number) { return u + v; }\n`, values: ["a", "c", "p", "q", "x", "y"], exact: true },
  { name: "`export *` hides names", file: "d.ts", text: `export * from "./a";\nexport const own = 1;\n`, values: ["own"], exact: false },
  { name: "`export =`", file: "e.ts", text: `const api = { a: 1 };\nexport = api;\n`, values: [], exact: false },
  { name: "a TypeScript file without import or export is still an ES module", file: "f.ts", text: `console.log("side effect");\n`, values: [], exact: true },
  { name: "a JavaScript file without ES module syntax may be CommonJS", file: "g.js", text: `module.exports = { a: 1 };\n`, values: [], exact: false },
];

describe("target exports", () => {
  const dir = createProject({}, "read-exports");
  const reader = new TargetExports(() => ts);

  for (const sample of SAMPLES) {
    it(sample.name, async () => {
      const file = path.join(dir, sample.file);
      fs.writeFileSync(file, sample.text);
      const parsed = readRuntimeExports(ts, file, sample.text);
      expect([...parsed.values].sort()).toEqual(sample.values);
      expect(parsed.exact).toBe(sample.exact);
      const read = await reader.exportsOf({ kind: "path", key: file.replace(/\.[jt]s$/, ""), file, isFolder: false, written: sample.file });
      expect([...read!.values].sort()).toEqual(sample.values);
      expect(read!.exact).toBe(sample.exact);
    });
  }
});
