import * as fs from "node:fs";
import * as path from "node:path";
import { PLUGIN_ENTRY, createProject, tsconfig } from "../helpers/project";

export const LS_ENTRY = { name: "ssot-imports/language-service" } as const;

/**
 * A project mid-migration that its build accepts only through the rules: the deprecated module is deleted
 * and the SSOT renamed its exports (`createManager` → `createContext`, `Manager` → `Context`). `typo.ts` has a
 * real type error, which the build reports too; everything else is clean in the build.
 */
export const RULES = {
  rules: [
    {
      from: "./src/ws/factory",
      to: "./src/services/ctx",
      symbols: { createManager: "createContext", Manager: "Context" },
      message: "Use the per-user context",
    },
  ],
};

export const FILES: Record<string, string> = {
  "src/services/ctx.ts": `export interface Context { user: string; log: string[] }
/** One context per user. */
export function createContext(user: string): Context { return { user, log: [] }; }
export const VERSION = 2;
export default function defaultContext(): Context { return createContext("anonymous"); }
`,
  "src/main.ts": `import { createManager, type Manager } from "./ws/factory";
import { helper } from "./util/helper";
const a: Manager = createManager("alice");
console.log(a.user, helper());
`,
  "src/util/helper.ts": `import * as factory from "../ws/factory";
import fallback, { VERSION } from "../ws/factory";
export function helper(): string { return factory.createManager("bob").user + VERSION + fallback().user; }
`,
  "src/typo.ts": `import { createManager } from "./ws/factory";
export const count: number = createManager("carol").user;
`,
  "src/unrelated.ts": `export const nothing = 0;
`,
};

/** The project on disk with both plugin entries; `node_modules/ssot-imports` links to this repo. */
export function createFixture(name: string, extraPlugin: Record<string, unknown> = {}): string {
  return createProject(
    {
      ...FILES,
      "ssot-imports.json": JSON.stringify(RULES, null, 2),
      "tsconfig.json": tsconfig({ module: "commonjs", target: "es2022", esModuleInterop: true, noEmit: true, plugins: [PLUGIN_ENTRY, { ...LS_ENTRY, ...extraPlugin }] }),
    },
    name,
  );
}

export function file(dir: string, relative: string): string {
  return path.join(fs.realpathSync(dir), relative).split(path.sep).join("/");
}
