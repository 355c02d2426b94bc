import type { ImportSite } from "./types";

/**
 * How an import loads its module, where that decides what it resolves to (a package's `exports` conditions):
 * `require()` and `import x = require()` load it as CommonJS, `import()` as an ES module whatever the importing
 * file is, and every other form as its file does (undefined).
 */
export type ImportUse = "require" | "import" | undefined;

export function importUseOf(site: ImportSite): ImportUse {
  switch (site.kind) {
    case "require":
    case "import-equals":
      return "require";
    case "dynamic-import":
      return "import";
    default:
      return undefined;
  }
}

/**
 * An import that loads as an ES module in any file: only `import()`. In an ES module file every other import
 * does too; the extension policies of CommonJS output ask this.
 */
export function loadsAsEsModuleAnywhere(site: ImportSite): boolean {
  return importUseOf(site) === "import";
}
