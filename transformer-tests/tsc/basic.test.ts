import { describe, it } from "vitest";
import { expectSameBehaviour } from "../helpers/differential";

const ssot = {
  "src/services/ctx.ts": `export interface Context { user: string; log: string[] }
export function createContext(user: string): Context { return { user, log: [] }; }
`,
};
const deprecated = {
  "src/ws/factory.ts": `const shared = { user: "", log: [] as string[] };
export interface Manager { user: string; log: string[] }
export function createManager(user: string): Manager { shared.user = user; return shared; }
`,
};
const rules = {
  rules: [{ from: "./src/ws/factory", to: "./src/services/ctx", symbols: { createManager: "createContext", Manager: "Context" } }],
};

describe("named imports with renames", () => {
  for (const module of ["commonjs", "esnext"]) {
    it(`behaves like the hand-migrated program (${module})`, () => {
      expectSameBehaviour({
        name: `named-${module}`,
        shared: { ...ssot, ...(module === "esnext" ? { "package.json": `{ "type": "module" }` } : {}) },
        unmigrated: {
          ...deprecated,
          "src/main.ts": `import { createManager, type Manager } from "./ws/factory${module === "esnext" ? ".js" : ""}";
const a: Manager = createManager("alice");
const b: Manager = createManager("bob");
a.log.push("hi");
console.log(a.user, b.user, b.log.length);
export function make(): Manager { return createManager("carol"); }
`,
        },
        migrated: {
          "src/main.ts": `import { createContext as createManager, type Context as Manager } from "./services/ctx${module === "esnext" ? ".js" : ""}";
const a: Manager = createManager("alice");
const b: Manager = createManager("bob");
a.log.push("hi");
console.log(a.user, b.user, b.log.length);
export function make(): Manager { return createManager("carol"); }
`,
        },
        rules,
        compilerOptions: module === "esnext" ? { module: "esnext", moduleResolution: "bundler" } : {},
        entry: "out/main.js",
      });
    });
  }
});
