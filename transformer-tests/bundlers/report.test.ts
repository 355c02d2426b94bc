/** `report`: each deprecated import as a bundler warning (`warn`), or one summary line per build (`summary`). */
import { afterEach, describe, expect, it, vi } from "vitest";
import { bundle, type BundlerName } from "../helpers/bundlers";
import { createProject } from "../helpers/project";

const SOURCES = {
  "tsconfig.json": JSON.stringify({ compilerOptions: { target: "es2022", module: "esnext", moduleResolution: "bundler", strict: true } }),
  "src/legacy/factory.ts": `export function createManager(user: string) { return { user }; }\n`,
  "src/services/context.ts": `export function createContext(user: string) { return { user: "ctx:" + user }; }\n`,
  "src/a.ts": `import { createManager } from "./legacy/factory";\nexport const a = createManager("a");\n`,
  "src/main.ts": `import { createManager } from "./legacy/factory";\nimport { a } from "./a";\nconsole.log(createManager("m").user, a.user);\n`,
  "ssot-imports.json": JSON.stringify({ rules: [{ from: "./src/legacy/factory", to: "./src/services/context", symbols: { createManager: "createContext" } }] }),
};

afterEach(() => vi.restoreAllMocks());

describe.each(["vite", "rollup", "webpack", "rspack"] as BundlerName[])("%s", (bundler) => {
  it("report: warn gives one warning per deprecated import, in the esbuild plugin's words", async () => {
    const dir = createProject(SOURCES, `${bundler}-warn`);
    const warnings = (await bundle({ dir, bundler, format: "esm", plugin: { report: "warn" } })).filter((w) => w.includes("deprecated"));
    expect(warnings).toHaveLength(2);
    for (const warning of warnings) expect(warning).toContain(`"./legacy/factory" is deprecated; bundled from ./src/services/context [rule 1 (./src/legacy/factory → ./src/services/context)]`);
  });

  it("report: summary prints one line per build", async () => {
    const dir = createProject(SOURCES, `${bundler}-summary`);
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    await bundle({ dir, bundler, format: "esm", plugin: { report: "summary" } });
    expect(log.mock.calls.map((call) => String(call[0])).filter((line) => line.startsWith("ssot-imports:"))).toEqual([
      "ssot-imports: rewrote 2 imports in 2 files (rule 1: 2 in 2 files)",
    ]);
  });
});
