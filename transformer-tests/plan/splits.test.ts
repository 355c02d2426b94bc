/**
 * Names that end up in different modules: `{ to, name }` moves, rules without `to`, and chains. One import
 * whose names go to two modules becomes two statements: on the same line in build mode, on a new line in the
 * codemod.
 */
import { FACTORY_FILES, IMPORTER } from "./fixtures";
import { runTable } from "./table";

const MOVE_HELPER = {
  rules: [
    {
      from: "./src/old/factory",
      to: "./src/services/ctx",
      symbols: { createManager: "createContext", helper: { to: "./src/util/helpers", name: "help" }, version: { to: "./src/util/helpers" } },
    },
  ],
};

runTable("splits: one symbol moved with { to, name }", {
  files: FACTORY_FILES,
  rules: MOVE_HELPER,
  importer: IMPORTER,
  rule: "rule 1 (./src/old/factory → ./src/services/ctx)",
  invalid: [
    {
      name: "only the moved symbol: the statement changes module",
      code: `import { helper } from "../old/factory";\n`,
      output: `import { help as helper } from "../util/helpers";\n`,
    },
    {
      name: "two names for two modules become two statements",
      code: `import { createManager, helper } from "../old/factory";\ncreateManager(String(helper()));\n`,
      output: `import { createContext as createManager } from "../services/ctx"; import { help as helper } from "../util/helpers";\ncreateManager(String(helper()));\n`,
      newLineOutput: `import { createContext as createManager } from "../services/ctx";\nimport { help as helper } from "../util/helpers";\ncreateManager(String(helper()));\n`,
    },
    {
      // The statement stays with the SSOT module (the rule's `to`); the moved name is split off after it.
      name: "the moved name first in the list",
      code: `import { helper, createManager } from "../old/factory";\n`,
      output: `import { createContext as createManager } from "../services/ctx"; import { help as helper } from "../util/helpers";\n`,
      newLineOutput: `import { createContext as createManager } from "../services/ctx";\nimport { help as helper } from "../util/helpers";\n`,
    },
    {
      // The codemod must only change import text: a comment beside a moved name stays where it was.
      name: "comments in a multi-line list survive a split",
      code: `import {\n  helper, // moved to util\n  createManager,\n  /* kept */ Manager,\n} from "../old/factory";\n`,
      output: `import {\n  // moved to util\n  createContext as createManager,\n  /* kept */ Manager,\n} from "../services/ctx"; import { help as helper } from "../util/helpers";\n`,
      newLineOutput: `import {\n  // moved to util\n  createContext as createManager,\n  /* kept */ Manager,\n} from "../services/ctx";\nimport { help as helper } from "../util/helpers";\n`,
    },
    {
      name: "two moved names go to one split statement",
      code: `import { createManager, helper, version } from "../old/factory";\n`,
      output: `import { createContext as createManager } from "../services/ctx"; import { help as helper, version } from "../util/helpers";\n`,
      newLineOutput: `import { createContext as createManager } from "../services/ctx";\nimport { help as helper, version } from "../util/helpers";\n`,
    },
    {
      name: "a default import split from a moved name",
      code: `import create, { helper } from "../old/factory";\n`,
      output: `import create from "../services/ctx"; import { help as helper } from "../util/helpers";\n`,
      newLineOutput: `import create from "../services/ctx";\nimport { help as helper } from "../util/helpers";\n`,
    },
    {
      name: "a split of a multi-line list keeps the line count in build mode",
      code: `import {\n  createManager,\n  helper,\n} from "../old/factory";\ncreateManager(String(helper()));\n`,
      output: `import {\n  createContext as createManager,\n  \n} from "../services/ctx"; import { help as helper } from "../util/helpers";\ncreateManager(String(helper()));\n`,
      newLineOutput: `import {\n  createContext as createManager,\n} from "../services/ctx";\nimport { help as helper } from "../util/helpers";\ncreateManager(String(helper()));\n`,
    },
    {
      name: "a moved name in the middle of a multi-line list keeps the line count in build mode",
      code: `import {\n  createManager,\n  helper,\n  Manager,\n} from "../old/factory";\n`,
      output: `import {\n  createContext as createManager,\n  \n  Manager,\n} from "../services/ctx"; import { help as helper } from "../util/helpers";\n`,
      newLineOutput: `import {\n  createContext as createManager,\n  Manager,\n} from "../services/ctx";\nimport { help as helper } from "../util/helpers";\n`,
    },
    {
      name: "a split keeps type-only markers",
      code: `import { type Manager, helper } from "../old/factory";\nimport type { version, helper as h } from "../old/factory";\n`,
      output: `import { type Manager } from "../services/ctx"; import { help as helper } from "../util/helpers";\nimport type { version, help as h } from "../util/helpers";\n`,
      newLineOutput: `import { type Manager } from "../services/ctx";\nimport { help as helper } from "../util/helpers";\nimport type { version, help as h } from "../util/helpers";\n`,
    },
    {
      name: "a split export list",
      code: `export { createManager, helper as h } from "../old/factory";\n`,
      output: `export { createContext as createManager } from "../services/ctx"; export { help as h } from "../util/helpers";\n`,
      newLineOutput: `export { createContext as createManager } from "../services/ctx";\nexport { help as h } from "../util/helpers";\n`,
    },
    {
      name: "a namespace whose members come from two modules is an error",
      code: `import * as f from "../old/factory";\nf.createManager(String(f.helper()));\n`,
      output: null,
      errors: [{ line: 1, column: 20, message: "members of `f` would come from 2 modules (helper moved elsewhere)" }],
    },
    {
      name: "destructuring from two modules is an error",
      code: `const { createManager, helper } = require("../old/factory");\n`,
      output: null,
      errors: [{ line: 1, column: 43, message: "would come from 2 modules" }],
    },
    {
      name: "import type of a moved type name",
      code: `let h: typeof import("../old/factory").helper;\n`,
      output: `let h: typeof import("../util/helpers").help;\n`,
    },
  ],
});

