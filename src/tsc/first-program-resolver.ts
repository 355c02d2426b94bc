import type * as TS from "typescript";
import type { ModuleResolver } from "../match/matcher";
import type { ImportUse } from "../scan/import-use";

type ProgramResolutions = TS.Program & {
  getResolvedModule?(file: TS.SourceFile, moduleName: string, mode: TS.ResolutionMode): TS.ResolvedModuleWithFailedLookupLocations | undefined;
};

/**
 * The first Program has resolved every import the matcher asks about: its answer is exactly what the compiler
 * loads, and costs a lookup. Resolving again, even through its cache, missed that cache when the mode the
 * matcher derives from the importer (its `impliedNodeFormat`: undefined under `bundler`) was not the mode
 * TypeScript keyed the resolution by (the import's own: ESNext), and then probed the file system. The mode
 * here is TypeScript's, from the import's own literal. Anything the Program has not resolved (a specifier
 * TypeScript does not collect, a literal whose uses differ in mode) goes to `fallback`.
 */
export function firstProgramResolver(ts: typeof TS, program: TS.Program, fallback: ModuleResolver): ModuleResolver {
  const resolutions = program as ProgramResolutions;
  // Internal (TypeScript 5.3 and later, so every version this package supports), hence guarded.
  if (typeof resolutions.getResolvedModule !== "function") return fallback;
  const options = program.getCompilerOptions();
  return {
    resolve(specifier, importer, use) {
      const file = program.getSourceFile(importer);
      const mode = file && modeOfEveryUse(ts, file, specifier, use, options);
      const resolution = mode !== false && file ? resolutions.getResolvedModule!(file, specifier, mode) : undefined;
      return resolution ? resolution.resolvedModule?.resolvedFileName : fallback.resolve(specifier, importer, use);
    },
  };
}

/**
 * The one mode of every literal in the file that names `specifier` the way `use` does; false when there is
 * none (TypeScript collects no `require()` in a TypeScript file, say), or when they differ.
 */
function modeOfEveryUse(ts: typeof TS, file: TS.SourceFile, specifier: string, use: ImportUse, options: TS.CompilerOptions): TS.ResolutionMode | false {
  const literals = (file as TS.SourceFile & { imports?: readonly TS.StringLiteralLike[] }).imports ?? [];
  let found: TS.ResolutionMode | false = false;
  for (const literal of literals) {
    if (literal.text !== specifier || useOf(ts, literal) !== use) continue;
    const mode = ts.getModeForUsageLocation(file, literal, options);
    if (found !== false && found !== mode) return false;
    found = mode;
  }
  return found;
}

/** How the literal loads its module, in the scanner's terms (src/scan/import-use.ts). */
function useOf(ts: typeof TS, literal: TS.StringLiteralLike): ImportUse {
  const parent = literal.parent;
  if (ts.isExternalModuleReference(parent)) return "require";
  if (ts.isCallExpression(parent)) return parent.expression.kind === ts.SyntaxKind.ImportKeyword ? "import" : "require";
  return undefined;
}
