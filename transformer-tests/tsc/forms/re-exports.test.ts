/**
 * `export … from` forms: a barrel re-exports the deprecated module, and the form's `main` imports the barrel
 * by the old names, which must keep working.
 *
 * Skipped combinations: none; re-exports are valid under every setting in MODULE_SETTINGS (type re-exports
 * carry `type`, as isolatedModules and verbatimModuleSyntax require).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MODULE_SETTINGS, disposeFormsProject, expectFormLikeMigrated, formsUnaffectedByTheRewrite, prepareFormsProject, type Form, type FormsProject, type ModuleSetting } from "../../helpers/forms";
import { fixture } from "./fixture";

function reExportForms({ ext: x }: ModuleSetting): Form[] {
  const factoryUser = `const a: Manager = createManager("alice");
const b: Manager = createManager("bob");
a.log.push("hi");
console.log(a.user, b.user, b.log.length, VERSION);
export function make(user: string): Manager { return createManager(user); }
`;
  return [
    {
      name: "export-named-from",
      unmigrated: {
        "barrel.ts": `export { createManager, VERSION, type Manager, default as makeDefault } from "../../legacy/factory${x}";
export type { ManagerId } from "../../legacy/factory${x}";
`,
        "main.ts": `import { createManager, VERSION, makeDefault, type Manager, type ManagerId } from "./barrel${x}";
const id: ManagerId = makeDefault().user;
console.log("default user", id);
${factoryUser}`,
      },
      migrated: {
        "barrel.ts": `export { createContext as createManager, VERSION, type Context as Manager, default as makeDefault } from "../../services/context${x}";
export type { ContextId as ManagerId } from "../../services/context${x}";
`,
        "main.ts": `import { createManager, VERSION, makeDefault, type Manager, type ManagerId } from "./barrel${x}";
const id: ManagerId = makeDefault().user;
console.log("default user", id);
${factoryUser}`,
      },
    },
    {
      // The rule renames createManager, Manager and ManagerId: `export *` from the SSOT module alone would
      // drop those names, so they must be re-exported under their old names as well.
      name: "export-star-from",
      unmigrated: {
        "barrel.ts": `export * from "../../legacy/factory${x}";
`,
        "main.ts": `import { createManager, VERSION, describe, type Manager, type ManagerId } from "./barrel${x}";
const id: ManagerId = "id";
console.log(describe(createManager(id)));
${factoryUser}`,
      },
      migrated: {
        "barrel.ts": `export * from "../../services/context${x}";
export { createContext as createManager, type Context as Manager, type ContextId as ManagerId } from "../../services/context${x}";
`,
        "main.ts": `import { createManager, VERSION, describe, type Manager, type ManagerId } from "./barrel${x}";
const id: ManagerId = "id";
console.log(describe(createManager(id)));
${factoryUser}`,
      },
    },
    {
      // A rule without renames: the namespace keeps every member name.
      name: "export-star-as-from",
      unmigrated: {
        "barrel.ts": `export * as polyfill from "../../legacy/polyfill${x}";
`,
        "main.ts": `import { polyfill } from "./barrel${x}";
console.log("installed:", polyfill.installed);
export const installed: typeof polyfill.installed = polyfill.installed;
`,
      },
      migrated: {
        "barrel.ts": `export * as polyfill from "../../services/setup${x}";
`,
        "main.ts": `import { polyfill } from "./barrel${x}";
console.log("installed:", polyfill.installed);
export const installed: typeof polyfill.installed = polyfill.installed;
`,
      },
    },
  ];
}

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
