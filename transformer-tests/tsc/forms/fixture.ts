import type { Fixture } from "../../helpers/forms";

/**
 * The modules the form tests import. Every deprecated module behaves observably unlike its SSOT replacement:
 * it logs a different line on load, its factory hands out one shared object where the SSOT one makes a fresh
 * one, its functions return other strings. A form whose import is not rewritten therefore prints something
 * else, and a form whose import is rewritten wrongly crashes or fails to compile.
 */
export const shared: Record<string, string> = {
  // No @types/node (types: []): just enough of node for `require` in CommonJS forms.
  "src/globals.d.ts": `declare function require(id: string): any;\n`,
  "src/services/context.ts": `console.log("load services/context");
export interface Context { user: string; log: string[] }
export interface Options { label: string }
export type ContextId = string;
export function createContext(user: string): Context { return { user, log: [] }; }
export const VERSION = "context-2";
export function describe(c: Context): string { return c.user + "/" + c.log.length; }
export default function defaultContext(): Context { return createContext("default"); }
`,
  "src/services/greetings.ts": `export function greet(name: string): string { return "hello " + name; }
export default function farewell(name: string): string { return "bye " + name; }
`,
  "src/services/setup.ts": `console.log("load services/setup");
export const installed = "setup-new";
`,
  // The chain's middle module is itself deprecated, but it exists in both trees.
  "src/legacy/chain_b.ts": `export function midName(): string { return "b:mid"; }
export const level = "b";
`,
  "src/services/chain_c.ts": `export function newName(): string { return "c:new"; }
export const level = "c";
`,
  "src/services/text.ts": `export function upper(s: string): string { return s.toUpperCase(); }
`,
  "src/services/math.ts": `export function countOf(xs: readonly unknown[]): number { return xs.length; }
`,
  // A rule without module-level "to": only oldFlag moves, port stays here.
  "src/legacy/config.ts": `export const port = 8080;
export function oldFlag(): string { return "old-flag"; }
`,
  "src/services/flags.ts": `export function flag(): string { return "new-flag"; }
`,
  "src/services/replacement.ts": `export function newName(): string { return "replacement"; }
`,
  "src/services/store/index.ts": `export function createStore(): string { return "new store"; }
`,
  // Same file name as the deprecated factory, other folder: never touched.
  "src/other/factory.ts": `console.log("load other/factory");
export function createManager(user: string): { user: string } { return { user: "other:" + user }; }
`,
};

/** Present only in the unmigrated tree; `legacy/removed` exists in neither. */
export const deprecated: Record<string, string> = {
  "src/legacy/factory.ts": `console.log("load legacy/factory");
export interface Manager { user: string; log: string[] }
export interface Options { label: string }
export type ManagerId = string;
const shared: Manager = { user: "", log: [] };
export function createManager(user: string): Manager { shared.user = user; return shared; }
export const VERSION = "factory-1";
export function describe(m: Manager): string { return m.user + "/" + m.log.length; }
export default function defaultManager(): Manager { return createManager("default"); }
`,
  "src/legacy/greeter.ts": `export default function greet(name: string): string { return "old hello " + name; }
export function farewell(name: string): string { return "old bye " + name; }
`,
  "src/legacy/polyfill.ts": `console.log("load legacy/polyfill");
export const installed = "polyfill-old";
`,
  "src/legacy/chain_a.ts": `export function oldName(): string { return "a:old"; }
export const level = "a";
`,
  "src/legacy/helpers.ts": `export function shout(s: string): string { return s + "!"; }
export function count(xs: readonly unknown[]): number { return xs.length * 100; }
`,
  "src/legacy/store/index.ts": `export function openStore(): string { return "old store"; }
`,
};

export const rules: Fixture["rules"] = {
  rules: [
    {
      from: "./src/legacy/factory",
      to: "./src/services/context",
      symbols: { createManager: "createContext", Manager: "Context", ManagerId: "ContextId" },
      message: "Use the per-user context",
    },
    { from: "./src/legacy/greeter", to: "./src/services/greetings", symbols: { default: "greet", farewell: "default" } },
    { from: "./src/legacy/polyfill", to: "./src/services/setup" },
    { from: "./src/legacy/chain_a", to: "./src/legacy/chain_b", symbols: { oldName: "midName" } },
    { from: "./src/legacy/chain_b", to: "./src/services/chain_c", symbols: { midName: "newName" } },
    { from: "./src/legacy/helpers", to: "./src/services/text", symbols: { shout: "upper", count: { to: "./src/services/math", name: "countOf" } } },
    { from: "./src/legacy/config", symbols: { oldFlag: { to: "./src/services/flags", name: "flag" } } },
    { from: "./src/legacy/removed", to: "./src/services/replacement", symbols: { oldName: "newName" } },
    { from: "./src/legacy/store", to: "./src/services/store", symbols: { openStore: "createStore" } },
  ],
};

export const fixture: Fixture = {
  shared,
  deprecated,
  rules,
  // Only the unmigrated importers use the alias; TypeScript 6 resolves `paths` against the tsconfig folder.
  compilerOptions: { paths: { "@legacy/*": ["./src/legacy/*"] } },
};
