/** Static `import` statements: default, named, aliased, type-only and side-effect imports, and their style. */
import { FACTORY_FILES, IMPORTER, MOVE_RULES, RENAME_LABEL, RENAME_RULES } from "./fixtures";
import { runTable } from "./table";

runTable("import declarations", {
  files: FACTORY_FILES,
  rules: RENAME_RULES,
  importer: IMPORTER,
  rule: RENAME_LABEL,
  valid: [
    { name: "an import of a module no rule names", code: `import { createManager } from "../util/factory";\ncreateManager();\n` },
    { name: "an import of the SSOT module itself", code: `import { createContext } from "../services/ctx";\n` },
    { name: "a file without imports", code: `export const x = 1;\n` },
    { name: "a string that merely mentions the deprecated path", code: `const path = "../old/factory";\nconsole.log(path);\n` },
    { name: "a package whose name ends like the deprecated file", code: `import { x } from "some-lib/factory";\n` },
  ],
  invalid: [
    {
      name: "default import, default stays default",
      code: `import create from "../old/factory";\ncreate("a");\n`,
      output: `import create from "../services/ctx";\ncreate("a");\n`,
    },
    {
      name: "named import renamed, local name kept",
      code: `import { createManager } from "../old/factory";\ncreateManager("a");\n`,
      output: `import { createContext as createManager } from "../services/ctx";\ncreateManager("a");\n`,
    },
    {
      name: "named import whose name does not change",
      code: `import { helper, version } from "../old/factory";\n`,
      output: `import { helper, version } from "../services/ctx";\n`,
    },
    {
      name: "aliased import keeps its alias",
      code: `import { createManager as make } from "../old/factory";\n`,
      output: `import { createContext as make } from "../services/ctx";\n`,
    },
    {
      name: "default and named imports together",
      code: `import create, { createManager, helper } from "../old/factory";\n`,
      output: `import create, { createContext as createManager, helper } from "../services/ctx";\n`,
    },
    {
      name: "side-effect import",
      code: `import "../old/factory";\n`,
      output: `import "../services/ctx";\n`,
    },
    {
      name: "import type",
      code: `import type { Manager } from "../old/factory";\nlet m: Manager;\n`,
      output: `import type { Context as Manager } from "../services/ctx";\nlet m: Manager;\n`,
    },
    {
      name: "inline type specifiers",
      code: `import { type Manager, createManager } from "../old/factory";\n`,
      output: `import { type Context as Manager, createContext as createManager } from "../services/ctx";\n`,
    },
    {
      name: "a local named like the new export is not captured",
      code: `import { createManager } from "../old/factory";\nconst createContext = 1;\ncreateManager(String(createContext));\n`,
      output: `import { createContext as createManager } from "../services/ctx";\nconst createContext = 1;\ncreateManager(String(createContext));\n`,
    },
    {
      name: "single quotes, no semicolon and comments are kept",
      code: `/* head */ import { createManager } from '../old/factory' // trailing\ncreateManager('a')\n`,
      output: `/* head */ import { createContext as createManager } from '../services/ctx' // trailing\ncreateManager('a')\n`,
    },
    {
      name: "a multi-line import list keeps its lines and comments",
      code: `import {\n  // the factory\n  createManager,\n  helper, // kept\n} from "../old/factory";\n`,
      output: `import {\n  // the factory\n  createContext as createManager,\n  helper, // kept\n} from "../services/ctx";\n`,
    },
    {
      name: "a .js extension is kept where the importer wrote one",
      code: `import { helper } from "../old/factory.js";\n`,
      output: `import { helper } from "../services/ctx.js";\n`,
    },
    {
      name: "a .ts extension is kept as .ts (allowImportingTsExtensions)",
      code: `import { helper } from "../old/factory.ts";\n`,
      output: `import { helper } from "../services/ctx.ts";\n`,
    },
    {
      name: "an importer in the same folder as the target gets ./",
      importer: "src/services/user.ts",
      code: `import { helper } from "../old/factory";\n`,
      output: `import { helper } from "./ctx";\n`,
    },
    {
      name: "a deeper importer gets the right number of ../",
      importer: "src/app/handlers/deep/h.ts",
      code: `import { helper } from "../../../old/factory";\n`,
      output: `import { helper } from "../../../services/ctx";\n`,
    },
    {
      name: "import attributes after the specifier are kept",
      code: `import { helper } from "../old/factory" with { type: "ts" };\n`,
      output: `import { helper } from "../services/ctx" with { type: "ts" };\n`,
    },
    {
      name: "two imports of the deprecated module in one file",
      code: `import { createManager } from "../old/factory";\nimport type { Manager } from "../old/factory";\n`,
      output: `import { createContext as createManager } from "../services/ctx";\nimport type { Context as Manager } from "../services/ctx";\n`,
    },
  ],
});

runTable("default on either side of a rename", {
  files: FACTORY_FILES,
  rules: { rules: [{ from: "./src/old/factory", to: "./src/services/ctx", symbols: { default: "createContext", helper: "default" } }] },
  importer: IMPORTER,
  rule: RENAME_LABEL,
  invalid: [
    {
      name: "a default import of a renamed default becomes a named import",
      code: `import create from "../old/factory";\ncreate("a");\n`,
      output: `import { createContext as create } from "../services/ctx";\ncreate("a");\n`,
    },
    {
      name: "a renamed default without a semicolon gets one only in build mode",
      code: `import create from "../old/factory"\ncreate("a")\n`,
      output: `import { createContext as create } from "../services/ctx";\ncreate("a")\n`,
      newLineOutput: `import { createContext as create } from "../services/ctx"\ncreate("a")\n`,
    },
    {
      name: "a renamed default beside named imports",
      code: `import create, { version } from "../old/factory";\n`,
      output: `import { createContext as create, version } from "../services/ctx";\n`,
    },
    {
      name: "a named import that becomes the default",
      code: `import { helper } from "../old/factory";\n`,
      output: `import { default as helper } from "../services/ctx";\n`,
    },
    {
      name: "import { default as x } of a renamed default",
      code: `import { default as create } from "../old/factory";\n`,
      output: `import { createContext as create } from "../services/ctx";\n`,
    },
    {
      name: "a renamed default spread over several lines keeps the line count in build mode",
      code: `import create, {\n  version,\n} from "../old/factory";\nconsole.log(version);\n`,
      output: `import { createContext as create, version } from "../services/ctx";\n\n\nconsole.log(version);\n`,
      newLineOutput: `import { createContext as create, version } from "../services/ctx";\nconsole.log(version);\n`,
    },
  ],
});

runTable("a module moved without renames", {
  files: FACTORY_FILES,
  rules: MOVE_RULES,
  importer: IMPORTER,
  invalid: [
    {
      name: "every import form only changes its specifier",
      code: `import create, { createManager, type Manager } from "../old/factory";\nimport * as ns from "../old/factory";\nconsole.log(ns);\n`,
      output: `import create, { createManager, type Manager } from "../services/ctx";\nimport * as ns from "../services/ctx";\nconsole.log(ns);\n`,
    },
  ],
});
