/**
 * `import x = require()`, `require()`, `import()` (values and types) and `declare module` augmentations.
 *
 * Skipped combinations, and why:
 * - `import x = require()` and `require()` in a `.ts` file: CommonJS output only (commonjs, commonjs +
 *   isolatedModules, node16 with a CommonJS package). In an ES module TypeScript rejects `import =`, and
 *   `require` does not exist at runtime; under `preserve` the `.ts` output is ESM too.
 * - `require()` in a `.cts` file: node16 and nodenext only, the settings in which `.cts` means CommonJS
 *   output; with `"type": "module"` it requires an ES module, which node ≥ 20.19 allows.
 * - `import()` is written with `.js` under node16/nodenext even in a CommonJS file, where it is still an ES
 *   import; it is awaited at top level in ES modules and inside an async function in CommonJS ones, where
 *   top-level await does not exist.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MODULE_SETTINGS, disposeFormsProject, expectFormLikeMigrated, formsUnaffectedByTheRewrite, prepareFormsProject, type FormsProject } from "../../helpers/forms";
import { fixture } from "./fixture";
import { cjsOutput, requireForms } from "./require-and-dynamic.forms";

describe.each(MODULE_SETTINGS)("require, import() and type-level imports, $name", (setting) => {
  let project: FormsProject;
  beforeAll(() => {
    project = prepareFormsProject("require", setting, fixture, requireForms(setting), { unplugged: setting === MODULE_SETTINGS[0] });
  });
  afterAll(() => disposeFormsProject(project));

  if (setting === MODULE_SETTINGS[0]) it("every form behaves differently when built without the plugin", () => {
    expect(formsUnaffectedByTheRewrite(project)).toEqual([]);
  });
  if (cjsOutput(setting)) it("`import x = require()` has its renamed members rewritten", () => expectFormLikeMigrated(project, "import-equals-require"));
  if (cjsOutput(setting)) it("destructured `require()` gets the new names under the old local names", () =>
    expectFormLikeMigrated(project, "require-destructured"),
  );
  if (setting.node) it("destructured `require()` in a .cts file", () => expectFormLikeMigrated(project, "require-in-cts"));
  it("awaited `import()` with destructuring", () => expectFormLikeMigrated(project, "dynamic-import-destructured"));
  it("awaited `import()` whose members are accessed by name", () => expectFormLikeMigrated(project, "dynamic-import-members"));
  it("`import(\"…\").T` and `typeof import(\"…\")` types name the SSOT module", () => expectFormLikeMigrated(project, "import-type-nodes"));
  it("`declare module` augments the SSOT module", () => expectFormLikeMigrated(project, "module-augmentation"));
  it("`declare module` augmenting a renamed interface augments it under its new name", () =>
    expectFormLikeMigrated(project, "augmentation-of-renamed-interface"),
  );
});
