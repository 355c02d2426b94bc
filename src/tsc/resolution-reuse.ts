import type * as TS from "typescript";

/**
 * The rebuilt Program resolves every import of each rewritten file again (TypeScript reuses an old resolution
 * only for a file whose SourceFile did not change), with a new, empty resolution cache: each one probes the
 * file system afresh. This host resolves them through the first Program's cache instead, while the rebuilt
 * Program is created: the file's unchanged imports were resolved into it already, and so, usually, was the
 * module a rewritten import now names (another file imports it). Same options, same file system: the same answers.
 *
 * Only for a host that resolves nothing itself (`tsc -p`; watch and `tsc -b` hosts bring their own cache) and
 * only while the Program is created: the rebuilt Program keeps its host for life, and must not keep the first
 * Program's cache with it (transformer-tests/tsc/memory.test.ts). It gets a cache of its own, as TypeScript
 * would have made it (even sharing only the first one's package.json records kept the first Program alive).
 */
export function resolvingThroughCache(ts: typeof TS, host: TS.CompilerHost, options: TS.CompilerOptions, firstCache: TS.ModuleResolutionCache | undefined) {
  if (!firstCache || host.resolveModuleNameLiterals || host.resolveModuleNames) return { host, release: () => {} };
  let during: TS.ModuleResolutionCache | undefined = firstCache;
  const own = ts.createModuleResolutionCache(host.getCurrentDirectory(), (f) => host.getCanonicalFileName(f), options);
  const resolving: TS.CompilerHost = Object.assign(Object.create(host) as TS.CompilerHost, {
    getModuleResolutionCache: () => own,
    resolveModuleNameLiterals: (
      literals: readonly TS.StringLiteralLike[],
      containingFile: string,
      redirectedReference: TS.ResolvedProjectReference | undefined,
      compilerOptions: TS.CompilerOptions,
      containingSourceFile: TS.SourceFile,
    ): TS.ResolvedModuleWithFailedLookupLocations[] =>
      literals.map((literal) => {
        const mode = ts.getModeForUsageLocation(containingSourceFile, literal, redirectedReference?.commandLine.options ?? compilerOptions);
        return ts.resolveModuleName(literal.text, containingFile, compilerOptions, host, during ?? own, redirectedReference, mode);
      }),
  });
  return { host: resolving, release: () => (during = undefined) };
}
