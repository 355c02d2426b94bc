/**
 * Re-exports: `export { … } from` keeps the exported names; `export * from` still exports every old name the
 * rules rename or move; `export * as ns` cannot, so it is an error when the rule reshapes exports.
 */
import { FACTORY_FILES, IMPORTER, RENAME_LABEL, RENAME_RULES } from "./fixtures";
import { runTable } from "./table";

runTable("re-exports", {
  files: FACTORY_FILES,
  rules: RENAME_RULES,
  importer: IMPORTER,
  rule: RENAME_LABEL,
  invalid: [
    {
      name: "export { … } from keeps the exported names",
      code: `export { createManager, helper } from "../old/factory";\n`,
      output: `export { createContext as createManager, helper } from "../services/ctx";\n`,
    },
    {
      name: "export { x as y } from keeps the alias",
      code: `export { createManager as make } from "../old/factory";\n`,
      output: `export { createContext as make } from "../services/ctx";\n`,
    },
    {
      name: "export type { … } from",
      code: `export type { Manager } from "../old/factory";\n`,
      output: `export type { Context as Manager } from "../services/ctx";\n`,
    },
    {
      name: "export { default } from keeps default",
      code: `export { default } from "../old/factory";\n`,
      output: `export { default } from "../services/ctx";\n`,
    },
    {
      name: "export * from re-exports the renamed symbols under their old names (build mode: same line)",
      code: `export * from "../old/factory";\nexport const x = 1;\n`,
      output: `export * from "../services/ctx"; export { createContext as createManager, Context as Manager } from "../services/ctx";\nexport const x = 1;\n`,
      newLineOutput: `export * from "../services/ctx";\nexport { createContext as createManager, Context as Manager } from "../services/ctx";\nexport const x = 1;\n`,
    },
    {
      name: "export * from without a semicolon",
      code: `export * from '../old/factory'\n`,
      output: `export * from '../services/ctx'; export { createContext as createManager, Context as Manager } from '../services/ctx';\n`,
      newLineOutput: `export * from '../services/ctx'\nexport { createContext as createManager, Context as Manager } from '../services/ctx'\n`,
    },
    {
      name: "export * as ns from is an error when the rule renames",
      code: `export const a = 1;\nexport * as legacy from "../old/factory";\n`,
      output: null,
      errors: [{ line: 2, column: 25, message: "`export * as legacy` re-exports a module whose exports the rule renames or moves" }],
    },
  ],
});

runTable("export * and default", {
  files: FACTORY_FILES,
  rules: { rules: [{ from: "./src/old/factory", to: "./src/services/ctx", symbols: { default: "createContext", helper: { to: "./src/util/helpers", name: "help" } } }] },
  importer: IMPORTER,
  invalid: [
    {
      name: "default never travels through *, moved symbols are re-exported from their new module",
      code: `export * from "../old/factory";\n`,
      output: `export * from "../services/ctx"; export { help as helper } from "../util/helpers";\n`,
      newLineOutput: `export * from "../services/ctx";\nexport { help as helper } from "../util/helpers";\n`,
    },
  ],
});

runTable("re-exports of a pure move", {
  files: FACTORY_FILES,
  rules: { rules: [{ from: "./src/old/factory", to: "./src/services/ctx" }] },
  importer: IMPORTER,
  invalid: [
    {
      name: "export * as ns from only changes its specifier",
      code: `export * as legacy from "../old/factory";\nexport * from "../old/factory";\n`,
      output: `export * as legacy from "../services/ctx";\nexport * from "../services/ctx";\n`,
    },
  ],
});
