/**
 * A project whose test suite runs under Vitest: unmigrated (tests and sources import and mock deprecated
 * modules) and hand-migrated. The deprecated factory hands out one shared object where the SSOT gives each
 * user their own; some sources already import the SSOT directly, which a mock of the deprecated module must
 * reach as a hand-migrated mock of the SSOT does. Test names are the same in both trees.
 */

const shared: Record<string, string> = {
  "tsconfig.json": JSON.stringify({ compilerOptions: { target: "es2022", module: "esnext", moduleResolution: "bundler", strict: true, types: [] } }),
  "package.json": JSON.stringify({ name: "vitest-fixture", private: true, type: "module" }),
  "src/services/context.ts": `export interface Context { user: string; log: string[] }
const contexts = new Map<string, Context>();
export function createContext(user: string): Context {
  let context = contexts.get(user);
  if (!context) contexts.set(user, (context = { user, log: [] }));
  return context;
}
export const VERSION = "context-2";
`,
  "src/services/greetings.ts": `export function greet(name: string): string { return "hello " + name; }\n`,
  // Already migrated: imports the SSOT modules themselves.
  "src/migrated/who.ts": `import { createContext } from "../services/context";\nexport function who(user: string): string { return createContext(user).user; }\n`,
  "src/migrated/hello.ts": `import { greet } from "../services/greetings";\nexport function hello(name: string): string { return greet(name); }\n`,
  // A dependency that imports a deprecated package: Vitest would hand it to Node, past the plugin.
  "node_modules/old-lib/package.json": JSON.stringify({ name: "old-lib", version: "1.0.0", type: "module", main: "index.js" }),
  "node_modules/old-lib/index.js": `export function shout(text) { return "old " + text; }\n`,
  "node_modules/new-lib/package.json": JSON.stringify({ name: "new-lib", version: "2.0.0", type: "module", main: "index.js" }),
  "node_modules/new-lib/index.js": `export function shout(text) { return "NEW " + text.toUpperCase(); }\n`,
};

const deprecated: Record<string, string> = {
  "src/legacy/factory.ts": `import type { Context } from "../services/context";
const shared: Context = { user: "", log: [] };
export function createManager(user: string): Context { shared.user = user; return shared; }
export const VERSION = "factory-1";
`,
  "src/legacy/greeter.ts": `export function greet(name: string): string { return "old hello " + name; }\n`,
};

export const RULES = {
  rules: [
    { from: "./src/legacy/factory", to: "./src/services/context", symbols: { createManager: "createContext" } },
    { from: "./src/legacy/greeter", to: "./src/services/greetings" },
    { from: "old-lib", to: "new-lib" },
  ],
};

