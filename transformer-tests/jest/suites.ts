/**
 * A small project mid-migration and its test suite, twice: as the user has it (tests and sources import the
 * deprecated modules) and as they would migrate it by hand. The deprecated factory shares one manager between
 * all users (the leak); the SSOT gives each user their own context and refuses an anonymous one.
 */

export const RULES = {
  rules: [
    { from: "./src/old", to: "./src/new", symbols: { createManager: "createContext" } },
    // A module that only moved: its exports keep their names, so a mock factory of it can follow it.
    { from: "./src/legacy-format", to: "./src/format" },
  ],
};

const TSCONFIG = JSON.stringify({
  compilerOptions: { module: "commonjs", target: "es2022", strict: true, esModuleInterop: true, types: [], skipLibCheck: true },
  include: ["src", "tests"],
});

/** ts-jest type-checks the tests: Jest's globals, typed as @types/jest types them (`requireActual` gives `any`). */
const GLOBALS = `import type * as G from "@jest/globals";
declare global {
  const describe: typeof G.describe;
  const it: typeof G.it;
  const expect: typeof G.expect;
  const jest: Omit<typeof G.jest, "requireActual"> & { requireActual(moduleName: string): any };
  const process: { env: Record<string, string | undefined> };
}
`;

export const SHARED: Record<string, string> = {
  "tsconfig.json": TSCONFIG,
  "tests/globals.d.ts": GLOBALS,
  "src/new.ts": `export interface Context {
  readonly user: string;
  send(message: string): void;
  history(): string[];
}
export type Manager = Context;
export const kind = "new";
const contexts = new Map<string, Context>();
export function createContext(user: string): Context {
  if (user === "") throw new Error("a user is required");
  let context = contexts.get(user);
  if (!context) {
    const log: string[] = [];
    context = { user, send: (message) => void log.push(message), history: () => [...log] };
    contexts.set(user, context);
  }
  return context;
}
`,
  "src/format.ts": "export function label(user: string): string {\n  return `[${user}]`;\n}\n",
};

/** The deprecated modules: still on disk for the unmigrated project, which imports them everywhere. */
const DEPRECATED: Record<string, string> = {
  "src/old.ts": `export interface Manager {
  readonly user: string;
  send(message: string): void;
  history(): string[];
}
export const kind = "old";
let shared: Manager | undefined;
const log: string[] = [];
export function createManager(user: string): Manager {
  shared ??= { user, send: (message) => void log.push(message), history: () => [...log] };
  return shared;
}
`,
  "src/legacy-format.ts": "export function label(user: string): string {\n  return `<${user}>`;\n}\n",
};

/** One file as the user wrote it and as migrated by hand. */
interface Twin {
  unmigrated: string;
  migrated: string;
}

