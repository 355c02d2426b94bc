/**
 * tsc keeps the Program the plugin returns and drops the one it created. If anything of the plugin still held
 * the first Program (a resolution cache handed to the rebuilt one, a host that serves its files, a closure of
 * the matcher), a build would carry two Programs to its end: ~5 MB more on the bench's 1,000 modules, with the
 * 1.10× peak-memory target already close. The first Program must be collectable once the plugin returns.
 */
import { createRequire } from "node:module";
import * as path from "node:path";
import * as v8 from "node:v8";
import * as vm from "node:vm";
import type * as TS from "typescript";
import { describe, expect, it } from "vitest";
import { createProject, REPO_ROOT, tsconfig } from "../helpers/project";

const require = createRequire(import.meta.url);
const ts: typeof TS = require("typescript");
type Transformer = (program: TS.Program, host: TS.CompilerHost, config: object, extras: { ts: typeof TS }) => TS.Program;

/** A full collection; the flag is set for this test only, and the function taken from a fresh context. */
function collectGarbage(): void {
  v8.setFlagsFromString("--expose-gc");
  (vm.runInNewContext("gc") as () => void)();
}

/** A WeakRef keeps its target alive until the current job ends: ask again only after a macrotask. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 10));

function project(): string {
  return createProject(
    {
      "src/ws/factory.ts": `export function createManager(user: string) { return { user }; }\n`,
      "src/services/ctx.ts": `export function createContext(user: string) { return { user, log: [] as string[] }; }\n`,
      "src/main.ts": `import { createManager } from "./ws/factory";\nconsole.log(createManager("alice").user);\n`,
      "src/other.ts": `export const unrelated = 1;\n`,
      "ssot-imports.json": JSON.stringify({ rules: [{ from: "./src/ws/factory", to: "./src/services/ctx", symbols: { createManager: "createContext" } }] }),
      "tsconfig.json": tsconfig({ module: "commonjs", target: "es2022" }),
    },
    "memory",
  );
}

describe("the tsc plugin's memory", () => {
  it("keeps nothing of the first Program once it has returned the rebuilt one", async () => {
    const transform = require(path.join(REPO_ROOT, "dist/tsc/index.js")).default as Transformer;
    const dir = project();
    const parsed = ts.getParsedCommandLineOfConfigFile(path.join(dir, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const host = ts.createCompilerHost(parsed.options);
    const { rebuilt, first } = (() => {
      const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, host });
      return { rebuilt: transform(program, host, { transform: "ssot-imports/tsc", transformProgram: true }, { ts }), first: new WeakRef(program) };
    })();
    // The plugin did rebuild: the rebuilt Program sees the rewritten import.
    expect(rebuilt).not.toBe(first.deref());
    expect(rebuilt.getSourceFile(path.join(dir, "src/main.ts").split(path.sep).join("/"))?.text).toContain("./services/ctx");
    await nextTask();
    collectGarbage();
    await nextTask();
    collectGarbage();
    expect(first.deref()).toBeUndefined();
    expect(rebuilt.getSourceFiles().length).toBeGreaterThan(0);
  });
});
