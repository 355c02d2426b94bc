/**
 * A chain whose middle modules were deleted already: `a → b`, `b → c`, `c → d`, with only `a` (still imported)
 * and `d` (the SSOT module) on disk. Every step renames something, so a chain that stops early, or a rule that
 * is refused because its `to` is gone, changes what the program prints or fails to build.
 */
export const CHAIN_RULES = {
  rules: [
    { from: "./src/legacy/a", to: "./src/legacy/b", symbols: { makeA: "makeB", default: "defaultB" } },
    { from: "./src/legacy/b", to: "./src/legacy/c", symbols: { makeB: "makeC" } },
    { from: "./src/legacy/c", to: "./src/services/d", symbols: { makeC: "make", defaultB: "default" } },
  ],
};

export const CHAIN_SHARED: Record<string, string> = {
  "src/services/d.ts": `export function make(): string { return "d:make"; }
export const level = "d";
export default function fallback(): string { return "d:default"; }
`,
};

export const CHAIN_UNMIGRATED: Record<string, string> = {
  "src/legacy/a.ts": `export function makeA(): string { return "a:make"; }
export const level = "a";
export default function fallback(): string { return "a:default"; }
`,
  "src/main.ts": `import fallback, { makeA, level } from "./legacy/a";
import * as a from "./legacy/a";
console.log("chain:", makeA(), level, fallback(), a.makeA());
export const made: string = makeA();
`,
};

export const CHAIN_MIGRATED: Record<string, string> = {
  "src/main.ts": `import fallback, { make as makeA, level } from "./services/d";
import * as a from "./services/d";
console.log("chain:", makeA(), level, fallback(), a.make());
export const made: string = makeA();
`,
};
