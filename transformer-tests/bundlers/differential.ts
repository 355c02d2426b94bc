import { beforeAll, describe, expect, it } from "vitest";
import { FORMS, trees, type Form } from "../esbuild/fixture";
import { bundleAndRun, type Bundled, type BundlerName, type OutputFormat } from "../helpers/bundlers";
import { createTwins } from "../helpers/esbuild-build";

/**
 * The esbuild suite's import forms (transformer-tests/esbuild/fixture.ts), bundled by one bundler: the
 * unmigrated project with the plugin against its hand-migrated twin without it, both run with node. One pair of
 * builds per output format serves every form; each form prints its own line and is judged by its own test.
 */

/** A string only an SSOT export that no form uses holds: a bundle keeps it only if tree shaking failed. */
const UNUSED_SSOT_EXPORT = '"isolated:"';

/**
 * The forms that name what they import: a namespace used whole, `import()`, `require()` and `export *` keep a
 * module's every export by their nature, in the plain bundle too.
 */
const SHAKEABLE = FORMS.filter((f) => !["dynamic-import", "require", "export-star"].includes(f.name));

const lineOf = (stdout: string, form: Form) => stdout.split("\n").find((line) => line.startsWith(`${form.name}:`));

export function describeBundlerForms(bundler: BundlerName, formats: readonly OutputFormat[]): void {
  for (const format of formats) {
    describe(`${bundler}, ${format} output: every import form behaves like the hand-migrated program`, () => {
      let plugin: Bundled;
      let plain: Bundled;

      beforeAll(async () => {
        const { pluginDir, plainDir } = createTwins(`${bundler}-${format}`, trees(FORMS));
        plain = await bundleAndRun({ dir: plainDir, bundler, format });
        plugin = await bundleAndRun({ dir: pluginDir, bundler, format, plugin: {} });
      }, 60_000);

      it("the whole run (load order included) prints the same, and the build warns no more than the plain one", () => {
        expect(plain.stdout.split("\n").filter((l) => /^[\w-]+:/.test(l))).toHaveLength(FORMS.length);
        expect(plugin.stdout).toBe(plain.stdout);
        expect(plugin.warnings.length).toBe(plain.warnings.length);
      });

      it("never loads a deprecated module", () => {
        expect(plugin.stdout).not.toMatch(/load legacy\//);
      });

      for (const form of FORMS) {
        it(form.name, () => {
          const expected = lineOf(plain.stdout, form);
          expect(expected, `the migrated ${form.name} form printed nothing`).toBeDefined();
          expect(lineOf(plugin.stdout, form)).toBe(expected);
        });
      }
    });
  }

  describe(`${bundler}: tree shaking survives`, () => {
    it("the SSOT's unused exports are dropped from the plugin's bundle as from the plain one", async () => {
      const { pluginDir, plainDir } = createTwins(`${bundler}-shaking`, trees(SHAKEABLE));
      const plain = await bundleAndRun({ dir: plainDir, bundler, format: formats[0] });
      const plugin = await bundleAndRun({ dir: pluginDir, bundler, format: formats[0], plugin: {} });
      expect(plugin.stdout).toBe(plain.stdout);
      expect(plain.code, `the plain ${bundler} bundle keeps ${UNUSED_SSOT_EXPORT}`).not.toContain(UNUSED_SSOT_EXPORT);
      expect(plugin.code).not.toContain(UNUSED_SSOT_EXPORT);
    }, 60_000);
  });
}
