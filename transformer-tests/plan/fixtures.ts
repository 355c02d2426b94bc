/** The project most plan tables share: a deprecated factory, its SSOT replacement, and an importer beside them. */
export const FACTORY_FILES: Record<string, string> = {
  "src/old/factory.ts": `export interface Manager { user: string }
export function createManager(user: string): Manager { return { user }; }
export function helper(): number { return 1; }
export const version = 1;
export default createManager;
`,
  "src/services/ctx.ts": `export interface Context { user: string }
export function createContext(user: string): Context { return { user }; }
export function helper(): number { return 2; }
export const version = 2;
export default createContext;
`,
  "src/util/helpers.ts": `export function help(): number { return 3; }
export function assist(): number { return 4; }
`,
  "src/util/factory.ts": `export function createManager(): string { return "unrelated"; }
`,
  "src/app/main.ts": "",
};

/** Renames two exports; everything else keeps its name and moves to ctx. */
export const RENAME_RULES = {
  rules: [{ from: "./src/old/factory", to: "./src/services/ctx", symbols: { createManager: "createContext", Manager: "Context" } }],
};

/** Moves the module without renaming anything. */
export const MOVE_RULES = { rules: [{ from: "./src/old/factory", to: "./src/services/ctx" }] };

export const RENAME_LABEL = "rule 1 (./src/old/factory → ./src/services/ctx)";
export const IMPORTER = "src/app/main.ts";
