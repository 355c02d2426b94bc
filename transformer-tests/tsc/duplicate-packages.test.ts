/**
 * Two node_modules copies of one package version: TypeScript keeps the second as a redirect to the first. The
 * rebuilt Program must get the copies' own files from the plugin's host (a redirect trips a TypeScript
 * assertion, "Host should not return a redirect source file"), and behave like the hand-migrated build.
 */
import { describe, it } from "vitest";
import { expectSameBehaviour } from "../helpers/differential";

const dup = (owner: string) => ({
  [`node_modules/${owner}/package.json`]: JSON.stringify({ name: owner, version: "1.0.0", main: "index.js", types: "index.d.ts" }),
  [`node_modules/${owner}/index.js`]: `exports.D = require("dup").D;\n`,
  [`node_modules/${owner}/index.d.ts`]: `export { D } from "dup";\n`,
  [`node_modules/${owner}/node_modules/dup/package.json`]: JSON.stringify({ name: "dup", version: "1.0.0", main: "index.js", types: "index.d.ts" }),
  [`node_modules/${owner}/node_modules/dup/index.js`]: `exports.D = class D { constructor() { this.x = "${owner}"; } };\n`,
  [`node_modules/${owner}/node_modules/dup/index.d.ts`]: `export declare class D { x: string }\n`,
});

describe("a package installed twice at one version", () => {
  it("is rebuilt from the copies' own files and behaves like the hand-migrated program", () => {
    const main = (from: string) => `import { D as A } from "a";
import { D as B } from "b";
import { greeting } from "${from}";
const a: A = new A();
const b: B = new B();
console.log(greeting, a.x, b.x);
`;
    expectSameBehaviour({
      name: "duplicate-packages",
      shared: { ...dup("a"), ...dup("b"), "src/new.ts": `export const greeting = "new";\n` },
      unmigrated: { "src/old.ts": `export const greeting = "old";\n`, "src/main.ts": main("./old") },
      migrated: { "src/main.ts": main("./new") },
      rules: { rules: [{ from: "./src/old", to: "./src/new" }] },
      entry: "out/main.js",
    });
  });
});