runTable("a rule without to moves only its listed symbols", {
  files: FACTORY_FILES,
  rules: { rules: [{ from: "./src/old/factory", symbols: { helper: { to: "./src/util/helpers", name: "help" } } }] },
  importer: IMPORTER,
  rule: "rule 1 (./src/old/factory → listed symbols only)",
  valid: [
    { name: "imports of the names that stay", code: `import create, { createManager } from "../old/factory";\n` },
    { name: "a side-effect import stays", code: `import "../old/factory";\n` },
    { name: "a namespace whose members all stay", code: `import * as f from "../old/factory";\nf.createManager("a");\n` },
  ],
  invalid: [
    {
      name: "the moved name alone",
      code: `import { helper } from "../old/factory";\n`,
      output: `import { help as helper } from "../util/helpers";\n`,
    },
    {
      name: "the moved name beside names that stay: the rest keep the written specifier",
      code: `import { createManager, helper } from "../old/factory.js";\n`,
      output: `import { createManager } from "../old/factory.js"; import { help as helper } from "../util/helpers.js";\n`,
      newLineOutput: `import { createManager } from "../old/factory.js";\nimport { help as helper } from "../util/helpers.js";\n`,
    },
  ],
});

runTable("chains compose renames", {
  files: { ...FACTORY_FILES, "src/mid/factory2.ts": "export function makeManager(): void {}\n" },
  rules: {
    rules: [
      { from: "./src/old/factory", to: "./src/mid/factory2", symbols: { createManager: "makeManager" } },
      { from: "./src/mid/factory2", to: "./src/services/ctx", symbols: { makeManager: "createContext" } },
    ],
  },
  importer: IMPORTER,
  invalid: [
    {
      name: "A → B → C: the import goes to C under the composed name",
      code: `import { createManager, helper } from "../old/factory";\n`,
      output: `import { createContext as createManager, helper } from "../services/ctx";\n`,
    },
    {
      name: "an import of the middle module is rewritten by its own rule",
      code: `import { makeManager } from "../mid/factory2";\n`,
      output: `import { createContext as makeManager } from "../services/ctx";\n`,
    },
  ],
});
