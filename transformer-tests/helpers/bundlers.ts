import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import type { SsotImportsOptions } from "../../src/bundlers/plugin";
import { runNode } from "./esbuild-build";

/**
 * In-process builds of throw-away projects with each unplugin-based bundler, with and without the plugin,
 * which is loaded the way a user loads it: `require("ssot-imports/<bundler>")` from the project (the symlinked
 * node_modules serves this repo's dist/; run `npm run build` after editing src).
 */

export type BundlerName = "vite" | "rollup" | "rolldown" | "webpack" | "rspack";
export type OutputFormat = "esm" | "cjs";

export interface BundleRequest {
  dir: string;
  bundler: BundlerName;
  format: OutputFormat;
  /** The plugin's options; undefined builds without the plugin. */
  plugin?: SsotImportsOptions;
  /** webpack and Rspack only (default production): development mode writes its output even with errors. */
  mode?: "production" | "development";
}

export interface Bundled {
  /** stdout of `node out/main.js`. */
  stdout: string;
  /** Every output file's text, joined: to compare what tree shaking kept. */
  code: string;
  warnings: string[];
}

export function loadBundlerPlugin(dir: string, bundler: BundlerName): (options?: SsotImportsOptions) => unknown {
  const require = createRequire(path.join(dir, "package.json"));
  return (require(`ssot-imports/${bundler}`) as { ssotImports: (options?: SsotImportsOptions) => unknown }).ssotImports;
}

const outDir = (dir: string) => path.join(dir, "out");

/** Builds `src/main.ts` into `out/` (no minifying: what tree shaking kept stays readable), then runs it. */
export async function bundleAndRun(request: BundleRequest): Promise<Bundled> {
  const warnings = await bundle(request);
  const out = outDir(request.dir);
  if (request.format === "esm") fs.writeFileSync(path.join(out, "package.json"), `{ "type": "module" }\n`);
  const code = fs
    .readdirSync(out)
    .filter((f) => /\.[cm]?js$/.test(f))
    .sort()
    .map((f) => fs.readFileSync(path.join(out, f), "utf8"))
    .join("\n");
  return { stdout: runNode(path.join(out, "main.js")), code, warnings };
}

/** Builds without running; rejects with the bundler's own error. Resolves to the warnings. */
export async function bundle({ dir, bundler, format, plugin, mode = "production" }: BundleRequest): Promise<string[]> {
  // Rollup and Rolldown have no project root of their own: the rules are found from `cwd` (default: the process's).
  const plugins = plugin ? [loadBundlerPlugin(dir, bundler)({ cwd: dir, ...plugin })] : [];
  switch (bundler) {
    case "rollup":
      return rollupBuild(dir, format, plugins);
    case "rolldown":
      return rolldownBuild(dir, format, plugins);
    case "vite":
      return viteBuild(dir, format, plugins);
    case "webpack":
    case "rspack":
      return webpackBuild(bundler, dir, format, plugins, mode);
  }
}

/** The fixture's tsconfig `paths`, for the bundlers that do not read them (Rollup, webpack). */
const aliases = (dir: string) => ({ "@legacy": path.join(dir, "src/legacy"), "@services": path.join(dir, "src/services") });

/**
 * What Rollup's resolver does not do by itself: `./x.js` written for a `./x.ts` file, as TypeScript projects
 * write them, and the fixture's path aliases.
 */
const tsResolution = (dir: string) => ({
  name: "ts-resolution",
  resolveId(id: string, importer?: string) {
    if (!importer) return null;
    const alias = Object.entries(aliases(dir)).find(([prefix]) => id.startsWith(`${prefix}/`));
    const base = alias ? path.join(alias[1], id.slice(alias[0].length + 1)) : id.startsWith(".") ? path.resolve(path.dirname(importer.split("?")[0]), id) : undefined;
    if (!base) return null;
    const candidate = [base.replace(/\.js$/, ".ts"), `${base}.ts`].find((file) => fs.existsSync(file));
    return candidate ?? null;
  },
});

