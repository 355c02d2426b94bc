/**
 * Differential: the unmigrated project bundled with the plugin against its hand-migrated twin bundled plain,
 * both run with node, for every import form, output format, platform and bundle mode. Each form prints a line
 * that differs between the deprecated module and its SSOT replacement (shared state, other strings), and
 * each module logs when it loads, so a redirect that is missing, wrong or loads the deprecated file shows.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { SsotImportsOptions } from "../../src/esbuild/index";
import { buildAndRun, createTwins, variantName, type Built, type Variant } from "../helpers/esbuild-build";
import { FORMS, trees, type Form } from "./fixture";

const VARIANTS: readonly Variant[] = [
  { bundle: true, format: "esm", platform: "node" },
  { bundle: true, format: "cjs", platform: "node" },
  { bundle: true, format: "iife", platform: "node" },
  { bundle: true, format: "esm", platform: "browser" },
  { bundle: true, format: "cjs", platform: "browser" },
  { bundle: true, format: "iife", platform: "browser" },
  { bundle: false, format: "cjs", platform: "node" },
  { bundle: false, format: "esm", platform: "node" },
  { bundle: false, format: "esm", platform: "browser" },
];

/**
 * A bundle serves each existing deprecated module's facade where esbuild loads it, but redirects every import
 * in `onResolve` when imports are reported: these variants run every form through that second way too.
 */
const REPORTED: readonly Variant[] = [
  { bundle: true, format: "esm", platform: "node" },
  { bundle: true, format: "cjs", platform: "browser" },
];

/** The forms a variant can run: aliases need a bundler; a CommonJS file cannot sit among unbundled ES modules. */
function formsFor(variant: Variant): Form[] {
  return FORMS.filter((f) => (variant.bundle || !f.bundleOnly) && (variant.bundle || variant.format !== "esm" || !f.commonJs));
}

const lineOf = (stdout: string, form: Form) => stdout.split("\n").find((line) => line.startsWith(`${form.name}:`));

const RUNS: ReadonlyArray<{ variant: Variant; options: SsotImportsOptions; name: string }> = [
  ...VARIANTS.map((variant) => ({ variant, options: {}, name: variantName(variant) })),
  ...REPORTED.map((variant) => ({ variant, options: { report: "warn" as const }, name: `${variantName(variant)}, report: warn` })),
];

for (const { variant, options, name } of RUNS) {
  describe(`every import form behaves like the hand-migrated program (${name})`, () => {
    const forms = formsFor(variant);
    let plugin: Built;
    let plain: Built;

    beforeAll(async () => {
      const { pluginDir, plainDir } = createTwins(name, trees(forms));
      [plain, plugin] = await Promise.all([buildAndRun(plainDir, variant), buildAndRun(pluginDir, variant, options)]);
    });

    it("builds cleanly, and the whole run (load order included) prints the same", () => {
      expect(plugin.result.errors).toEqual([]);
      if (options.report === "warn") {
        expect(plugin.result.warnings.length).toBeGreaterThan(0);
        for (const warning of plugin.result.warnings) expect(warning.text).toMatch(/^\[rule \d+ [^\]]*\] "[^"]+" is deprecated.*: import "\.\.?\/[^"]+"/);
      } else {
        expect(plugin.result.warnings).toEqual([]);
      }
      expect(plain.stdout.split("\n").filter((l) => /^[\w-]+:/.test(l))).toHaveLength(forms.length);
      expect(plugin.stdout).toBe(plain.stdout);
    });

    it("never loads a deprecated module", () => {
      expect(plugin.stdout).not.toMatch(/load legacy\//);
    });

    for (const form of forms) {
      it(`${form.name}`, () => {
        const expected = lineOf(plain.stdout, form);
        expect(expected, `the migrated ${form.name} form printed nothing`).toBeDefined();
        expect(lineOf(plugin.stdout, form)).toBe(expected);
      });
    }
  });
}

describe("the fixture tells the modules apart", () => {
  it("the unmigrated program bundled without the plugin prints otherwise for every form but the unrelated same-name module", async () => {
    const variant: Variant = { bundle: true, format: "esm", platform: "node" };
    // The deleted module cannot bundle at all without the plugin; every other form can.
    const forms = FORMS.filter((f) => f.name !== "deleted-module" && f.name !== "path-alias");
    const { pluginDir, plainDir } = createTwins("control", trees(forms));
    const [unmigrated, migrated] = await Promise.all([buildAndRun(pluginDir, variant), buildAndRun(plainDir, variant)]);
    expect(unmigrated.stdout).toMatch(/load legacy\/factory/);
    for (const form of forms) {
      const differs = lineOf(unmigrated.stdout, form) !== lineOf(migrated.stdout, form);
      expect(differs, form.name).toBe(form.name !== "same-file-name");
    }
  });
});