/** Each test file: as written against the deprecated modules, and as migrated by hand. */
const TESTS: Array<{ file: string; unmigrated: string; migrated: string }> = [
  {
    file: "tests/imports.test.ts",
    unmigrated: `import { createManager, VERSION } from "../src/legacy/factory";
import { shout } from "uses-old-lib";
describe("imports", () => {
  it("each user gets a manager of their own", () => { expect(createManager("a")).not.toBe(createManager("b")); });
  it("the SSOT's constants", () => { expect(VERSION).toBe("context-2"); });
  it("a dependency that imports a deprecated package gets the SSOT package", () => { expect(shout("hi")).toBe("NEW HI"); });
});
`,
    migrated: `import { createContext as createManager, VERSION } from "../src/services/context";
import { shout } from "uses-old-lib";
describe("imports", () => {
  it("each user gets a manager of their own", () => { expect(createManager("a")).not.toBe(createManager("b")); });
  it("the SSOT's constants", () => { expect(VERSION).toBe("context-2"); });
  it("a dependency that imports a deprecated package gets the SSOT package", () => { expect(shout("hi")).toBe("NEW HI"); });
});
`,
  },
  {
    file: "tests/automock.test.ts",
    unmigrated: `import { createManager } from "../src/legacy/factory";
import { who } from "../src/migrated/who";
vi.mock("../src/legacy/factory");
describe("vi.mock without a factory", () => {
  it("reaches the modules that import the SSOT", () => {
    vi.mocked(createManager).mockReturnValue({ user: "mocked", log: [] });
    expect(who("x")).toBe("mocked");
  });
});
`,
    migrated: `import { createContext as createManager } from "../src/services/context";
import { who } from "../src/migrated/who";
vi.mock("../src/services/context");
describe("vi.mock without a factory", () => {
  it("reaches the modules that import the SSOT", () => {
    vi.mocked(createManager).mockReturnValue({ user: "mocked", log: [] });
    expect(who("x")).toBe("mocked");
  });
});
`,
  },
  {
    file: "tests/factory-mock.test.ts",
    unmigrated: `import { hello } from "../src/migrated/hello";
vi.mock("../src/legacy/greeter", () => ({ greet: (name: string) => "mocked " + name }));
describe("vi.mock with a factory", () => {
  it("of a module the rule does not reshape reaches the SSOT's importers", () => { expect(hello("a")).toBe("mocked a"); });
});
`,
    migrated: `import { hello } from "../src/migrated/hello";
vi.mock("../src/services/greetings", () => ({ greet: (name: string) => "mocked " + name }));
describe("vi.mock with a factory", () => {
  it("of a module the rule does not reshape reaches the SSOT's importers", () => { expect(hello("a")).toBe("mocked a"); });
});
`,
  },
  {
    file: "tests/import-actual.test.ts",
    unmigrated: `vi.mock("../src/legacy/factory");
describe("vi.importActual", () => {
  it("gives the real SSOT module, its renamed exports under their new names", async () => {
    const actual = await vi.importActual<typeof import("../src/legacy/factory")>("../src/legacy/factory");
    expect(actual.createManager("p")).not.toBe(actual.createManager("q"));
    expect(actual.createManager("p").user).toBe("p");
  });
});
`,
    migrated: `vi.mock("../src/services/context");
describe("vi.importActual", () => {
  it("gives the real SSOT module, its renamed exports under their new names", async () => {
    const actual = await vi.importActual<typeof import("../src/services/context")>("../src/services/context");
    expect(actual.createContext("p")).not.toBe(actual.createContext("q"));
    expect(actual.createContext("p").user).toBe("p");
  });
});
`,
  },
  {
    file: "tests/do-mock.test.ts",
    unmigrated: `describe("vi.doMock", () => {
  it("mocks the SSOT for the modules imported after it", async () => {
    vi.doMock("../src/legacy/greeter", () => ({ greet: () => "late mock" }));
    const { hello } = await import("../src/migrated/hello");
    expect(hello("z")).toBe("late mock");
  });
});
`,
    migrated: `describe("vi.doMock", () => {
  it("mocks the SSOT for the modules imported after it", async () => {
    vi.doMock("../src/services/greetings", () => ({ greet: () => "late mock" }));
    const { hello } = await import("../src/migrated/hello");
    expect(hello("z")).toBe("late mock");
  });
});
`,
  },
];

/** The dependency, as published: it imports the deprecated package (or, in the twin, its replacement). */
const dependency = (lib: string) => ({
  "node_modules/uses-old-lib/package.json": JSON.stringify({ name: "uses-old-lib", version: "1.0.0", type: "module", main: "index.js", dependencies: { [lib]: "*" } }),
  "node_modules/uses-old-lib/index.js": `export { shout } from "${lib}";\n`,
});

export function vitestTrees(): { unmigrated: Record<string, string>; migrated: Record<string, string> } {
  const pick = (side: "unmigrated" | "migrated") => Object.fromEntries(TESTS.map((t) => [t.file, t[side]]));
  return {
    unmigrated: { ...shared, ...deprecated, ...dependency("old-lib"), ...pick("unmigrated"), "ssot-imports.json": JSON.stringify(RULES, null, 2) },
    migrated: { ...shared, ...dependency("new-lib"), ...pick("migrated") },
  };
}
