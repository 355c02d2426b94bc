/**
 * Rules between bare specifiers (packages): the facade must carry `default` and renamed names whether the
 * SSOT package is an ES module, a CommonJS module (whose exports exist only at run time) or left external
 * (`packages: "external"`, esbuild never reads it), and must not ask an external ES module for a `default`
 * it lacks. Differential: with the plugin from the old packages, plain from the new ones, run with node.
 */
import { describe, expect, it } from "vitest";
import { buildAndRun, createTwins, variantName, type Variant } from "../helpers/esbuild-build";

const pkg = (name: string, type: "module" | "commonjs", index: string) => ({
  [`node_modules/${name}/package.json`]: JSON.stringify({ name, type, main: "index.js" }),
  [`node_modules/${name}/index.js`]: index,
});

const packages = {
  ...pkg("old-esm", "module", `export default function legacy() { return "old-esm default"; }\nexport function make() { return "old-esm make"; }\n`),
  ...pkg("new-esm", "module", `export default function modern() { return "new-esm default"; }\nexport function build() { return "new-esm build"; }\n`),
  ...pkg("old-cjs", "commonjs", `module.exports = function legacy() { return "old-cjs default"; };\nmodule.exports.make = function () { return "old-cjs make"; };\n`),
  ...pkg("new-cjs", "commonjs", `module.exports = function modern() { return "new-cjs default"; };\nmodule.exports.build = function () { return "new-cjs build"; };\n`),
  ...pkg("old-nodefault", "module", `export function make() { return "old-nodefault make"; }\n`),
  ...pkg("new-nodefault", "module", `export function build() { return "new-nodefault build"; }\n`),
};

const rules = {
  rules: [
    { from: "old-esm", to: "new-esm", symbols: { make: "build" } },
    { from: "old-cjs", to: "new-cjs", symbols: { make: "build" } },
    { from: "old-nodefault", to: "new-nodefault", symbols: { make: "build" } },
  ],
};

const unmigrated = `import legacyEsm, { make as makeEsm } from "old-esm";
import legacyCjs, { make as makeCjs } from "old-cjs";
import { make as makeOnly } from "old-nodefault";
console.log(legacyEsm(), makeEsm(), legacyCjs(), makeCjs(), makeOnly());
`;
const migrated = `import legacyEsm, { build as makeEsm } from "new-esm";
import legacyCjs, { build as makeCjs } from "new-cjs";
import { build as makeOnly } from "new-nodefault";
console.log(legacyEsm(), makeEsm(), legacyCjs(), makeCjs(), makeOnly());
`;

const CASES: ReadonlyArray<{ variant: Variant; external: boolean }> = [
  { variant: { bundle: true, format: "esm", platform: "node" }, external: false },
  { variant: { bundle: true, format: "cjs", platform: "node" }, external: false },
  { variant: { bundle: true, format: "esm", platform: "node" }, external: true },
  { variant: { bundle: false, format: "esm", platform: "node" }, external: false },
];

describe("rules between packages", () => {
  for (const { variant, external } of CASES) {
    it(`default and renamed imports come from the new ES, CommonJS and default-less packages (${variantName(variant)}${external ? ", packages external" : ""})`, async () => {
      const { pluginDir, plainDir } = createTwins("packages", {
        unmigrated: { ...packages, "src/main.ts": unmigrated, "ssot-imports.json": JSON.stringify(rules) },
        migrated: { ...packages, "src/main.ts": migrated },
      });
      const extra = external ? { packages: "external" as const } : {};
      const [plain, plugin] = await Promise.all([buildAndRun(plainDir, variant, undefined, extra), buildAndRun(pluginDir, variant, {}, extra)]);
      expect(plain.stdout).toBe("new-esm default new-esm build new-cjs default new-cjs build new-nodefault build\n");
      expect(plugin.result.errors).toEqual([]);
      expect(plugin.stdout).toBe(plain.stdout);
    });
  }
});

describe("an external SSOT package without a default export", () => {
  it("a namespace import of the deprecated package still links (the facade never imports `default` by name)", async () => {
    const variant: Variant = { bundle: true, format: "esm", platform: "node" };
    const { pluginDir, plainDir } = createTwins("packages-namespace", {
      unmigrated: { ...packages, "src/main.ts": `import * as only from "old-nodefault";\nconsole.log(only.make(), typeof only);\n`, "ssot-imports.json": JSON.stringify(rules) },
      migrated: { ...packages, "src/main.ts": `import * as only from "new-nodefault";\nconsole.log(only.build(), typeof only);\n` },
    });
    const extra = { packages: "external" as const };
    const [plain, plugin] = await Promise.all([buildAndRun(plainDir, variant, undefined, extra), buildAndRun(pluginDir, variant, {}, extra)]);
    expect(plain.stdout).toBe("new-nodefault build object\n");
    expect(plugin.stdout).toBe(plain.stdout);
  });
});
