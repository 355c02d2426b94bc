import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import * as esbuild from "esbuild";
import type { BuildOptions, BuildResult, Format, Message, Platform, Plugin } from "esbuild";
import type { SsotImportsOptions } from "../../src/esbuild/index";
import { createProject } from "./project";

/**
 * In-process esbuild builds of throw-away projects, with and without the plugin. The plugin is loaded the way
 * a user loads it, `require("ssot-imports/esbuild")` from the project, which the symlinked node_modules serves
 * from this repo's `dist/` (run `npm run build` after editing src).
 */

export type SsotImports = (options?: SsotImportsOptions) => Plugin;

export function loadPlugin(projectDir: string): SsotImports {
  const require = createRequire(path.join(projectDir, "package.json"));
  return (require("ssot-imports/esbuild") as { ssotImports: SsotImports }).ssotImports;
}

export interface Variant {
  bundle: boolean;
  format: Format;
  platform: Platform;
}

export const variantName = (v: Variant) => `${v.bundle ? "bundle" : "bundle: false"}, ${v.format}, ${v.platform}`;

/** Every source file under `dir/src`, absolute: the entry points of an unbundled (bundle: false) build. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.[cm]?[jt]sx?$/.test(entry.name)) out.push(full);
    }
  };
  walk(path.join(dir, "src"));
  return out.sort();
}

/**
 * esbuild options for a variant: a bundle of `src/main.ts` into `out/main.js`, or (bundle: false) every source
 * file as an entry point under `out/` (outbase `src`), so `out/main.js` is the program's entry either way.
 */
export function optionsFor(dir: string, variant: Variant, extra: BuildOptions = {}): BuildOptions {
  return {
    absWorkingDir: dir,
    entryPoints: variant.bundle ? [path.join(dir, "src/main.ts")] : sourceFiles(dir),
    outbase: path.join(dir, "src"),
    outdir: path.join(dir, "out"),
    bundle: variant.bundle,
    format: variant.format,
    platform: variant.platform,
    target: "es2022",
    logLevel: "silent",
    ...extra,
  };
}

/**
 * esbuild options for a project with the plugin: a bundle of `src/main.ts`, or (bundle: false) every source file
 * as an entry point (outbase `src`), into `outdir` as CommonJS for Node.
 */
export function pluginBuildOptions(dir: string, bundle: boolean, outdir: string, plugin: Plugin = loadPlugin(dir)()): BuildOptions {
  return {
    absWorkingDir: dir,
    entryPoints: bundle ? ["src/main.ts"] : sourceFiles(dir),
    outbase: path.join(dir, "src"),
    outdir,
    bundle,
    format: "cjs",
    platform: "node",
    logLevel: "silent",
    plugins: [plugin],
  };
}

export interface Built {
  dir: string;
  result: BuildResult;
  /** stdout of `node out/main.js`. */
  stdout: string;
}

/** Builds the project (written to `out/`), then runs `out/main.js` with node. */
export async function buildAndRun(dir: string, variant: Variant, plugin?: SsotImportsOptions, extra: BuildOptions = {}): Promise<Built> {
  const options = optionsFor(dir, variant, extra);
  if (plugin) options.plugins = [loadPlugin(dir)(plugin), ...(options.plugins ?? [])];
  const result = await esbuild.build(options);
  // Unbundled ES modules import each other by `.js` path: node must read out/ as ESM.
  if (variant.format === "esm") fs.writeFileSync(path.join(dir, "out", "package.json"), `{ "type": "module" }\n`);
  return { dir, result, stdout: runNode(path.join(dir, "out", "main.js")) };
}

/**
 * Runs a built file with node; a crash fails the test with node's stderr. The environment is minimal: the
 * outputs need none, and inherited settings (NODE_EXTRA_CA_CERTS) cost hundreds of milliseconds per start.
 */
export function runNode(file: string): string {
  return execFileSync(process.execPath, [file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], cwd: path.dirname(file), env: { PATH: process.env.PATH }, timeout: 20_000 });
}

/** The user's project (unmigrated sources, rules) and its hand-migrated twin, each in its own temp dir. */
export function createTwins(name: string, trees: { unmigrated: Record<string, string>; migrated: Record<string, string> }): { pluginDir: string; plainDir: string } {
  return { pluginDir: createProject(trees.unmigrated, `esb-${name}-plugin`), plainDir: createProject(trees.migrated, `esb-${name}-plain`) };
}

/** A build that must fail: its esbuild errors (esbuild rejects with them), or a test failure if it succeeded. */
export async function buildErrors(options: BuildOptions): Promise<{ errors: Message[]; warnings: Message[] }> {
  try {
    await esbuild.build(options);
  } catch (error) {
    const failure = error as esbuild.BuildFailure;
    if (!Array.isArray(failure.errors)) throw error;
    return { errors: failure.errors, warnings: failure.warnings };
  }
  throw new Error("the build succeeded, but errors were expected");
}

/** Files under `dir` (recursively), relative; empty when `dir` does not exist. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** Resolves when `condition` holds; rejects after `timeoutMs` with `what` in the message. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A plugin that counts finished builds and keeps the last result, to follow a watching context. */
export function buildObserver(): { plugin: Plugin; ends: BuildResult[] } {
  const ends: BuildResult[] = [];
  return { ends, plugin: { name: "observer", setup: (build) => build.onEnd((result) => void ends.push(result)) } };
}
