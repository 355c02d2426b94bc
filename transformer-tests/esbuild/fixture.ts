/**
 * The project the esbuild differential tests bundle. Every deprecated module behaves observably unlike its SSOT
 * replacement (it logs another line on load, its factory hands out one shared object where the SSOT one makes a
 * fresh one, its constants differ), so an import that is not redirected prints something else, and one that is
 * redirected wrongly crashes or fails to bundle.
 *
 * Each import form lives in `src/forms/<name>.*` and exports `run()`; `src/main.ts` runs the forms chosen for a
 * build in order. Relative specifiers carry `.js` so the unbundled (bundle: false) output also runs under node.
 */

export const shared: Record<string, string> = {
  "tsconfig.json": JSON.stringify(
    {
      compilerOptions: {
        target: "es2022",
        module: "esnext",
        moduleResolution: "bundler",
        strict: true,
        paths: { "@legacy/*": ["./src/legacy/*"], "@services/*": ["./src/services/*"] },
      },
      include: ["src"],
    },
    null,
    2,
  ),
  "src/services/context.ts": `console.log("load services/context");
export interface Context { user: string; log: string[] }
export type ContextId = string;
export function createContext(user: string): Context { return { user, log: [] }; }
export function createIsolatedContext(user: string): Context { return { user: "isolated:" + user, log: [] }; }
export const VERSION = "context-2";
export default function defaultContext(): Context { return createContext("default"); }
`,
  "src/services/describe.ts": `export function describeContext(c: { user: string }): string { return "ctx<" + c.user + ">"; }
`,
  "src/services/greetings.ts": `export function greet(name: string): string { return "hello " + name; }
export default function farewell(name: string): string { return "bye " + name; }
`,
  "src/services/setup.ts": `console.log("load services/setup");
(globalThis as { installed?: string }).installed = "setup-new";
`,
  // The chain's middle module is itself deprecated, but it exists in both trees.
  "src/legacy/chain_b.ts": `export function midName(): string { return "b:mid"; }
export const level = "b";
`,
  "src/services/chain_c.ts": `export function newName(): string { return "c:new"; }
export const level = "c";
`,
  // A rule without module-level "to": only oldFlag moves, port stays here.
  "src/legacy/config.ts": `export const port = 8080;
export function oldFlag(): string { return "old-flag"; }
`,
  "src/services/flags.ts": `export function flag(): string { return "new-flag"; }
`,
  "src/services/replacement.ts": `export function newName(): string { return "replacement"; }
`,
  // Same file name as the deprecated factory, other folder: never touched.
  "src/other/factory.ts": `console.log("load other/factory");
export function createManager(user: string): { user: string } { return { user: "other:" + user }; }
`,
};

/** Present only in the unmigrated tree; `legacy/removed` exists in neither (it was deleted already). */
export const deprecated: Record<string, string> = {
  "src/legacy/factory.ts": `console.log("load legacy/factory");
export interface Manager { user: string; log: string[] }
export type ManagerId = string;
const shared: Manager = { user: "", log: [] };
export function createManager(user: string): Manager { shared.user = user; return shared; }
export const VERSION = "factory-1";
export function describe(m: Manager): string { return "mgr<" + m.user + ">"; }
export default function defaultManager(): Manager { return createManager("default"); }
`,
  "src/legacy/greeter.ts": `export default function greet(name: string): string { return "old hello " + name; }
export function farewell(name: string): string { return "old bye " + name; }
`,
  "src/legacy/polyfill.ts": `console.log("load legacy/polyfill");
(globalThis as { installed?: string }).installed = "polyfill-old";
`,
  "src/legacy/chain_a.ts": `export function oldName(): string { return "a:old"; }
export const level = "a";
`,
};

export const rules = {
  rules: [
    {
      from: "./src/legacy/factory",
      to: "./src/services/context",
      // Manager and ManagerId are types: they vanish from bundles, so the facade needs no re-export for them.
      symbols: { createManager: "createContext", Manager: "Context", ManagerId: "ContextId", describe: { to: "./src/services/describe", name: "describeContext" } },
      message: "Use the per-user context",
    },
    { from: "./src/legacy/greeter", to: "./src/services/greetings", symbols: { default: "greet", farewell: "default" } },
    { from: "./src/legacy/polyfill", to: "./src/services/setup" },
    { from: "./src/legacy/chain_a", to: "./src/legacy/chain_b", symbols: { oldName: "midName" } },
    { from: "./src/legacy/chain_b", to: "./src/services/chain_c", symbols: { midName: "newName" } },
    { from: "./src/legacy/config", symbols: { oldFlag: { to: "./src/services/flags", name: "flag" } } },
    { from: "./src/legacy/removed", to: "./src/services/replacement", symbols: { oldName: "newName" } },
  ],
};

