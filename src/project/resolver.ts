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
  return {
    resolve(specifier, importer) {
      const result = ts.resolveModuleName(specifier, importer, options, host, cache, undefined, modeOf(importer));
      return result.resolvedModule?.resolvedFileName;
    },
  };
}

/** tsconfig `paths`, with the base TypeScript uses: `baseUrl` when set, else the tsconfig's folder. */
export function pathAliasesOf(options: TS.CompilerOptions): PathAliases | undefined {
  if (!options.paths) return undefined;
  const internal = options as TS.CompilerOptions & { pathsBasePath?: string };
  const base = options.baseUrl ?? internal.pathsBasePath ?? (options.configFilePath ? path.dirname(String(options.configFilePath)) : process.cwd());
  return { base, paths: options.paths };
}
