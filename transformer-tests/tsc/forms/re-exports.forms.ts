import type { Form, ModuleSetting } from "../../helpers/forms";

/** The forms of re-exports.test.ts, shared with the facade differential test (transformer-tests/cli/facades/). */
export function reExportForms({ ext: x }: ModuleSetting): Form[] {
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
