/**
 * `bundle: false` keeps every specifier as written, and an ES module loader needs a relative import's
 * extension. A rule from a bare specifier to a project path therefore writes the extension esbuild gives its
 * output: in every import of ES module output, and in the `import()` of CommonJS output (an ES module load).
 * And that extension is esbuild's, whatever the target's source is called: `.mts` compiles to `.js` too.
 */
import { describe, expect, it } from "vitest";
import { buildAndRun, createTwins, variantName, type Variant } from "../helpers/esbuild-build";

const SSOT = { "src/ssot/greeter.ts": `export function greetUser(n: string): string { return "ssot " + n; }\n` };
const RULES = JSON.stringify({ rules: [{ from: "legacy-greeter", to: "./src/ssot/greeter", symbols: { greet: "greetUser" } }] });

const main = (staticImport: string, dynamicSpecifier: string, destructured: string) => `${staticImport}
async function later(): Promise<string> {
  const { ${destructured} } = await import("${dynamicSpecifier}");
  return greetLater("bob");
}
void later().then((text) => console.log(greet("ada"), "|", text));
`;

const VARIANTS: readonly Variant[] = [
  { bundle: false, format: "esm", platform: "node" },
  { bundle: false, format: "cjs", platform: "node" },
];

describe("a bare specifier redirected to a project path, transpile-only", () => {
  for (const variant of VARIANTS) {
    it(`runs like the hand migration (${variantName(variant)})`, async () => {
      const { pluginDir, plainDir } = createTwins(`bare-to-path-${variant.format}`, {
        unmigrated: { ...SSOT, "ssot-imports.json": RULES, "src/main.ts": main(`import { greet } from "legacy-greeter";`, "legacy-greeter", "greet: greetLater") },
        migrated: { ...SSOT, "src/main.ts": main(`import { greetUser as greet } from "./ssot/greeter.js";`, "./ssot/greeter.js", "greetUser: greetLater") },
      });
      const [plain, plugin] = await Promise.all([buildAndRun(plainDir, variant), buildAndRun(pluginDir, variant, {})]);
      expect(plugin.result.errors).toEqual([]);
      expect(plain.stdout).toBe("ssot ada | ssot bob\n");
      expect(plugin.stdout).toBe(plain.stdout);
    });
  }
});

describe("an .mts target of an import written with .js, transpile-only", () => {
  it("is imported by the name esbuild gives its output (.js), and runs like the hand migration", async () => {
    const variant: Variant = { bundle: false, format: "esm", platform: "node" };
    const ssot = { "src/ssot/greeter.mts": `export function greetUser(n: string): string { return "ssot " + n; }\n` };
    const rules = JSON.stringify({ rules: [{ from: "./src/legacy/greeter", to: "./src/ssot/greeter", symbols: { greet: "greetUser" } }] });
    const { pluginDir, plainDir } = createTwins("mts-target", {
      unmigrated: { ...ssot, "ssot-imports.json": rules, "src/legacy/greeter.ts": `export function greet(n: string): string { return "legacy " + n; }\n`, "src/main.ts": `import { greet } from "./legacy/greeter.js";\nconsole.log(greet("ada"));\n` },
      migrated: { ...ssot, "src/main.ts": `import { greetUser as greet } from "./ssot/greeter.js";\nconsole.log(greet("ada"));\n` },
    });
    const [plain, plugin] = await Promise.all([buildAndRun(plainDir, variant), buildAndRun(pluginDir, variant, {})]);
    expect(plugin.result.errors).toEqual([]);
    expect(plain.stdout).toBe("ssot ada\n");
    expect(plugin.stdout).toBe(plain.stdout);
  });
});
