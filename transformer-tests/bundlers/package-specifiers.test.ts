/**
 * Package specifiers under every bundler, webpack and Rspack included (their hooks have no `this.resolve`; the
 * plugin asks their resolver): a rule whose `from` is a package and whose SSOT is another package, and a rule
 * whose `from` is a project file that importers reach through a workspace package (a symlink in node_modules).
 * The plugin's build of the unmigrated project must print what the plain build of the hand-migrated twin
 * prints, and load neither deprecated module. So must an alias of the bundler's own config (not the tsconfig's). Before, webpack silently bundled the workspace package's old file,
 * and Rspack refused to link the facade of a package without a default export.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { bundleAndRun, type BundlerName } from "../helpers/bundlers";
import { createProject } from "../helpers/project";

const BUNDLERS: readonly BundlerName[] = ["vite", "rollup", "rolldown", "webpack", "rspack"];

const SHARED = {
  "node_modules/old-lib/package.json": JSON.stringify({ name: "old-lib", version: "1.0.0", type: "module", main: "index.js" }),
  "node_modules/old-lib/index.js": `console.log("load old-lib");\nexport function shout(s) { return "old " + s; }\n`,
  "node_modules/new-lib/package.json": JSON.stringify({ name: "new-lib", version: "2.0.0", type: "module", main: "index.js" }),
  "node_modules/new-lib/index.js": `export function shout(s) { return "NEW " + s.toUpperCase(); }\n`,
  "packages/legacy/package.json": JSON.stringify({ name: "@app/legacy", version: "1.0.0", exports: { "./factory": "./factory.ts" } }),
  "packages/legacy/factory.ts": `console.log("load legacy/factory");\nexport function createManager(user: string) { return { user: "legacy:" + user }; }\n`,
  "src/services/context.ts": `export function createContext(user: string) { return { user: "ctx:" + user }; }\n`,
  "tsconfig.json": JSON.stringify({ compilerOptions: { target: "es2022", module: "esnext", moduleResolution: "bundler", strict: true } }),
};

const RULES = {
  rules: [
    { from: "old-lib", to: "new-lib" },
    { from: "./packages/legacy/factory", to: "./src/services/context", symbols: { createManager: "createContext" } },
  ],
};

const UNMIGRATED = `import { shout } from "old-lib";\nimport { createManager } from "@app/legacy/factory";\nconsole.log(shout("hi"), createManager("a").user);\n`;
const MIGRATED = `import { shout } from "new-lib";\nimport { createContext as createManager } from "./services/context";\nconsole.log(shout("hi"), createManager("a").user);\n`;

/** The workspace package, linked as a package manager links it. */
function project(main: string, name: string): string {
  const dir = createProject({ ...SHARED, "ssot-imports.json": JSON.stringify(RULES), "src/main.ts": main }, name);
  fs.mkdirSync(path.join(dir, "node_modules/@app"), { recursive: true });
  fs.symlinkSync(path.join(dir, "packages/legacy"), path.join(dir, "node_modules/@app/legacy"), "dir");
  return dir;
}

/** The bundlers whose test config (helpers/bundlers.ts) maps `@legacy/…` to src/legacy itself. */
const ALIASED: ReadonlySet<BundlerName> = new Set(["rollup", "webpack", "rspack"]);

const ALIAS_FILES = {
  "src/legacy/factory.ts": `console.log("load legacy");\nexport function createManager(user: string) { return { user: "legacy:" + user }; }\n`,
  "src/services/context.ts": SHARED["src/services/context.ts"],
  "tsconfig.json": SHARED["tsconfig.json"],
  "ssot-imports.json": JSON.stringify({ rules: [{ from: "./src/legacy/factory", to: "./src/services/context", symbols: { createManager: "createContext" } }] }),
};

describe.each(BUNDLERS)("%s: package specifiers, deprecated and SSOT", (bundler) => {
  it("a package rule and a workspace package leading into a deprecated file build like the hand-migrated twin", async () => {
    const plain = await bundleAndRun({ dir: project(MIGRATED, `packages-${bundler}-plain`), bundler, format: "esm" });
    const plugin = await bundleAndRun({ dir: project(UNMIGRATED, `packages-${bundler}-plugin`), bundler, format: "esm", plugin: {} });
    expect(plain.stdout).toBe("NEW HI ctx:a\n");
    expect(plugin.stdout).toBe(plain.stdout);
    expect(plugin.stdout).not.toMatch(/load /);
  });

  // The alias is the bundler config's own (helpers/bundlers.ts); the tsconfig has no `paths` the matcher could follow.
  it.runIf(ALIASED.has(bundler))("an alias of the bundler's config leading into a deprecated file builds like the hand-migrated twin", async () => {
    const aliased = (main: string, name: string) => createProject({ ...ALIAS_FILES, "src/main.ts": main }, name);
    const plain = await bundleAndRun({ dir: aliased(`import { createContext as createManager } from "./services/context";\nconsole.log(createManager("a").user);\n`, `alias-${bundler}-plain`), bundler, format: "esm" });
    const plugin = await bundleAndRun({ dir: aliased(`import { createManager } from "@legacy/factory";\nconsole.log(createManager("a").user);\n`, `alias-${bundler}-plugin`), bundler, format: "esm", plugin: {} });
    expect(plain.stdout).toBe("ctx:a\n");
    expect(plugin.stdout).toBe(plain.stdout);
  });
});
