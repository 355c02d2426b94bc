/**
 * esbuild's `bundle: false` path reads most files straight from their TypeScript text with es-module-lexer,
 * which knows no TypeScript. `lexSourceImports` must either read every deprecated import of a file right,
 * `type` modifiers included, or answer undefined so the file is read the exact way (stripped by esbuild's
 * transform first). A wrong "yes" is a silently unrewritten import, so most cases here are the refusals.
 */
import { init, parse } from "es-module-lexer/minimal";
import { beforeAll, describe, expect, it } from "vitest";
import { lexSourceImports } from "../../src/scan/lex-imports";
import type { DeclarationSite } from "../../src/scan/types";

const NEEDLES = ["factory"];
const isCandidate = (specifier: string) => /(^|\/)factory$/.test(specifier);
const read = (text: string) => lexSourceImports(text, parse(text)[0], isCandidate, NEEDLES);
const slice = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

beforeAll(async () => {
  await init();
});

describe("lexSourceImports reads static imports as TypeScript writes them", () => {
  it("reads `type` modifiers on elements, with the name ranges edits need", () => {
    const text = `import { type Options, createManager as make, other } from "./old/factory";\nmake();\n`;
    const [site] = read(text) as DeclarationSite[];
    expect(site.typeOnly).toBe(false);
    expect(site.named?.map((b) => [b.imported, b.local, b.typeOnly, slice(text, b.importedRange), slice(text, b.element)])).toEqual([
      ["Options", "Options", true, "Options", "type Options"],
      ["createManager", "make", false, "createManager", "createManager as make"],
      ["other", "other", false, "other", "other"],
    ]);
    expect(slice(text, site.specifier)).toBe(`"./old/factory"`);
    expect(slice(text, site.statement)).toBe(`import { type Options, createManager as make, other } from "./old/factory";`);
  });

  it("reads `import type` statements as type-only, every binding included", () => {
    const text = `import type Manager from "./old/factory";\nimport type { A, B as C } from "../old/factory";\nimport type * as ns from "./factory";\n`;
    const sites = read(text) as DeclarationSite[];
    expect(sites.map((s) => s.typeOnly)).toEqual([true, true, true]);
    expect(sites[0].defaultBinding).toMatchObject({ local: "Manager", typeOnly: true });
    expect(sites[1].named?.map((b) => [b.imported, b.local, b.typeOnly])).toEqual([["A", "A", true], ["B", "C", true]]);
    expect(sites[2].namespace).toEqual({ local: "ns" });
  });

  it("takes `import type from` as a default import named `type`", () => {
    const [site] = read(`import type from "./old/factory";\n`) as DeclarationSite[];
    expect(site.typeOnly).toBe(false);
    expect(site.defaultBinding).toMatchObject({ imported: "default", local: "type", typeOnly: false });
  });

  it("reads `export { type A } from` and multi-line lists with trailing commas", () => {
    const text = `export {\n  type A,\n  b as c,\n} from "./old/factory";\n`;
    const [site] = read(text) as DeclarationSite[];
    expect(site.kind).toBe("export");
    expect(site.named?.map((b) => [b.imported, b.local, b.typeOnly])).toEqual([["A", "A", true], ["b", "c", false]]);
  });

  it("counts needles that carry the specifier's quotes as seen (folder-index specifiers)", () => {
    const text = `import { a } from "./legacy/";\nimport { b } from "..";\n`;
    const indexNeedles = ['/"', '".."'];
    const sites = lexSourceImports(text, parse(text)[0], (s) => s.endsWith("/") || s === "..", indexNeedles);
    expect(sites?.map((s) => s.specifier.value)).toEqual(["./legacy/", ".."]);
    expect(lexSourceImports(`${text}console.log("/");\n`, parse(`${text}console.log("/");\n`)[0], () => true, indexNeedles)).toBeUndefined();
  });

  it("counts a needle in an import the rules do not deprecate as seen", () => {
    expect(read(`import { x } from "./old/factory_helpers";\n`)).toEqual([]);
  });
});

describe("lexSourceImports refuses what it cannot prove it read", () => {
  const refused: Array<[string, string]> = [
    ["a needle in a comment", `// was ./old/factory\nimport { a } from "./old/factory";\n`],
    ["a needle in a string", `import { a } from "./old/factory";\nconsole.log("factory");\n`],
    ["`export type { … } from` (the lexer does not report it)", `export type { A } from "./old/factory";\n`],
    ["`export type * from`", `export type * from "./old/factory";\n`],
    ["a dynamic import of a candidate", `const m = await import("./old/factory");\n`],
    ["a require call", `const m = require("./old/factory");\n`],
    ["a mock call", `vi.mock("./old/factory");\n`],
    ["an `import()` type", `let m: typeof import("./old/factory");\n`],
    ["a module augmentation", `declare module "./old/factory" {}\n`],
    ["`type as …`, which only a parser can read", `import { type as x } from "./old/factory";\n`],
    ["a comment inside the list", `import { a, /* b */ c } from "./old/factory";\n`],
    ["a default and a named list after `import type`", `import type A, { B } from "./old/factory";\n`],
    ["an import that does not start its line", `const a = 1; import { b } from "./old/factory";\n`],
  ];
  for (const [name, text] of refused) {
    it(`refuses ${name}`, () => {
      let result: unknown;
      try {
        result = read(text);
      } catch {
        result = undefined; // the lexer's own refusal: the caller reads the file the exact way then
      }
      expect(result).toBeUndefined();
    });
  }
});
