/**
 * Static `import` declarations of deprecated modules, under every module setting.
 *
 * Skipped combinations: none. Every form here is valid TypeScript under every setting in MODULE_SETTINGS;
 * type imports are written with `type` everywhere, so the same sources also satisfy verbatimModuleSyntax and
 * isolatedModules, and ESM settings write `.js` on relative specifiers, as node's ESM loader requires.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MODULE_SETTINGS, disposeFormsProject, prepareFormsProject, expectFormLikeMigrated, formsUnaffectedByTheRewrite, type FormsProject } from "../../helpers/forms";
import { fixture } from "./fixture";
import { staticForms } from "./static-imports.forms";

describe.each(MODULE_SETTINGS)("static imports, $name", (setting) => {
  let project: FormsProject;
  beforeAll(() => {
    project = prepareFormsProject("static", setting, fixture, staticForms(setting), { unplugged: setting === MODULE_SETTINGS[0] });
  });
  afterAll(() => disposeFormsProject(project));

  if (setting === MODULE_SETTINGS[0]) it("every form behaves differently when built without the plugin", () => {
    expect(formsUnaffectedByTheRewrite(project)).toEqual([]);
  });

  it("a default import gets the SSOT module's default export", () => expectFormLikeMigrated(project, "default-import"));
  it("named imports: renamed ones keep their local name, the others only change module", () => expectFormLikeMigrated(project, "named-import"));
  it("named imports the user already aliased keep the alias", () => expectFormLikeMigrated(project, "named-import-with-alias"));
  it("a namespace import has its renamed members (values and types) rewritten", () => expectFormLikeMigrated(project, "namespace-import"));
  it("side-effect imports load the SSOT module instead", () => expectFormLikeMigrated(project, "side-effect-import"));
  it("`import type` (named, default, namespace) leaves no runtime import behind", () => expectFormLikeMigrated(project, "import-type"));
  it("inline `type` specifiers stay type-only", () => expectFormLikeMigrated(project, "inline-type-specifiers"));
  it("a local declaration named like the new export is not captured", () => expectFormLikeMigrated(project, "local-named-like-new-export"));
  it("`default` renamed to a named export and a named export renamed to `default`", () => expectFormLikeMigrated(project, "default-and-named-swap"));
});
