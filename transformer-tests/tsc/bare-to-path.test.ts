/**
 * A rule from a bare specifier (a package) to a path in the project. The importer wrote no extension, and
 * shows no extension style: under node16 resolution an ES module import of a relative path needs one (TS2835,
 * and Node's loader fails without it), a CommonJS one does not. So the rewrite writes `.js` exactly where a
 * hand migration must: every import of an ES module file, and an `import()` in a CommonJS one.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../cli/harness";
import { expectSameBehaviour } from "../helpers/differential";
import { createProject, tsconfig } from "../helpers/project";

const legacyPackage = (type: "module" | "commonjs") => ({
  "node_modules/legacy-greeter/package.json": JSON.stringify({ name: "legacy-greeter", version: "1.0.0", type, main: "index.js", types: "index.d.ts" }),
  "node_modules/legacy-greeter/index.js":
    type === "module" ? `export function greet(n) { return "legacy " + n; }\n` : `exports.greet = function (n) { return "legacy " + n; };\n`,
  "node_modules/legacy-greeter/index.d.ts": `export declare function greet(n: string): string;\n`,
});

const SSOT = { "src/ssot/greeter.ts": `export function greetUser(n: string): string { return "ssot " + n; }\n` };
const RULES = { rules: [{ from: "legacy-greeter", to: "./src/ssot/greeter", symbols: { greet: "greetUser" } }] };
const NODE16 = { module: "node16", moduleResolution: "node16" };

const esmMain = (specifier: string, name: string) => `import { ${name} } from "${specifier}";
export const message: string = greet("ada");
console.log(message);
`;

describe("a bare specifier redirected to a project path under node16", () => {
  it("gets the .js extension in an ES module file (package type module)", () => {
    const { plugin } = expectSameBehaviour({
      name: "bare-to-path-esm",
      shared: { ...legacyPackage("module"), ...SSOT, "package.json": JSON.stringify({ type: "module" }) },
      unmigrated: { "src/main.ts": esmMain("legacy-greeter", "greet") },
      migrated: { "src/main.ts": esmMain("./ssot/greeter.js", "greetUser as greet") },
      rules: RULES,
      compilerOptions: NODE16,
      entry: "out/main.js",
    });
    expect(plugin.stdout).toBe("ssot ada\n");
  });

  it("stays extensionless for require-mode imports of a CommonJS file, and gets .js in its import()", () => {
    const cjsMain = (staticImport: string, dynamicSpecifier: string, destructured: string) => `${staticImport}
export const now: string = greet("ada");
export async function later(): Promise<string> {
  const { ${destructured} } = await import("${dynamicSpecifier}");
  return greetLater("bob");
}
void later().then((text) => console.log(now, "|", text));
`;
    const { plugin } = expectSameBehaviour({
      name: "bare-to-path-cjs",
      shared: { ...legacyPackage("commonjs"), ...SSOT, "package.json": JSON.stringify({ type: "commonjs" }) },
      unmigrated: { "src/main.ts": cjsMain(`import { greet } from "legacy-greeter";`, "legacy-greeter", "greet: greetLater") },
      migrated: { "src/main.ts": cjsMain(`import { greetUser as greet } from "./ssot/greeter";`, "./ssot/greeter.js", "greetUser: greetLater") },
      rules: RULES,
      compilerOptions: NODE16,
      entry: "out/main.js",
    });
    expect(plugin.stdout).toBe("ssot ada | ssot bob\n");
  });

  it("migrate --write writes the source of the hand migration", async () => {
    const dir = createProject({
      ...legacyPackage("module"), ...SSOT,
      "package.json": JSON.stringify({ type: "module" }),
      "src/main.ts": esmMain("legacy-greeter", "greet"),
      "ssot-imports.json": JSON.stringify(RULES),
      "tsconfig.json": tsconfig(NODE16),
    }, "bare-to-path-migrate");
    const migrate = await runCli(dir, ["migrate", "--write"]);
    expect(migrate.stderr).toBe("");
    expect(migrate.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "src/main.ts"), "utf8")).toBe(esmMain("./ssot/greeter.js", "greetUser as greet"));
  });
});
