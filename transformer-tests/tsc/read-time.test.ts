/**
 * `ssot-imports-tsc`'s read-time rewrite (src/tsc/rewriting-system.ts, read-time.ts): tsc reads each project
 * file as its rewritten text, and the transformer then only checks the one Program. Each case builds the same
 * project twice, through the read-time system and through the transformer's own second createProgram, and
 * asserts the same output, besides which path was taken. (`SSOT_TEST_TSC_READ_TIME=1` runs the whole tsc
 * suite through the read-time system against the hand-migrated twins.)
 */
import * as path from "node:path";
import type * as TS from "typescript";
import { describe, expect, it } from "vitest";
import { PLUGIN_ENTRY, createProject, readTree, runNode, tsconfig } from "../helpers/project";
import { buildReadTime, buildWithPlugin } from "../helpers/tsc-build";

const files = {
  "src/services/ctx.ts": `export type ContextId = string;
export interface Context { user: ContextId; log: string[] }
export function createContext(user: ContextId): Context { return { user, log: [] }; }
`,
  "src/ws/factory.ts": `const shared = { user: "", log: [] as string[] };
export type ManagerId = string;
export interface Manager { user: ManagerId; log: string[] }
export function createManager(user: ManagerId): Manager { shared.user = user; return shared; }
export const legacyOnly = 1;
`,
  "ssot-imports.json": JSON.stringify({
    rules: [{ from: "./src/ws/factory", to: "./src/services/ctx", symbols: { createManager: "createContext", Manager: "Context", ManagerId: "ContextId" } }],
  }),
  "tsconfig.json": tsconfig({ module: "commonjs", target: "es2022", plugins: [PLUGIN_ENTRY] }),
};

const main = `import { createManager, type Manager } from "./ws/factory";
const a: Manager = createManager("alice");
const b: Manager = createManager("bob");
a.log.push("hi");
console.log(a.user, b.user, b.log.length);
`;

/** The same project built both ways: read-time (one Program) and the transformer's second createProgram. */
function buildBoth(extra: Record<string, string>, name: string) {
  const readDir = createProject({ ...files, ...extra }, `${name}-read-time`);
  const twiceDir = createProject({ ...files, ...extra }, `${name}-two-programs`);
  const read = buildReadTime(readDir);
  const twice = buildWithPlugin(twiceDir, "tsconfig.json", false);
  const fileOf = (program: TS.Program, file: string) => program.getSourceFiles().find((f) => f.fileName.endsWith(`/src/${file}`))!;
  return { read, twice, readDir, twiceDir, fileOf: (file: string) => fileOf(read.program, file) };
}

describe("ssot-imports-tsc: project files rewritten as tsc reads them", () => {
  it("puts the rewritten file into the one Program tsc builds, and emits what two Programs emit", () => {
    const { read, twice, readDir, twiceDir, fileOf } = buildBoth({ "src/main.ts": main }, "one-program");
    expect(read.result.diagnostics).toEqual([]);
    expect(twice.diagnostics).toEqual([]);
    const rewritten = fileOf("main.ts");
    expect(rewritten.text).toContain(`from "./services/ctx"`);
    // Made by the compiler host from the text it read: no second Program (whose host would have made it).
    expect(read.hostMade.has(rewritten)).toBe(true);
    expect(readTree(readDir, "out", "")).toEqual(readTree(twiceDir, "out", ""));
    expect(runNode(path.join(readDir, "out/main.js"))).toBe("alice bob 0\n");
  });

  it("leaves an `export *` whose renamed names need the type checker to the transformer", () => {
    const barrel = { "src/barrel.ts": `export * from "./ws/factory";\n`, "src/main.ts": main.replace(`"./ws/factory"`, `"./barrel"`) };
    const { read, twice, readDir, twiceDir, fileOf } = buildBoth(barrel, "export-star");
    expect(read.result.diagnostics).toEqual([]);
    expect(twice.diagnostics).toEqual([]);
    const rewritten = fileOf("barrel.ts");
    expect(rewritten.text).toContain(`type Context as Manager`);
    expect(read.hostMade.has(rewritten), "the barrel was rewritten after the first Program").toBe(false);
    expect(readTree(readDir, "out", "")).toEqual(readTree(twiceDir, "out", ""));
  });

  it("reports a plan's error at the same place as the transformer does", () => {
    const erroneous = { "src/main.ts": main.replace("createManager, type Manager", "createManager, legacyOnly, type Manager") + "console.log(legacyOnly);\n" };
    const { read, twice } = buildBoth(erroneous, "plan-error");
    expect(twice.diagnostics.length).toBeGreaterThan(0);
    expect(read.result.diagnostics).toEqual(twice.diagnostics);
    expect(read.result.written).toEqual([]);
  });

  it("checks the renamed exports of files rewritten at read time: one the SSOT module lacks fails as with two Programs", () => {
    const lacking = { "src/services/ctx.ts": files["src/services/ctx.ts"].replace("export function createContext", "function createContext"), "src/main.ts": main };
    const { read, twice } = buildBoth(lacking, "missing-export");
    expect(twice.diagnostics).toEqual([expect.stringMatching(/createContext/)]);
    expect(read.result.diagnostics).toEqual(twice.diagnostics);
    expect(read.result.written).toEqual([]);
  });
});
