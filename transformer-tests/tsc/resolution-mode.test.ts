/**
 * A package whose `exports` send `import` and `require` to different files: what an import resolves to depends
 * on how it loads the module, not only on the importing file. In a CommonJS file (node16), `import()` loads the
 * ES module build and `import x = require()` the CommonJS one; a rule that deprecates the ES module build must
 * rewrite the first and leave the second, as the compiler resolves them.
 */
import { describe, expect, it } from "vitest";
import { runCli } from "../cli/harness";
import { expectSameBehaviour } from "../helpers/differential";
import { createProject, tsconfig } from "../helpers/project";

// The deprecated file's name is in the specifier (`dual/greeter`), as the pre-filter needs (README, Limits).
const DUAL_PACKAGE = {
  "node_modules/dual/package.json": JSON.stringify({
    name: "dual",
    version: "1.0.0",
    exports: {
      "./greeter": {
        import: { types: "./esm/greeter.d.mts", default: "./esm/greeter.mjs" },
        require: { types: "./cjs/greeter.d.ts", default: "./cjs/greeter.js" },
      },
    },
  }),
  "node_modules/dual/esm/greeter.mjs": `export const flavour = "the deprecated ES module build";\n`,
  "node_modules/dual/esm/greeter.d.mts": `export declare const flavour: string;\n`,
  "node_modules/dual/cjs/greeter.js": `exports.flavour = "the CommonJS build";\n`,
  "node_modules/dual/cjs/greeter.d.ts": `export declare const flavour: string;\n`,
  "node_modules/successor/package.json": JSON.stringify({ name: "successor", version: "1.0.0", main: "index.js", types: "index.d.ts" }),
  "node_modules/successor/index.js": `exports.flavour = "the successor";\n`,
  "node_modules/successor/index.d.ts": `export declare const flavour: string;\n`,
  "package.json": JSON.stringify({ type: "commonjs" }),
};

const RULES = { rules: [{ from: "./node_modules/dual/esm/greeter", to: "successor" }] };
const NODE16 = { module: "node16", moduleResolution: "node16" };

const main = (dynamicTarget: string) => `import loaded = require("dual/greeter");
async function run(): Promise<void> {
  const imported = await import("${dynamicTarget}");
  console.log(loaded.flavour, "|", imported.flavour);
}
void run();
`;

describe("resolution by how an import loads its module (package exports conditions)", () => {
  it("rewrites the import() that resolves to the deprecated build and keeps the require of the other", () => {
    const { plugin } = expectSameBehaviour({
      name: "resolution-mode",
      shared: DUAL_PACKAGE,
      unmigrated: { "src/main.ts": main("dual/greeter") },
      migrated: { "src/main.ts": main("successor") },
      rules: RULES,
      compilerOptions: NODE16,
      entry: "out/main.js",
    });
    expect(plugin.stdout).toBe("the CommonJS build | the successor\n");
  });

  it("takes an import() as the compiler does when the tsconfig sets neither module nor target", () => {
    // TypeScript 6 then emits ES modules (5.9 emitted CommonJS): the import() loads the ES module build.
    const esmMain = (target: string) => `const imported = await import("${target}");\nconsole.log(imported.flavour);\nexport {};\n`;
    const { plugin } = expectSameBehaviour({
      name: "resolution-mode-defaults",
      shared: { ...DUAL_PACKAGE, "package.json": JSON.stringify({ type: "module" }) },
      unmigrated: { "src/main.ts": esmMain("dual/greeter") },
      migrated: { "src/main.ts": esmMain("successor") },
      rules: RULES,
      compilerOptions: { module: undefined, target: undefined },
      entry: "out/main.js",
    });
    expect(plugin.stdout).toBe("the successor\n");
  });

  it("the CLI reports that one import and not the require", async () => {
    const dir = createProject({ ...DUAL_PACKAGE, "src/main.ts": main("dual/greeter"), "ssot-imports.json": JSON.stringify(RULES), "tsconfig.json": tsconfig(NODE16) }, "resolution-mode-cli");
    const report = await runCli(dir, ["report", "--format", "json"]);
    expect(report.stderr).toBe("");
    const { violations } = JSON.parse(report.stdout) as { violations: Array<{ file: string; line: number; specifier: string }> };
    expect(violations.map((v) => [v.file, v.line, v.specifier])).toEqual([["src/main.ts", 3, "dual/greeter"]]);
  });
});