const TWINS: Record<string, Twin> = {
  "src/chat.ts": {
    unmigrated: `import { createManager } from "./old";
import { label } from "./legacy-format";
export function say(user: string, text: string): string[] {
  const manager = createManager(user);
  manager.send(\`\${label(user)} \${text}\`);
  return manager.history();
}
`,
    migrated: `import { createContext } from "./new";
import { label } from "./format";
export function say(user: string, text: string): string[] {
  const manager = createContext(user);
  manager.send(\`\${label(user)} \${text}\`);
  return manager.history();
}
`,
  },
  "tests/isolation.test.ts": {
    unmigrated: `import { createManager, kind, type Manager } from "../src/old";
import { say } from "../src/chat";
describe("isolation", () => {
  it("runs the SSOT module", () => {
    expect(kind).toBe("new");
  });
  it("gives each user their own history", () => {
    say("alice", "hi");
    say("bob", "yo");
    expect(createManager("alice").history()).toEqual(["[alice] hi"]);
  });
  it("returns the same manager to the same user", () => {
    const first: Manager = createManager("carol");
    expect(createManager("carol")).toBe(first);
  });
  it("refuses an anonymous user", () => {
    expect(() => createManager("")).toThrow("a user is required");
  });
  it("fails either way: a new user's history is not empty", () => {
    expect(createManager("dave").history()).not.toEqual([]);
  });
});
`,
    migrated: `import { createContext, kind, type Manager } from "../src/new";
import { say } from "../src/chat";
describe("isolation", () => {
  it("runs the SSOT module", () => {
    expect(kind).toBe("new");
  });
  it("gives each user their own history", () => {
    say("alice", "hi");
    say("bob", "yo");
    expect(createContext("alice").history()).toEqual(["[alice] hi"]);
  });
  it("returns the same manager to the same user", () => {
    const first: Manager = createContext("carol");
    expect(createContext("carol")).toBe(first);
  });
  it("refuses an anonymous user", () => {
    expect(() => createContext("")).toThrow("a user is required");
  });
  it("fails either way: a new user's history is not empty", () => {
    expect(createContext("dave").history()).not.toEqual([]);
  });
});
`,
  },
  "tests/automock.test.ts": {
    unmigrated: `import { createManager } from "../src/old";
import { say } from "../src/chat";
jest.mock("../src/old");
describe("an automock of the deprecated module", () => {
  it("is the module chat.ts uses", () => {
    jest.mocked(createManager).mockReturnValue({ user: "x", send: () => undefined, history: () => ["mocked"] });
    expect(say("alice", "hi")).toEqual(["mocked"]);
    expect(createManager).toHaveBeenCalledWith("alice");
  });
  it("mocks its functions", () => {
    expect(jest.isMockFunction(createManager)).toBe(true);
  });
});
`,
    migrated: `import { createContext } from "../src/new";
import { say } from "../src/chat";
jest.mock("../src/new");
describe("an automock of the deprecated module", () => {
  it("is the module chat.ts uses", () => {
    jest.mocked(createContext).mockReturnValue({ user: "x", send: () => undefined, history: () => ["mocked"] });
    expect(say("alice", "hi")).toEqual(["mocked"]);
    expect(createContext).toHaveBeenCalledWith("alice");
  });
  it("mocks its functions", () => {
    expect(jest.isMockFunction(createContext)).toBe(true);
  });
});
`,
  },
  "tests/require-actual.test.ts": {
    unmigrated: `jest.mock("../src/old");
import { createManager } from "../src/old";
import { say } from "../src/chat";
describe("jest.requireActual of the deprecated module", () => {
  it("serves the real factory behind the automock", () => {
    jest.mocked(createManager).mockImplementation(jest.requireActual("../src/old").createManager);
    expect(say("erin", "one")).toEqual(["[erin] one"]);
    expect(say("frank", "two")).toEqual(["[frank] two"]);
  });
  it("can be destructured", () => {
    const { createManager: real, kind } = jest.requireActual("../src/old");
    expect(kind).toBe("new");
    expect(real("gina")).not.toBe(real("hank"));
  });
});
`,
    migrated: `jest.mock("../src/new");
import { createContext } from "../src/new";
import { say } from "../src/chat";
describe("jest.requireActual of the deprecated module", () => {
  it("serves the real factory behind the automock", () => {
    jest.mocked(createContext).mockImplementation(jest.requireActual("../src/new").createContext);
    expect(say("erin", "one")).toEqual(["[erin] one"]);
    expect(say("frank", "two")).toEqual(["[frank] two"]);
  });
  it("can be destructured", () => {
    const { createContext: real, kind } = jest.requireActual("../src/new");
    expect(kind).toBe("new");
    expect(real("gina")).not.toBe(real("hank"));
  });
});
`,
  },
  "tests/moved-module.test.ts": {
    unmigrated: `jest.mock("../src/legacy-format", () => ({ label: (user: string) => \`mocked \${user}\` }));
import { say } from "../src/chat";
it("a factory mock of a module that only moved follows it", () => {
  expect(say("ivy", "x")).toEqual(["mocked ivy x"]);
});
`,
    migrated: `jest.mock("../src/format", () => ({ label: (user: string) => \`mocked \${user}\` }));
import { say } from "../src/chat";
it("a factory mock of a module that only moved follows it", () => {
  expect(say("ivy", "x")).toEqual(["mocked ivy x"]);
});
`,
  },
  // The factory returns the deprecated export names: no rewrite of the call alone can be right, so the
  // transformer refuses it as the tsc plugin does, where the hand-migrated mock names the SSOT's exports.
  "tests/factory.test.ts": {
    unmigrated: `import { say } from "../src/chat";
jest.mock("../src/old", () => ({ createManager: () => ({ user: "m", send: () => undefined, history: () => ["from the factory"] }) }));
it("mocks the factory", () => {
  expect(say("jo", "x")).toEqual(["from the factory"]);
});
`,
    migrated: `import { say } from "../src/chat";
jest.mock("../src/new", () => ({ createContext: () => ({ user: "m", send: () => undefined, history: () => ["from the factory"] }) }));
it("mocks the factory", () => {
  expect(say("jo", "x")).toEqual(["from the factory"]);
});
`,
  },
};

/** The suite whose unmigrated form the transformer must refuse, and where (1-based line and column). */
export const REFUSED = { file: "tests/factory.test.ts", line: 2, column: 11 };

export function unmigratedProject(): Record<string, string> {
  return { ...SHARED, ...DEPRECATED, ...Object.fromEntries(Object.entries(TWINS).map(([file, twin]) => [file, twin.unmigrated])), "ssot-imports.json": JSON.stringify(RULES, null, 2) };
}

/** The hand-migrated project: the deprecated modules are gone, and so is the rules file. */
export function migratedProject(): Record<string, string> {
  return { ...SHARED, ...Object.fromEntries(Object.entries(TWINS).map(([file, twin]) => [file, twin.migrated])) };
}
