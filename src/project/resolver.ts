import * as path from "node:path";
import type * as TS from "typescript";
import type { ModuleResolver } from "../match/matcher";
import type { PathAliases } from "../match/path-aliases";

/** TypeScript's own module resolution, cached, so a match means exactly what the compiler will load. */
export function createTypeScriptResolver(
  ts: typeof TS,
  options: TS.CompilerOptions,
  host: TS.ModuleResolutionHost,
  modeOf: (importer: string) => TS.ResolutionMode,
  /** A cache already filled with these options (the tsc adapter's first Program's); a new one otherwise. */
  cache: TS.ModuleResolutionCache = ts.createModuleResolutionCache(host.getCurrentDirectory?.() ?? process.cwd(), (f) => f, options),
): ModuleResolver {
  const dynamicImportMode = modeOfImportCalls(ts, options);
  return {
    resolve(specifier, importer, use) {
      const mode = use === "require" ? ts.ModuleKind.CommonJS : use === "import" ? dynamicImportMode : modeOf(importer);
      const result = ts.resolveModuleName(specifier, importer, options, host, cache, undefined, mode);
      return result.resolvedModule?.resolvedFileName;
    },
  };
}

/**
 * The resolution mode TypeScript gives an `import()`: an ES module load, unless the output turns the call into
 * `require()` (module `commonjs`, `amd`, `umd`, `system`; every ES, node16–nodenext and `preserve` setting
 * keeps the call, and those are the ModuleKind values from ES2015 up).
 */
function modeOfImportCalls(ts: typeof TS, options: TS.CompilerOptions): TS.ResolutionMode {
  const { ModuleKind } = ts;
  // Without `module`, TypeScript's default follows the target, and changed in 6.0 (CommonJS before, ES2022
  // now): ask the compiler in use (internal, but exported by every version we support).
  const compiler = ts as typeof TS & { getEmitModuleKind?(options: TS.CompilerOptions): TS.ModuleKind };
  const module = options.module ?? compiler.getEmitModuleKind?.(options) ?? ModuleKind.CommonJS;
  return module >= ModuleKind.ES2015 ? ModuleKind.ESNext : ModuleKind.CommonJS;
}

/** tsconfig `paths`, with the base TypeScript uses: `baseUrl` when set, else the tsconfig's folder. */
export function pathAliasesOf(options: TS.CompilerOptions): PathAliases | undefined {
  if (!options.paths) return undefined;
  const internal = options as TS.CompilerOptions & { pathsBasePath?: string };
  const base = options.baseUrl ?? internal.pathsBasePath ?? (options.configFilePath ? path.dirname(String(options.configFilePath)) : process.cwd());
  return { base, paths: options.paths };
}
