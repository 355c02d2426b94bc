import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "vitest";
import { PLUGIN_ENTRY, createProject, readTree, runNode, tsconfig } from "./project";
import { buildPlain, buildWithPlugin, type BuildResult } from "./tsc-build";

/**
 * One differential case: the program as the user has it (deprecated imports, rules, plugin) against the same
 * program migrated by hand and built without the plugin. Both are built and run; behaviour must be identical.
 */
export interface DifferentialCase {
  name: string;
  /** Files both variants share: the SSOT module, unrelated modules, package.json. */
  shared: Record<string, string>;
  /** The importers as the user wrote them, plus the deprecated module while it still exists. */
  unmigrated: Record<string, string>;
  /** The same importers migrated by hand; the deprecated module may be gone. */
  migrated: Record<string, string>;
  rules: unknown;
  compilerOptions?: Record<string, unknown>;
  /** Other top-level tsconfig keys (e.g. `files`, `extends`). */
  tsconfigExtra?: Record<string, unknown>;
  /** Built file to run, relative to the project, e.g. `out/main.js`. */
  entry: string;
}

export interface VariantResult {
  dir: string;
  build: BuildResult;
  stdout: string;
  dts: Record<string, string>;
}

export function buildVariants(c: DifferentialCase): { plugin: VariantResult; plain: VariantResult } {
  const compilerOptions = { module: "commonjs", target: "es2022", ...c.compilerOptions };
  const pluginDir = createProject(
    {
      ...c.shared,
      ...c.unmigrated,
      "ssot-imports.json": JSON.stringify(c.rules, null, 2),
      "tsconfig.json": tsconfig({ ...compilerOptions, plugins: [PLUGIN_ENTRY] }, c.tsconfigExtra),
    },
    `${c.name}-plugin`,
  );
  const plainDir = createProject({ ...c.shared, ...c.migrated, "tsconfig.json": tsconfig(compilerOptions, c.tsconfigExtra) }, `${c.name}-plain`);
  const variant = (dir: string, build: BuildResult): VariantResult => ({
    dir,
    build,
    stdout: fs.existsSync(path.join(dir, c.entry)) ? runNode(path.join(dir, c.entry)) : "",
    dts: readTree(dir, "out", ".d.ts"),
  });
  return { plugin: variant(pluginDir, buildWithPlugin(pluginDir)), plain: variant(plainDir, buildPlain(plainDir)) };
}

/**
 * The standard assertions: both builds clean, the same non-empty output, and declaration files that no
 * longer name a deprecated module wherever the hand-migrated ones do not (exactly equal when `exactDts`).
 */
export function expectSameBehaviour(c: DifferentialCase, { exactDts = true } = {}): { plugin: VariantResult; plain: VariantResult } {
  const result = buildVariants(c);
  const { plugin, plain } = result;
  expect(plain.build.diagnostics, "hand-migrated build must be clean").toEqual([]);
  expect(plugin.build.diagnostics, "plugin build must be clean").toEqual([]);
  expect(plain.stdout.length, "the case must print something to compare").toBeGreaterThan(0);
  expect(plugin.stdout).toBe(plain.stdout);
  const deprecatedNames = deprecatedBasenames(c.rules);
  for (const [file, text] of Object.entries(plain.dts)) {
    expect(plugin.dts[file], `${file} missing from the plugin build`).toBeDefined();
    if (exactDts) expect(plugin.dts[file], file).toBe(text);
    for (const name of deprecatedNames) {
      if (!text.includes(name)) expect(plugin.dts[file], `${file} still names ${name}`).not.toContain(name);
    }
  }
  return result;
}

function deprecatedBasenames(rules: unknown): string[] {
  const list = (rules as { rules?: Array<{ from?: string }> }).rules ?? [];
  return list.map((r) => String(r.from ?? "")).filter((f) => f.startsWith(".")).map((f) => path.posix.basename(f).replace(/\.[jt]s$/, ""));
}
