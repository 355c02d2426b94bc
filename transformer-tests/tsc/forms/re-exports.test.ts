/**
 * `export … from` forms: a barrel re-exports the deprecated module, and the form's `main` imports the barrel
 * by the old names, which must keep working.
 *
 * Skipped combinations: none; re-exports are valid under every setting in MODULE_SETTINGS (type re-exports
 * carry `type`, as isolatedModules and verbatimModuleSyntax require).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MODULE_SETTINGS, disposeFormsProject, expectFormLikeMigrated, formsUnaffectedByTheRewrite, prepareFormsProject, type FormsProject } from "../../helpers/forms";
import { fixture } from "./fixture";
import { reExportForms } from "./re-exports.forms";

describe.each(MODULE_SETTINGS)("re-exports, $name", (setting) => {
  let project: FormsProject;
  beforeAll(() => {
    project = prepareFormsProject("reexport", setting, fixture, reExportForms(setting), { unplugged: setting === MODULE_SETTINGS[0] });
  });
  afterAll(() => disposeFormsProject(project));

  if (setting === MODULE_SETTINGS[0]) it("every form behaves differently when built without the plugin", () => {
    expect(formsUnaffectedByTheRewrite(project)).toEqual([]);
  });
  it("`export { … } from` re-exports the SSOT names under the old names", () => expectFormLikeMigrated(project, "export-named-from"));
  it("`export * from` a module with renamed symbols still exports the old names", () => expectFormLikeMigrated(project, "export-star-from"));
  it("`export * as ns from` a module without renames re-exports the SSOT module", () => expectFormLikeMigrated(project, "export-star-as-from"));
});
