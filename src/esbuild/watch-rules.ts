import * as path from "node:path";
import type { OnResolveResult, PluginBuild } from "esbuild";

/**
 * A build that meets no deprecated import still depends on the rules: its entry points carry the rules file
 * as a watched file, so editing ssot-imports.json rebuilds a watching context either way (also after a broken
 * edit, so fixing the file rebuilds too).
 *
 * - Entry points as written reach onResolve (relative ones as `./src/x.ts`, however they were written). esbuild
 *   warns that the watchFiles of a result without `path` do nothing, so the answer is esbuild's own resolution
 *   of the entry, with the rules file added.
 * - Glob entry points (`src/*.ts`) are expanded by esbuild and never reach onResolve; an onLoad whose filter is
 *   the glob itself, answering only `{ watchFiles }`, covers them without calling JavaScript for other files.
 */
export function watchRulesFromEntryPoints(build: PluginBuild, watchFiles: () => string[]): void {
  const all = entryPointSpecifiers(build.initialOptions.entryPoints).map((e) => e.replace(/^\.\//, ""));
  const plain = all.filter((e) => !e.includes("*"));
  const globs = all.filter((e) => e.includes("*"));
  if (plain.length > 0) {
    build.onResolve({ filter: new RegExp(`^(?:\\./)?(?:${plain.map(escape).join("|")})$`) }, async (args): Promise<OnResolveResult | undefined> => {
      const files = watchFiles();
      if (args.kind !== "entry-point" || args.pluginData?.ssotImportsBypass || files.length === 0) return undefined;
      const resolved = await build.resolve(args.path, { kind: "entry-point", resolveDir: args.resolveDir, pluginData: { ssotImportsBypass: true } });
      if (resolved.errors.length > 0) return undefined;
      const { path: file, namespace, external, sideEffects, suffix, pluginData } = resolved;
      return { path: file, namespace, external, sideEffects, suffix, pluginData, watchFiles: files };
    });
  }
  if (globs.length > 0) {
    const base = build.initialOptions.absWorkingDir ?? process.cwd();
    const filter = new RegExp(globs.map((g) => globPattern(path.resolve(base, g))).join("|"));
    build.onLoad({ filter, namespace: "file" }, () => {
      const files = watchFiles();
      return files.length > 0 ? { watchFiles: files } : undefined;
    });
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** esbuild's glob syntax (`*` within a path segment, `**` across them) as an RE2 pattern over absolute paths. */
function globPattern(glob: string): string {
  const posix = glob.replace(/\\/g, "/");
  let out = "";
  for (let i = 0; i < posix.length; i++) {
    if (posix.startsWith("**/", i)) {
      out += "(?:.*/)?";
      i += 2;
    } else if (posix.startsWith("**", i)) {
      out += ".*";
      i += 1;
    } else if (posix[i] === "*") out += "[^/]*";
    else out += escape(posix[i]);
  }
  return `^${out}$`;
}

function entryPointSpecifiers(entryPoints: PluginBuild["initialOptions"]["entryPoints"]): string[] {
  if (!entryPoints) return [];
  if (Array.isArray(entryPoints)) return entryPoints.map((e) => (typeof e === "string" ? e : e.in));
  return Object.values(entryPoints);
}
