/**
 * Test-framework calls that name a module (`vi.mock`, `jest.mock`, `vi.importActual`, `jest.requireActual`):
 * automocks follow the module; a factory that returns old names cannot be rewritten safely.
 */
import { FACTORY_FILES, IMPORTER, MOVE_RULES, RENAME_LABEL, RENAME_RULES } from "./fixtures";
import { runTable } from "./table";

const FACTORY = "the factory of";

runTable("mock calls with renames", {
  files: FACTORY_FILES,
  rules: RENAME_RULES,
  importer: IMPORTER,
  rule: RENAME_LABEL,
  invalid: [
    {
      name: "vi.mock automock is rewritten",
      code: `import { vi } from "vitest";\nvi.mock("../old/factory");\n`,
      output: `import { vi } from "vitest";\nvi.mock("../services/ctx");\n`,
    },
    {
      name: "jest.mock automock is rewritten",
      code: `jest.mock('../old/factory')\n`,
      output: `jest.mock('../services/ctx')\n`,
    },
    {
      name: "vi.mock with a factory is an error",
      code: `vi.mock("../old/factory", () => ({ createManager: vi.fn() }));\n`,
      output: null,
      errors: [{ line: 1, column: 9, message: `${FACTORY} \`vi.mock\`` }],
    },
    {
      name: "jest.mock with a factory is an error",
      code: `\njest.mock("../old/factory", () => ({}));\n`,
      output: null,
      errors: [{ line: 2, column: 11, message: `${FACTORY} \`jest.mock\`` }],
    },
    {
      name: "jest.setMock with an exports object is an error, like a factory",
      code: `jest.setMock("../old/factory", { createManager: jest.fn() });\n`,
      output: null,
      errors: [{ line: 1, column: 14, message: `${FACTORY} \`jest.setMock\`` }],
    },
    {
      name: "jest.unstable_mockModule (ES modules) with a factory is an error",
      code: `jest.unstable_mockModule("../old/factory", () => ({ createManager: jest.fn() }));\n`,
      output: null,
      errors: [{ line: 1, column: 26, message: `${FACTORY} \`jest.unstable_mockModule\`` }],
    },
    {
      name: "jest.unstable_unmockModule is rewritten",
      code: `jest.unstable_unmockModule("../old/factory");\n`,
      output: `jest.unstable_unmockModule("../services/ctx");\n`,
    },
    {
      name: "jest.requireActual(...).member is renamed",
      code: `const real = jest.requireActual("../old/factory").createManager;\n`,
      output: `const real = jest.requireActual("../services/ctx").createContext;\n`,
    },
    {
      name: "awaited vi.importActual destructured",
      code: `async function f() {\n  const { createManager } = await vi.importActual("../old/factory");\n}\n`,
      output: `async function f() {\n  const { createContext: createManager } = await vi.importActual("../services/ctx");\n}\n`,
    },
    {
      name: "vi.importActual(...).then(): the member is the promise's",
      code: `vi.importActual("../old/factory").then((m) => m.createManager);\n`,
      output: null,
      errors: [{ line: 1, column: 17, message: "cannot be seen" }],
    },
    {
      name: "a spread of the actual module is an error",
      code: `const mocked = { ...jest.requireActual("../old/factory") };\n`,
      output: null,
      errors: [{ line: 1, column: 40, message: "cannot be seen" }],
    },
    {
      name: "configured mock functions replace the defaults",
      rules: { ...RENAME_RULES, mockFunctions: ["td.replace"] },
      code: `td.replace("../old/factory");\nvi.mock("../old/factory");\n`,
      output: `td.replace("../services/ctx");\nvi.mock("../old/factory");\n`,
    },
  ],
});

runTable("mock calls when a symbol moves to another module", {
  files: FACTORY_FILES,
  rules: { rules: [{ from: "./src/old/factory", to: "./src/services/ctx", symbols: { helper: { to: "./src/util/helpers", name: "help" } } }] },
  importer: IMPORTER,
  invalid: [
    {
      name: "an automock cannot cover the moved symbol's new module: error",
      code: `vi.mock("../old/factory");\n`,
      output: null,
      errors: [{ line: 1, column: 9, message: "helper" }],
    },
  ],
});

runTable("mock calls of a pure move", {
  files: FACTORY_FILES,
  rules: MOVE_RULES,
  importer: IMPORTER,
  invalid: [
    {
      name: "a factory mock only changes its specifier when nothing is renamed",
      code: `vi.mock("../old/factory", () => ({ createManager: vi.fn() }));\nconst a = await vi.importActual("../old/factory");\n`,
      output: `vi.mock("../services/ctx", () => ({ createManager: vi.fn() }));\nconst a = await vi.importActual("../services/ctx");\n`,
    },
    {
      name: "jest.unstable_mockModule with a factory follows a pure move",
      code: `jest.unstable_mockModule("../old/factory", () => ({ createManager: jest.fn() }));\n`,
      output: `jest.unstable_mockModule("../services/ctx", () => ({ createManager: jest.fn() }));\n`,
    },
  ],
});
