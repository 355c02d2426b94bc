/**
 * One tree for the tests of facades served at load (vite-load, webpack-load): an existing deprecated file that logs
 * when it is evaluated (a build that loads it where a facade should stand shows it), a deleted one, and the import
 * forms that reach each: named, namespace with a `.js` specifier, and the entry point's own import.
 */
export const LOAD_PLAN_SOURCES: Record<string, string> = {
  "src/legacy/factory.ts": `console.log("load legacy/factory");\nexport function createManager(user: string) { return { user }; }\n`,
  "src/services/context.ts": `export function createContext(user: string) { return { user: "ctx:" + user }; }\n`,
  "src/services/names.ts": `export const NAME = "names";\n`,
  "src/a.ts": `import { createManager } from "./legacy/factory";\nimport { NAME } from "./legacy/gone";\nexport const a = createManager("a").user + NAME;\n`,
  "src/b.ts": `import * as factory from "./legacy/factory.js";\nexport const b = factory.createManager("b").user;\n`,
  "src/main.ts": `import { createManager } from "./legacy/factory";\nimport { a } from "./a";\nimport { b } from "./b";\nconsole.log(createManager("m").user, a, b);\n`,
  "ssot-imports.json": JSON.stringify({
    rules: [
      { from: "./src/legacy/factory", to: "./src/services/context", symbols: { createManager: "createContext" } },
      { from: "./src/legacy/gone", to: "./src/services/names" },
    ],
  }),
};
