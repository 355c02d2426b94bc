/**
 * Forms that hand over the whole module object (`* as ns`, `import x = require()`, `require()`, `import()`):
 * member accesses are renamed where every use is visible; otherwise the build stops with an error.
 */
import { FACTORY_FILES, IMPORTER, RENAME_LABEL, RENAME_RULES } from "./fixtures";
import { runTable } from "./table";

const WHOLE = "is used as a whole";
const OPAQUE = "is used in a way whose member names cannot be seen";

runTable("namespace imports and import = require()", {
  files: FACTORY_FILES,
  rules: RENAME_RULES,
  importer: IMPORTER,
  rule: RENAME_LABEL,
  invalid: [
    {
      name: "namespace import: members renamed in values and types",
      code: `import * as f from "../old/factory";\nconst m: f.Manager = f.createManager("a");\nf.helper();\n`,
      output: `import * as f from "../services/ctx";\nconst m: f.Context = f.createContext("a");\nf.helper();\n`,
    },
    {
      name: "namespace import used as a whole is an error naming file, line and rule",
      code: `// first line\nimport * as f from "../old/factory";\nconsole.log(f);\n`,
      output: null,
      errors: [{ line: 2, column: 20, message: "`f` " + WHOLE }],
    },
    {
      name: "namespace import whose member is read with brackets is an error",
      code: `import * as f from "../old/factory";\nf["createManager"]("a");\n`,
      output: null,
      errors: [{ line: 1, column: 20, message: WHOLE }],
    },
    {
      name: "a property of another object named like the namespace is not a use of it",
      code: `import * as f from "../old/factory";\nconst o = { f: 1 };\nconsole.log(o.f, f.createManager("a"));\n`,
      output: `import * as f from "../services/ctx";\nconst o = { f: 1 };\nconsole.log(o.f, f.createContext("a"));\n`,
    },
    {
      name: "a rule's message is added to the error",
      rules: { rules: [{ ...RENAME_RULES.rules[0], message: "use the per-user context" }] },
      code: `import * as f from "../old/factory";\nexport { f };\n`,
      output: null,
      errors: [{ line: 1, column: 20, message: "(use the per-user context)" }],
    },
    {
      name: "import x = require(): members renamed",
      code: `import f = require("../old/factory");\nf.createManager("a");\n`,
      output: `import f = require("../services/ctx");\nf.createContext("a");\n`,
    },
    {
      name: "import x = require() used as a whole is an error",
      code: `import f = require("../old/factory");\nexport = f;\n`,
      output: null,
      errors: [{ line: 1, column: 20, message: "`f` " + WHOLE }],
    },
  ],
});

runTable("require() and import()", {
  files: FACTORY_FILES,
  rules: RENAME_RULES,
  importer: IMPORTER,
  rule: RENAME_LABEL,
  invalid: [
    {
      name: "destructured require: renamed keys keep their locals",
      code: `const { createManager, helper: h } = require("../old/factory");\n`,
      output: `const { createContext: createManager, helper: h } = require("../services/ctx");\n`,
    },
    {
      name: "destructured require with an alias",
      code: `const { createManager: make } = require("../old/factory");\n`,
      output: `const { createContext: make } = require("../services/ctx");\n`,
    },
    {
      name: "require(...).member",
      code: `require("../old/factory").createManager("a");\n`,
      output: `require("../services/ctx").createContext("a");\n`,
    },
    {
      name: "require() into a variable used by members",
      code: `const f = require("../old/factory");\nf.createManager("a");\n`,
      output: `const f = require("../services/ctx");\nf.createContext("a");\n`,
    },
    {
      name: "require() whose result is passed on is an error",
      code: `console.log(require("../old/factory"));\n`,
      output: null,
      errors: [{ line: 1, column: 21, message: OPAQUE }],
    },
    {
      name: "require() with a rest element is an error",
      code: `const { createManager, ...rest } = require("../old/factory");\n`,
      output: null,
      errors: [{ line: 1, column: 44, message: OPAQUE }],
    },
    {
      name: "require() for side effects only",
      code: `require("../old/factory");\n`,
      output: `require("../services/ctx");\n`,
    },
    {
      name: "awaited import() destructured",
      code: `async function f() {\n  const { createManager } = await import("../old/factory");\n}\n`,
      output: `async function f() {\n  const { createContext: createManager } = await import("../services/ctx");\n}\n`,
    },
    {
      name: "(await import()).member",
      code: `async function f() {\n  (await import("../old/factory")).createManager("a");\n}\n`,
      output: `async function f() {\n  (await import("../services/ctx")).createContext("a");\n}\n`,
    },
    {
      name: "awaited import() into a namespace variable",
      code: `async function f() {\n  const m = await import("../old/factory");\n  m.createManager("a");\n}\n`,
      output: `async function f() {\n  const m = await import("../services/ctx");\n  m.createContext("a");\n}\n`,
    },
    {
      name: "import().then(): the member is the promise's, and the module's names are unseen",
      code: `import("../old/factory").then((m) => m.createManager("a"));\n`,
      output: null,
      errors: [{ line: 1, column: 8, message: OPAQUE }],
    },
    {
      name: "an un-awaited import() kept in a variable: its uses are the promise's",
      code: `const p = import("../old/factory");\np.then((m) => m.createManager("a"));\n`,
      output: null,
      errors: [{ line: 1, column: 18, message: OPAQUE }],
    },
    {
      name: "an import() for its side effects only",
      code: `import("../old/factory");\n`,
      output: `import("../services/ctx");\n`,
    },
  ],
});

