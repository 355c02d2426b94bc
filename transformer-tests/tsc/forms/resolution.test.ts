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
import { MODULE_SETTINGS, disposeFormsProject, expectFormLikeMigrated, formsUnaffectedByTheRewrite, outputPath, prepareFormsProject, readOutput, type Form, type FormsProject, type ModuleSetting } from "../../helpers/forms";
import { fixture } from "./fixture";

function resolutionForms(s: ModuleSetting): Form[] {
  const x = s.ext;
  const folder = s.esm ? "/index.js" : "";
  const sameCode = (importLine: string) => `${importLine}
const a = createManager("alice");
const b = createManager("bob");
a.log.push("hi");
console.log(a.user, b.user, b.log.length);
export function make(user: string) { return createManager(user); }
`;
  return [
    {
      name: "deleted-deprecated-module",
      unmigrated: { "main.ts": `import { oldName } from "../../legacy/removed${x}";\nconsole.log("deleted:", oldName());\nexport const name: string = oldName();\n` },
      migrated: { "main.ts": `import { newName as oldName } from "../../services/replacement${x}";\nconsole.log("deleted:", oldName());\nexport const name: string = oldName();\n` },
    },
    {
      name: "same-file-name-elsewhere",
      unmigrated: {
        "main.ts": `import { createManager as unrelated } from "../../other/factory${x}";
import { createManager } from "../../legacy/factory${x}";
console.log("unrelated:", unrelated("x").user);
${sameCode("")}`,
      },
      migrated: {
        "main.ts": `import { createManager as unrelated } from "../../other/factory${x}";
import { createContext as createManager } from "../../services/context${x}";
console.log("unrelated:", unrelated("x").user);
${sameCode("")}`,
      },
    },
    {
      name: "paths-alias",
      unmigrated: { "main.ts": sameCode(`import { createManager } from "@legacy/factory${x}";`) },
      migrated: { "main.ts": sameCode(`import { createContext as createManager } from "../../services/context${x}";`) },
    },
    {
      name: "folder-index",
      unmigrated: { "main.ts": `import { openStore } from "../../legacy/store${folder}";\nconsole.log("store:", openStore());\nexport const store: string = openStore();\n` },
      migrated: { "main.ts": `import { createStore as openStore } from "../../services/store${folder}";\nconsole.log("store:", openStore());\nexport const store: string = openStore();\n` },
    },
    {
      // chain_a → chain_b (oldName → midName), chain_b → chain_c (midName → newName); `level` follows the chain.
      name: "chain",
      unmigrated: {
        "main.ts": `import { oldName, level } from "../../legacy/chain_a${x}";
import { midName, level as middle } from "../../legacy/chain_b${x}";
console.log("chain:", oldName(), level, midName(), middle);
export const names: string = oldName() + midName();
`,
      },
      migrated: {
        "main.ts": `import { newName as oldName, level } from "../../services/chain_c${x}";
import { newName as midName, level as middle } from "../../services/chain_c${x}";
console.log("chain:", oldName(), level, midName(), middle);
export const names: string = oldName() + midName();
`,
      },
    },
    {
      // shout → text.upper, count → math.countOf: one import becomes two.
      name: "split",
      unmigrated: {
        "main.ts": `import { shout, count } from "../../legacy/helpers${x}";
console.log("split:", shout("hey"), count([1, 2, 3]));
export const both: string = shout("a") + count([]);
`,
      },
      migrated: {
        "main.ts": `import { upper as shout } from "../../services/text${x}";
import { countOf as count } from "../../services/math${x}";
console.log("split:", shout("hey"), count([1, 2, 3]));
export const both: string = shout("a") + count([]);
`,
      },
    },
    {
      // The rule has no module-level "to": oldFlag moves, port still comes from legacy/config.
      name: "rule-without-module-to",
      unmigrated: {
        "main.ts": `import { port, oldFlag } from "../../legacy/config${x}";
console.log("config:", port, oldFlag());
export const flagged: string = oldFlag() + port;
`,
      },
      migrated: {
        "main.ts": `import { port } from "../../legacy/config${x}";
import { flag as oldFlag } from "../../services/flags${x}";
console.log("config:", port, oldFlag());
export const flagged: string = oldFlag() + port;
`,
      },
    },
  ];
}

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
