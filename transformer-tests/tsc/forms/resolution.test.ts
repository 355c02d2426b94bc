/**
 * How an import finds its rule: whatever the importer wrote (alias, folder, `.js`), whether or not the deprecated
 * module still exists, and what the rule does with the names (chains, splits, rules without a module `to`).
 *
 * Skipped combinations: none. Under ESM settings a folder is imported as `…/index.js` (node's ESM loader has
 * no folder resolution), under the others as the bare folder. The `.js` extension style is exercised by every
 * ESM setting (node16 and nodenext with `"type": "module"`, bundler): each of their forms writes `.js` and
 * would crash at run time if the rewritten specifier lost it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MODULE_SETTINGS, disposeFormsProject, expectFormLikeMigrated, formsUnaffectedByTheRewrite, outputPath, prepareFormsProject, readOutput, type FormsProject } from "../../helpers/forms";
import { fixture } from "./fixture";
import { resolutionForms } from "./resolution.forms";

describe.each(MODULE_SETTINGS)("resolution and rule shapes, $name", (setting) => {
  let project: FormsProject;
  beforeAll(() => {
    project = prepareFormsProject("resolution", setting, fixture, resolutionForms(setting), { unplugged: setting === MODULE_SETTINGS[0] });
  });
  afterAll(() => disposeFormsProject(project));

  if (setting === MODULE_SETTINGS[0]) it("every form behaves differently when built without the plugin", () => {
    expect(formsUnaffectedByTheRewrite(project)).toEqual([]);
  });
  it("an import of a deleted deprecated module is still rewritten", () => expectFormLikeMigrated(project, "deleted-deprecated-module"));
  it("a module with the deprecated file name in another folder stays untouched", () => {
    expectFormLikeMigrated(project, "same-file-name-elsewhere");
    expect(readOutput(project.plugin, outputPath("src/forms/same-file-name-elsewhere/main.ts"))).toContain(`"../../other/factory${setting.ext}"`);
  });
  it("a tsconfig `paths` alias of the deprecated module becomes a relative SSOT import", () => expectFormLikeMigrated(project, "paths-alias"));
  it("a folder import (index file) of the deprecated module", () => expectFormLikeMigrated(project, "folder-index"));
  it("a chain A → B → C composes the renames", () => expectFormLikeMigrated(project, "chain"));
  it("a split sends one import's names to two modules", () => expectFormLikeMigrated(project, "split"));
  it("a rule without module-level `to` moves only its listed symbols", () => expectFormLikeMigrated(project, "rule-without-module-to"));
  if (setting.esm) it("the importer's `.js` extension style is kept", () => {
    expect(readOutput(project.plugin, outputPath("src/forms/split/main.ts"))).toMatch(/from "\.\.\/\.\.\/services\/text\.js"/);
  });
});