runTable("import types and module augmentations", {
  files: FACTORY_FILES,
  rules: RENAME_RULES,
  importer: IMPORTER,
  rule: RENAME_LABEL,
  invalid: [
    {
      name: `import("…").T type`,
      code: `let m: import("../old/factory").Manager;\n`,
      output: `let m: import("../services/ctx").Context;\n`,
    },
    {
      name: `typeof import("…").member`,
      code: `let f: typeof import("../old/factory").createManager;\n`,
      output: `let f: typeof import("../services/ctx").createContext;\n`,
    },
    {
      name: `typeof import("…") of the whole module is an error when the rule renames`,
      code: `let f: typeof import("../old/factory");\n`,
      output: null,
      errors: [{ line: 1, column: 22, message: "names the whole module" }],
    },
    {
      name: "declare module augmentation in a module file",
      code: `export {};\ndeclare module "../old/factory" {\n  interface Extra { tag: string }\n}\n`,
      output: `export {};\ndeclare module "../services/ctx" {\n  interface Extra { tag: string }\n}\n`,
    },
    {
      name: "an augmentation of a renamed export augments it under its new name",
      code: `export {};\ndeclare module "../old/factory" {\n  interface Manager { tag: string }\n  function helper(x: string): number;\n}\n`,
      output: `export {};\ndeclare module "../services/ctx" {\n  interface Context { tag: string }\n  function helper(x: string): number;\n}\n`,
    },
    {
      name: "an augmentation of an export moved to another module is an error",
      rules: { rules: [{ from: "./src/old/factory", to: "./src/services/ctx", symbols: { helper: { to: "./src/util/helpers", name: "help" } } }] },
      code: `export {};\ndeclare module "../old/factory" {\n  interface Manager { tag: string }\n  function helper(x: string): number;\n}\n`,
      output: null,
      errors: [{ line: 2, column: 16, message: "declares `helper`, which the rule moves to `help` in ./src/util/helpers" }],
    },
  ],
  valid: [
    {
      name: "declare module in a script file declares a new module, not an augmentation",
      code: `declare module "../old/factory" {\n  export const x: number;\n}\n`,
    },
  ],
});

runTable("import types and namespaces with a pure move", {
  files: FACTORY_FILES,
  rules: { rules: [{ from: "./src/old/factory", to: "./src/services/ctx" }] },
  importer: IMPORTER,
  invalid: [
    {
      name: "whole-module uses are fine when nothing is renamed",
      code: `import * as f from "../old/factory";\nconsole.log(f, require("../old/factory"));\nlet t: typeof import("../old/factory");\nimport("../old/factory").then(console.log);\n`,
      output: `import * as f from "../services/ctx";\nconsole.log(f, require("../services/ctx"));\nlet t: typeof import("../services/ctx");\nimport("../services/ctx").then(console.log);\n`,
    },
  ],
});
