/**
 * Which imports are the deprecated module (by what they resolve to, not how they are spelled) and how the new
 * specifier is written: folder indexes, bare targets, deleted modules, `paths` aliases, look-alike files.
 */
import { FACTORY_FILES, IMPORTER } from "./fixtures";
import { runTable } from "./table";

const { "src/old/factory.ts": deprecatedFactory, ...WITHOUT_DEPRECATED } = FACTORY_FILES;
const SERVICES_INDEX = { "src/services/index.ts": `export * from "./ctx";\n` };

runTable("folder index targets", {
  files: { ...FACTORY_FILES, ...SERVICES_INDEX },
  rules: { rules: [{ from: "./src/old/factory", to: "./src/services" }] },
  importer: IMPORTER,
  invalid: [
    {
      name: "a folder target is written as the folder",
      code: `import { helper } from "../old/factory";\n`,
      output: `import { helper } from "../services";\n`,
    },
    {
      name: "a folder target with .js written becomes folder/index.js",
      code: `import { helper } from "../old/factory.js";\n`,
      output: `import { helper } from "../services/index.js";\n`,
    },
    {
      name: "an importer inside the target folder gets .",
      importer: "src/services/user.ts",
      code: `import { helper } from "../old/factory";\n`,
      output: `import { helper } from ".";\n`,
    },
  ],
});

runTable("a deprecated folder module", {
  files: { ...FACTORY_FILES, "src/legacy/index.ts": `export const helper = 0;\n` },
  rules: { rules: [{ from: "./src/legacy", to: "./src/services/ctx" }] },
  importer: IMPORTER,
  valid: [{ name: "a sibling file of the folder is not its index", code: `import { createManager } from "../util/factory";\n` }],
  invalid: [
    {
      name: "imports of the folder, its index, and its index with .js all match",
      code: `import { helper } from "../legacy";\nimport "../legacy/index";\nimport "../legacy/index.js";\n`,
      output: `import { helper } from "../services/ctx";\nimport "../services/ctx";\nimport "../services/ctx.js";\n`,
    },
    {
      name: "a trailing slash and a parent-folder spelling match",
      importer: "src/legacy/inner/x.ts",
      code: `import "../";\nimport "..";\nimport "../../legacy/";\n`,
      output: `import "../../services/ctx";\nimport "../../services/ctx";\nimport "../../services/ctx";\n`,
    },
  ],
});

runTable("bare specifiers", {
  files: { ...FACTORY_FILES, "node_modules/legacy-lib/index.d.ts": "export declare const x: number;\n" },
  rules: {
    rules: [
      { from: "./src/old/factory", to: "@acme/context", symbols: { createManager: "createContext" } },
      { from: "legacy-lib", to: "@acme/lib/v2" },
    ],
  },
  importer: IMPORTER,
  packages: { "legacy-lib": "node_modules/legacy-lib/index.d.ts" },
  valid: [{ name: "a package subpath is not the package", code: `import { x } from "legacy-lib/extra";\n` }],
  invalid: [
    {
      name: "a path module moved to a bare target gets the bare specifier",
      code: `import { createManager } from "../old/factory.js";\n`,
      output: `import { createContext as createManager } from "@acme/context";\n`,
    },
    {
      name: "a bare from is matched as written",
      code: `import { x } from "legacy-lib";\nconst y = require("legacy-lib");\n`,
      output: `import { x } from "@acme/lib/v2";\nconst y = require("@acme/lib/v2");\n`,
    },
  ],
});

runTable("look-alike and deleted modules", {
  files: WITHOUT_DEPRECATED,
  rules: { rules: [{ from: "./src/old/factory", to: "./src/services/ctx", symbols: { createManager: "createContext" } }] },
  importer: IMPORTER,
  valid: [
    { name: "a module with the same file name in another folder is untouched", code: `import { createManager } from "../util/factory";\n` },
    { name: "a relative spelling that lands elsewhere is untouched", importer: "src/util/user.ts", code: `import { createManager } from "./factory";\n` },
  ],
  invalid: [
    {
      name: "imports of a deleted deprecated module still match",
      code: `import { createManager } from "../old/factory";\n`,
      output: `import { createContext as createManager } from "../services/ctx";\n`,
    },
    {
      name: "a deleted module written with .js still matches and keeps .js",
      code: `import { createManager } from "../old/factory.js";\n`,
      output: `import { createContext as createManager } from "../services/ctx.js";\n`,
    },
    {
      name: "a roundabout relative spelling still matches",
      importer: "src/app/deep/x.ts",
      code: `import { createManager } from "../../util/../old/factory";\n`,
      output: `import { createContext as createManager } from "../../services/ctx";\n`,
    },
  ],
});

runTable("a deprecated module that still exists", {
  files: { ...WITHOUT_DEPRECATED, "src/old/factory.ts": deprecatedFactory },
  rules: { rules: [{ from: "./src/old/factory", to: "./src/services/ctx" }] },
  importer: IMPORTER,
  invalid: [
    {
      name: "an import of the deprecated module from its own folder",
      importer: "src/old/user.ts",
      code: `import { helper } from "./factory";\n`,
      output: `import { helper } from "../services/ctx";\n`,
    },
  ],
});

runTable("tsconfig paths aliases", {
  files: { ...FACTORY_FILES },
  rules: { rules: [{ from: "./src/old/factory", to: "./src/services/ctx", symbols: { createManager: "createContext" } }] },
  importer: IMPORTER,
  paths: { "@old/*": ["src/old/*"], "@factory": ["src/old/factory.ts"] },
  invalid: [
    {
      name: "a wildcard alias to the deprecated module matches and gets a relative path",
      code: `import { createManager } from "@old/factory";\n`,
      output: `import { createContext as createManager } from "../services/ctx";\n`,
    },
    {
      name: "an exact alias matches",
      code: `import { createManager } from "@factory";\n`,
      output: `import { createContext as createManager } from "../services/ctx";\n`,
    },
    {
      name: "an alias of a deleted deprecated module matches",
      files: { "src/old/factory.ts": undefined },
      code: `import { createManager } from "@old/factory";\n`,
      output: `import { createContext as createManager } from "../services/ctx";\n`,
    },
  ],
});