async function rollupBuild(dir: string, format: OutputFormat, plugins: unknown[]): Promise<string[]> {
  const { rollup } = await import("rollup");
  const { default: esbuild } = await import("rollup-plugin-esbuild");
  const { default: commonjs } = await import("@rollup/plugin-commonjs");
  const { nodeResolve } = await import("@rollup/plugin-node-resolve");
  const warnings: string[] = [];
  const build = await rollup({
    input: path.join(dir, "src/main.ts"),
    plugins: [...(plugins as never[]), tsResolution(dir), nodeResolve({ extensions: [".ts", ".js"] }), esbuild({ target: "es2022", tsconfig: path.join(dir, "tsconfig.json") }), commonjs({ extensions: [".js", ".ts"] })],
    onwarn: (warning) => void warnings.push(warning.message),
  });
  await build.write({ dir: outDir(dir), format, entryFileNames: "main.js", chunkFileNames: "[name]-[hash].js" });
  await build.close();
  return warnings;
}

async function rolldownBuild(dir: string, format: OutputFormat, plugins: unknown[]): Promise<string[]> {
  const { rolldown } = await import("rolldown");
  const warnings: string[] = [];
  const build = await rolldown({
    cwd: dir,
    input: path.join(dir, "src/main.ts"),
    plugins: plugins as never[],
    platform: "node",
    tsconfig: path.join(dir, "tsconfig.json"),
    resolve: { extensionAlias: { ".js": [".ts", ".js"] } },
    onLog: (level, log) => void (level === "warn" && warnings.push(log.message)),
  });
  await build.write({ dir: outDir(dir), format, entryFileNames: "main.js", chunkFileNames: "[name]-[hash].js" });
  await build.close();
  return warnings;
}

async function viteBuild(dir: string, format: OutputFormat, plugins: unknown[]): Promise<string[]> {
  const { build } = await import("vite");
  const warnings: string[] = [];
  await build({
    root: dir,
    configFile: false,
    logLevel: "silent",
    plugins: plugins as never[],
    resolve: { tsconfigPaths: true } as never,
    build: {
      ssr: path.join(dir, "src/main.ts"),
      outDir: outDir(dir),
      emptyOutDir: true,
      minify: false,
      rolldownOptions: { output: { format, entryFileNames: "main.js", chunkFileNames: "[name]-[hash].js" }, onLog: (level: string, log: { message: string }) => void (level === "warn" && warnings.push(log.message)) },
    } as never,
  });
  return warnings;
}

async function webpackBuild(bundler: "webpack" | "rspack", dir: string, format: OutputFormat, plugins: unknown[], mode: "production" | "development"): Promise<string[]> {
  const esm = format === "esm";
  const tsRule =
    bundler === "webpack"
      ? { test: /\.[cm]?[jt]s$/, exclude: /node_modules/, loader: require.resolve("esbuild-loader"), options: { target: "es2022", tsconfig: path.join(dir, "tsconfig.json") } }
      : { test: /\.[cm]?[jt]s$/, exclude: /node_modules/, loader: "builtin:swc-loader", options: { jsc: { parser: { syntax: "typescript" }, target: "es2022" } }, type: "javascript/auto" };
  const config = {
    context: dir,
    mode,
    target: "node",
    entry: path.join(dir, "src/main.ts"),
    devtool: false,
    output: { path: outDir(dir), filename: "main.js", chunkFilename: "[name]-[contenthash].js", clean: true, ...(esm ? { module: true, chunkFormat: "module", library: { type: "module" } } : { library: { type: "commonjs2" } }) },
    experiments: esm ? { outputModule: true } : {},
    resolve: { extensions: [".ts", ".js"], extensionAlias: { ".js": [".ts", ".js"] }, alias: aliases(dir) },
    module: { rules: [tsRule] },
    // Minified as in production, so that what tree shaking dropped is gone from the text (strings survive).
    optimization: { minimize: true },
    plugins,
    infrastructureLogging: { level: "none" },
  };
  const compile = bundler === "webpack" ? (await import("webpack")).default : (await import("@rspack/core")).rspack;
  return new Promise((resolve, reject) => {
    (compile as (config: unknown, callback: (error: Error | null, stats?: WebpackStats) => void) => void)(config, (error, stats) => {
      if (error) return reject(error);
      const json = stats!.toJson({ all: false, errors: true, warnings: true });
      if (stats!.hasErrors()) return reject(new Error(json.errors!.map((e) => e.message).join("\n")));
      resolve((json.warnings ?? []).map((w) => w.message));
    });
  });
}

interface WebpackStats {
  hasErrors(): boolean;
  toJson(options: unknown): { errors?: Array<{ message: string }>; warnings?: Array<{ message: string }> };
}
