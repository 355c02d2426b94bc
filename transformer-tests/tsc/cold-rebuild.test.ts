/**
 * The cold build's shortcuts in the rebuilt Program (src/tsc/rebuild-program.ts, resolution-reuse.ts,
 * first-program-resolver.ts) must not change what the build reports or resolves:
 * - the output-path check the rebuild skips still runs when the rewrite brings a file the first Program did not hold;
 * - resolutions the first Program made are taken from it, not probed on disk again.
 */
import { createRequire } from "node:module";
import * as path from "node:path";
import type * as TS from "typescript";
import { describe, expect, it } from "vitest";
import { buildVariants } from "../helpers/differential";
import { createProject, REPO_ROOT, tsconfig } from "../helpers/project";

const require = createRequire(import.meta.url);
const ts: typeof TS = require("typescript");
type Transformer = (program: TS.Program, host: TS.CompilerHost, config: object, extras: { ts: typeof TS }) => TS.Program;

const CONTEXT_JS = `exports.createContext = function (user) { return { user: user, via: "ssot" }; };\n`;
const CONTEXT_DTS_FREE_MAIN = (specifier: string, name: string) => `import { ${name} } from "${specifier}";\nconsole.log(createContext("ada").user);\n`;

describe("the rebuilt Program's output-path check", () => {
  it("reports a rewritten import's new target that would overwrite itself, as the hand-migrated build does", () => {
    // No outDir, allowJs, and only main.ts listed: the SSOT module is JavaScript that enters the Program only
    // through the rewritten import, and its output would be the file itself (TS5055).
    const { plugin, plain } = buildVariants({
      name: "cold-output-paths",
      shared: { "src/services/ctx.js": CONTEXT_JS },
      unmigrated: {
        "src/ws/factory.ts": `export function createManager(user: string) { return { user, via: "legacy" }; }\n`,
        "src/main.ts": CONTEXT_DTS_FREE_MAIN("./ws/factory", "createManager as createContext"),
      },
      migrated: { "src/main.ts": CONTEXT_DTS_FREE_MAIN("./services/ctx", "createContext") },
      rules: { rules: [{ from: "./src/ws/factory", to: "./src/services/ctx", symbols: { createManager: "createContext" } }] },
      compilerOptions: { allowJs: true, outDir: undefined, declaration: false },
      tsconfigExtra: { files: ["src/main.ts"], include: undefined },
      entry: "src/main.js",
    });
    expect(plain.build.diagnostics.some((d) => d.includes("TS5055")), "the case must make tsc report TS5055").toBe(true);
    const inProject = (dir: string) => (diagnostics: string[]) => diagnostics.map((d) => d.split(dir.split(path.sep).join("/")).join("<project>"));
    expect(inProject(plugin.dir)(plugin.build.diagnostics)).toEqual(inProject(plain.dir)(plain.build.diagnostics));
    expect(plugin.build.written).not.toContain("src/services/ctx.js");
  });
});

describe("module resolution in the plugin", () => {
  it("asks the file system nothing for imports the first Program resolved", () => {
    // ctx.ts is imported by other.ts from the same folder with the specifier the rewrite will write, so
    // every resolution the plugin needs is one the first Program made.
    const dir = createProject(
      {
        "src/ws/factory.ts": `export function createManager(user: string) { return { user }; }\n`,
        "src/services/ctx.ts": `export function createContext(user: string) { return { user }; }\n`,
        "src/util.ts": `export const shout = (s: string) => s.toUpperCase();\n`,
        "src/main.ts": `import { createManager } from "./ws/factory";\nimport { shout } from "./util";\nconsole.log(shout(createManager("ada").user));\n`,
        "src/other.ts": `import { createContext } from "./services/ctx";\nexport const other = createContext("bob");\n`,
        "ssot-imports.json": JSON.stringify({ rules: [{ from: "./src/ws/factory", to: "./src/services/ctx", symbols: { createManager: "createContext" } }] }),
        "tsconfig.json": tsconfig({ module: "esnext", moduleResolution: "bundler", target: "es2022" }),
      },
      "cold-resolution",
    );
    const parsed = ts.getParsedCommandLineOfConfigFile(path.join(dir, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const host = ts.createCompilerHost(parsed.options);
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, host });
    const probes: string[] = [];
    const fileExists = host.fileExists.bind(host);
    const directoryExists = host.directoryExists!.bind(host);
    host.fileExists = (file) => (probes.push(file), fileExists(file));
    host.directoryExists = (folder) => (probes.push(folder), directoryExists(folder));
    const transform = require(path.join(REPO_ROOT, "dist/tsc/index.js")).default as Transformer;
    const rebuilt = transform(program, host, { transform: "ssot-imports/tsc", transformProgram: true }, { ts });
    expect(rebuilt.getSourceFile(path.join(dir, "src/main.ts").split(path.sep).join("/"))?.text).toContain("./services/ctx");
    // Finding the rules file and checking that the modules it names exist is the rules loader's business;
    // nothing else may touch the disk.
    const project = dir.split(path.sep).join("/");
    const rulesLoading = new Set([project, `${project}/ssot-imports.json`, `${project}/tsconfig.json`, `${project}/src/ws/factory.ts`, `${project}/src/services/ctx.ts`]);
    // The rebuilt Program's own cache looks once for the package.json that scopes the default library files.
    const libraryScope = (p: string) => p.includes("/node_modules/typescript");
    expect(probes.filter((p) => !rulesLoading.has(p) && !libraryScope(p))).toEqual([]);
  });
});
