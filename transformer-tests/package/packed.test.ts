import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, runNode, tsconfig, writeFiles, PLUGIN_ENTRY } from "../helpers/project";
import { TSPC, runNodeScript } from "../helpers/processes";
import { TsServer, type ProtocolDiagnostic } from "../language-service/tsserver";

// The package as npm publishes it, installed where no node_modules of this repo can be reached: the bundles
// must carry every library they use (only the user's TypeScript and esbuild come from the project).

const SOURCES = {
  "src/legacy/greeter.ts": `export function greet(name: string): string { return "shared greeting for " + name; }\n`,
  "src/ssot/greeter.ts": `export function greetUser(name: string): string { return "own greeting for " + name; }\n`,
  "src/main.ts": `import { greet } from "./legacy/greeter";\nconsole.log(greet("ada"));\n`,
};
const MIGRATED_OUTPUT = "own greeting for ada\n";
const RULES = JSON.stringify({ rules: [{ from: "./src/legacy/greeter", to: "./src/ssot/greeter", symbols: { greet: "greetUser" } }] });

let work: string;
let project: string;
let packedFiles: string[];

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "ssot-packed-"));
  const [packed] = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--pack-destination", work], { cwd: REPO_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }),
  ) as Array<{ filename: string; files: Array<{ path: string }> }>;
  packedFiles = packed.files.map((file) => file.path);
  project = path.join(work, "project");
  const installed = path.join(project, "node_modules", "ssot-imports");
  fs.mkdirSync(installed, { recursive: true });
  execFileSync("tar", ["-xzf", path.join(work, packed.filename), "-C", installed, "--strip-components=1"]);
  // The peers a user has, and unplugin, which npm installs as ssot-imports' one dependency.
  for (const peer of ["typescript", "esbuild", "rollup", "unplugin"]) {
    fs.symlinkSync(fs.realpathSync(path.join(REPO_ROOT, "node_modules", peer)), path.join(project, "node_modules", peer), "dir");
  }
  writeFiles(project, {
    ...SOURCES,
    "ssot-imports.json": RULES,
    "tsconfig.json": tsconfig({ module: "commonjs", types: [], plugins: [PLUGIN_ENTRY, { name: "ssot-imports/language-service" }] }),
    "tests/main.test.ts": `import { greet } from "../src/legacy/greeter";\nit("greets", () => {\n  expect(greet("ada")).toBe("own greeting for ada");\n});\n`,
    "jest.config.js": `module.exports = { testEnvironment: "node", transform: { "^.+\\\\.ts$": ["ssot-imports/jest", { transformer: "@swc/jest" }] } };\n`,
    "bundle.cjs": [
      `const { ssotImports } = require("ssot-imports/esbuild");`,
      `require("esbuild").build({ entryPoints: ["src/main.ts"], bundle: true, platform: "node", outfile: "bundle/main.js", plugins: [ssotImports()], logLevel: "error" })`,
      `  .catch((error) => { console.error(error.message); process.exit(1); });`,
    ].join("\n"),
    // Rollup reads TypeScript only through a plugin; esbuild's transform stands in for one here.
    "rollup.mjs": [
      `import { rollup } from "rollup";`,
      `import { transform } from "esbuild";`,
      `import { ssotImports } from "ssot-imports/rollup";`,
      `const typescript = { name: "ts", resolveId: (id, importer) => importer && id.startsWith(".") ? new URL(id + ".ts", "file://" + importer).pathname : null, transform: (code, id) => id.endsWith(".ts") ? transform(code, { loader: "ts" }).then((r) => ({ code: r.code })) : null };`,
      `const build = await rollup({ input: "src/main.ts", plugins: [ssotImports(), typescript] });`,
      `await build.write({ file: "rollup-out/main.mjs", format: "esm" });`,
    ].join("\n"),
  });
}, 120_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe("the published package", () => {
  it("holds the bundles, their declarations, the schema and the third-party licences, and no sources", () => {
    expect(packedFiles).toEqual(expect.arrayContaining([
      "dist/tsc/index.js", "dist/tsc/index.d.ts", "dist/esbuild/index.js", "dist/esbuild/unbundled.js", "dist/cli/main.js",
      "dist/tsc/index.bundle.js", "dist/esbuild/index.bundle.js", "dist/bundlers/vite.js", "dist/bundlers/webpack.js", "dist/esbuild/unbundled.bundle.js", "dist/cli/main.bundle.js", "dist/loader/code-cache.js",
      "dist/jest/index.js", "dist/jest/index.bundle.js", "dist/jest/index.d.ts",
      "dist/index.js", "dist/index.d.ts", "dist/THIRD-PARTY-LICENSES.md", "schema.json", "package.json", "README.md",
      // tsserver loads plugins by name, ignoring "exports": this file must exist at the package's root.
      "language-service/index.js", "dist/language-service/index.js", "dist/language-service/index.bundle.js", "dist/language-service/index.d.ts",
    ]));
    expect(packedFiles.filter((file) => file.startsWith("src/") || file.includes("node_modules/"))).toEqual([]);
    const licences = fs.readFileSync(path.join(project, "node_modules", "ssot-imports", "dist", "THIRD-PARTY-LICENSES.md"), "utf8");
    for (const bundled of ["jsonc-parser", "magic-string", "es-module-lexer", "commander", "picocolors"]) expect(licences).toContain(`## ${bundled} `);
  });

  it("declares one runtime dependency, unplugin, pinned (only the bundler adapters load it; everything else is bundled)", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(project, "node_modules", "ssot-imports", "package.json"), "utf8"));
    expect(manifest.dependencies ?? {}).toEqual({ unplugin: "3.7.0" });
  });

  it("builds with tspc from the installed copy, with nothing else installed", () => {
    const build = runNodeScript(TSPC, ["-p", "tsconfig.json"], project, { ...process.env, TSP_COMPILER_TS_PATH: path.join(project, "node_modules", "typescript") });
    expect(build.stderr + build.stdout).toBe("");
    expect(build.status).toBe(0);
    expect(runNode(path.join(project, "out", "main.js"))).toBe(MIGRATED_OUTPUT);
    expect(fs.readFileSync(path.join(project, "out", "main.js"), "utf8")).toContain("./ssot/greeter");
  });

  it("bundles with esbuild from the installed copy", () => {
    const build = runNodeScript(path.join(project, "bundle.cjs"), [], project);
    expect(build.stderr).toBe("");
    expect(build.status).toBe(0);
    expect(runNode(path.join(project, "bundle", "main.js"))).toBe(MIGRATED_OUTPUT);
  });

  it("runs Jest's transformer from the installed copy", () => {
    fs.mkdirSync(path.join(project, "node_modules", "@swc"), { recursive: true });
    fs.symlinkSync(fs.realpathSync(path.join(REPO_ROOT, "node_modules", "@swc", "jest")), path.join(project, "node_modules", "@swc", "jest"), "dir");
    const run = runNodeScript(path.join(REPO_ROOT, "node_modules", "jest", "bin", "jest.js"), ["--ci", "--no-watchman", "--no-cache"], project);
    expect(run.stderr).toContain("1 passed, 1 total");
    expect(run.status).toBe(0);
  });

  it("loads in tsserver by its name from the installed copy", async () => {
    const server = new TsServer("6.0", project);
    try {
      const main = path.join(fs.realpathSync(project), "src", "main.ts");
      await server.open(main);
      const hints = await server.request<ProtocolDiagnostic[]>("suggestionDiagnosticsSync", { file: main });
      expect(hints.filter((d) => d.code === 990001).map((d) => d.start)).toEqual([{ line: 1, offset: 23 }]);
      expect(server.log()).toContain("ssot-imports: 1 rules from");
    } finally {
      server.close();
    }
  });

  it("bundles with Rollup and ssot-imports/rollup from the installed copy (unplugin loaded as a package)", () => {
    const build = runNodeScript(path.join(project, "rollup.mjs"), [], project);
    expect(build.stderr).toBe("");
    expect(build.status).toBe(0);
    expect(runNode(path.join(project, "rollup-out", "main.mjs"))).toBe(MIGRATED_OUTPUT);
  });

  it("runs the CLI from the installed copy", () => {
    const report = runNodeScript(path.join(project, "node_modules", "ssot-imports", "dist", "cli", "main.js"), ["report", "--format", "json"], project);
    expect(report.stderr).toBe("");
    const { violations } = JSON.parse(report.stdout) as { violations: Array<{ file: string; line: number }> };
    expect(violations.map((v) => [v.file, v.line])).toEqual([["src/main.ts", 1]]);
  });

  it("sets a fresh project up with init from the installed copy, and it then builds with tspc", () => {
    const fresh = path.join(work, "fresh");
    writeFiles(fresh, { ...SOURCES, "tsconfig.json": tsconfig({ module: "commonjs", types: [] }) });
    fs.mkdirSync(path.join(fresh, "node_modules"));
    for (const name of ["ssot-imports", "typescript"]) fs.symlinkSync(fs.realpathSync(path.join(project, "node_modules", name)), path.join(fresh, "node_modules", name), "dir");
    const cli = path.join(fresh, "node_modules", "ssot-imports", "dist", "cli", "main.js");
    const init = runNodeScript(cli, ["init", "--yes", "--from", "./src/legacy/greeter", "--to", "./src/ssot/greeter", "--symbol", "greet=greetUser"], fresh);
    expect(init.stderr).toBe("");
    expect(init.status).toBe(0);
    expect(fs.existsSync(path.join(fresh, "node_modules", "ssot-imports", "schema.json"))).toBe(true);
    const build = runNodeScript(TSPC, ["-p", "tsconfig.json"], fresh, { ...process.env, TSP_COMPILER_TS_PATH: path.join(fresh, "node_modules", "typescript") });
    expect(build.stderr + build.stdout).toBe("");
    expect(runNode(path.join(fresh, "out", "main.js"))).toBe(MIGRATED_OUTPUT);
  });
});