export interface Form {
  name: string;
  /** Files under `src/forms/`, as the user wrote them and as migrated by hand. */
  unmigrated: Record<string, string>;
  migrated: Record<string, string>;
  /** The module main.ts imports `run` from (relative to src/forms/); default `<name>.js`. */
  runner?: string;
  async?: boolean;
  /** tsconfig `paths` are resolved only by a bundler; unbundled output keeps the alias, which node cannot load. */
  bundleOnly?: boolean;
  /** A CommonJS file: unbundled ESM output would leave `require` in an ES module. */
  commonJs?: boolean;
}

const ts = (name: string, unmigrated: string, migrated: string, extra: Partial<Form> = {}): Form => ({
  name,
  unmigrated: { [`${name}.ts`]: unmigrated },
  migrated: { [`${name}.ts`]: migrated },
  ...extra,
});

export const FORMS: readonly Form[] = [
  ts(
    "named",
    `import { createManager, VERSION, type Manager } from "../legacy/factory.js";
import type { ManagerId } from "../legacy/factory.js";
export function run(): void {
  const a: Manager = createManager("alice");
  const b = createManager("bob");
  const id: ManagerId = a.user;
  console.log("named:", id, b.user, a === b, VERSION);
}
`,
    `import { createContext as createManager, VERSION, type Context as Manager } from "../services/context.js";
import type { ContextId as ManagerId } from "../services/context.js";
export function run(): void {
  const a: Manager = createManager("alice");
  const b = createManager("bob");
  const id: ManagerId = a.user;
  console.log("named:", id, b.user, a === b, VERSION);
}
`,
  ),
  ts(
    "renamed",
    `import { createManager as make, describe as show } from "../legacy/factory.js";
export function run(): void { console.log("renamed:", show(make("carol")), make("x") === make("y")); }
`,
    `import { createContext as make } from "../services/context.js";
import { describeContext as show } from "../services/describe.js";
export function run(): void { console.log("renamed:", show(make("carol")), make("x") === make("y")); }
`,
  ),
  ts(
    "default",
    `import defaultManager from "../legacy/factory.js";
import greet, { farewell } from "../legacy/greeter.js";
export function run(): void { console.log("default:", defaultManager().user, greet("dan"), farewell("dan")); }
`,
    `import defaultManager from "../services/context.js";
import { greet } from "../services/greetings.js";
import farewell from "../services/greetings.js";
export function run(): void { console.log("default:", defaultManager().user, greet("dan"), farewell("dan")); }
`,
  ),
  ts(
    "namespace",
    `import * as factory from "../legacy/factory.js";
export function run(): void { console.log("namespace:", factory.createManager("eve") === factory.createManager("eve"), factory.VERSION); }
`,
    `import * as factory from "../services/context.js";
export function run(): void { console.log("namespace:", factory.createContext("eve") === factory.createContext("eve"), factory.VERSION); }
`,
  ),
  ts(
    "side-effect",
    `import "../legacy/polyfill.js";\nexport function run(): void { console.log("side-effect:", (globalThis as { installed?: string }).installed); }\n`,
    `import "../services/setup.js";\nexport function run(): void { console.log("side-effect:", (globalThis as { installed?: string }).installed); }\n`,
  ),
  {
    name: "export-from",
    runner: "export-from-use.js",
    unmigrated: {
      "export-from.ts": `export { createManager as make, VERSION } from "../legacy/factory.js";\n`,
      "export-from-use.ts": `import { make, VERSION } from "./export-from.js";\nexport function run(): void { console.log("export-from:", make("f") === make("g"), VERSION); }\n`,
    },
    migrated: {
      "export-from.ts": `export { createContext as make, VERSION } from "../services/context.js";\n`,
      "export-from-use.ts": `import { make, VERSION } from "./export-from.js";\nexport function run(): void { console.log("export-from:", make("f") === make("g"), VERSION); }\n`,
    },
  },
  {
    name: "export-star",
    runner: "export-star-use.js",
    unmigrated: {
      "export-star.ts": `export * from "../legacy/factory.js";\n`,
      "export-star-use.ts": `import { createManager, describe, VERSION } from "./export-star.js";\nexport function run(): void { console.log("export-star:", createManager("h") === createManager("i"), describe(createManager("j")), VERSION); }\n`,
    },
    migrated: {
      "export-star.ts": `export * from "../services/context.js";\nexport { createContext as createManager } from "../services/context.js";\nexport { describeContext as describe } from "../services/describe.js";\n`,
      "export-star-use.ts": `import { createManager, describe, VERSION } from "./export-star.js";\nexport function run(): void { console.log("export-star:", createManager("h") === createManager("i"), describe(createManager("j")), VERSION); }\n`,
    },
  },
  ts(
    "dynamic-import",
    `export async function run(): Promise<void> {
  const { createManager, VERSION } = await import("../legacy/factory.js");
  console.log("dynamic-import:", createManager("k") === createManager("l"), VERSION);
}
`,
    `export async function run(): Promise<void> {
  const { createContext: createManager, VERSION } = await import("../services/context.js");
  console.log("dynamic-import:", createManager("k") === createManager("l"), VERSION);
}
`,
    { async: true },
  ),
  {
    name: "require",
    commonJs: true,
    unmigrated: {
      "require.js": `const { createManager, VERSION } = require("../legacy/factory.js");\nexports.run = function () { console.log("require:", createManager("m") === createManager("n"), VERSION); };\n`,
    },
    migrated: {
      "require.js": `const { createContext: createManager, VERSION } = require("../services/context.js");\nexports.run = function () { console.log("require:", createManager("m") === createManager("n"), VERSION); };\n`,
    },
  },
  ts(
    "deleted-module",
    `import { oldName } from "../legacy/removed.js";\nexport function run(): void { console.log("deleted-module:", oldName()); }\n`,
    `import { newName as oldName } from "../services/replacement.js";\nexport function run(): void { console.log("deleted-module:", oldName()); }\n`,
  ),
  ts(
    "same-file-name",
    `import { createManager } from "../other/factory.js";\nexport function run(): void { console.log("same-file-name:", createManager("o").user); }\n`,
    `import { createManager } from "../other/factory.js";\nexport function run(): void { console.log("same-file-name:", createManager("o").user); }\n`,
  ),
  ts(
    "chain",
    `import { oldName, level } from "../legacy/chain_a.js";\nexport function run(): void { console.log("chain:", oldName(), level); }\n`,
    `import { newName as oldName, level } from "../services/chain_c.js";\nexport function run(): void { console.log("chain:", oldName(), level); }\n`,
  ),
  ts(
    "rule-without-to",
    `import { port, oldFlag } from "../legacy/config.js";\nexport function run(): void { console.log("rule-without-to:", port, oldFlag()); }\n`,
    `import { port } from "../legacy/config.js";\nimport { flag as oldFlag } from "../services/flags.js";\nexport function run(): void { console.log("rule-without-to:", port, oldFlag()); }\n`,
  ),
  ts(
    "path-alias",
    `import { createManager as viaAlias } from "@legacy/factory";\nimport { oldName as deletedViaAlias } from "@legacy/removed";\nexport function run(): void { console.log("path-alias:", viaAlias("p") === viaAlias("q"), deletedViaAlias()); }\n`,
    `import { createContext as viaAlias } from "@services/context";\nimport { newName as deletedViaAlias } from "@services/replacement";\nexport function run(): void { console.log("path-alias:", viaAlias("p") === viaAlias("q"), deletedViaAlias()); }\n`,
    { bundleOnly: true },
  ),
];

/** `src/main.ts` running the given forms in order, awaiting the asynchronous ones (no top-level await: CJS, IIFE). */
export function mainFor(forms: readonly Form[]): string {
  const imports = forms.map((f, i) => `import { run as run${i} } from "./forms/${f.runner ?? `${f.name}.js`}";`);
  const calls = forms.map((f, i) => `  ${f.async ? "await " : ""}run${i}();`);
  return `${imports.join("\n")}\nasync function main(): Promise<void> {\n${calls.join("\n")}\n}\nvoid main();\n`;
}

/** Both trees of a build over `forms`: the user's (with rules and the deprecated modules) and the hand-migrated one. */
export function trees(forms: readonly Form[]): { unmigrated: Record<string, string>; migrated: Record<string, string> } {
  const under = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([f, t]) => [`src/forms/${f}`, t]));
  const main = { "src/main.ts": mainFor(forms) };
  return {
    unmigrated: { ...shared, ...deprecated, ...Object.assign({}, ...forms.map((f) => under(f.unmigrated))), ...main, "ssot-imports.json": JSON.stringify(rules, null, 2) },
    migrated: { ...shared, ...Object.assign({}, ...forms.map((f) => under(f.migrated))), ...main },
  };
}
