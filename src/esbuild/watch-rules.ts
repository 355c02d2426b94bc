import * as path from "node:path";
import type { PluginBuild } from "esbuild";
import { globPattern, isGlob, writtenEntryPoints } from "./entry-points";
import { exactFiles } from "./file-filter";

/**
 * A build that meets no deprecated import still depends on the rules: an entry point carries the rules file as
 * a watched file, so editing ssot-imports.json rebuilds a watching context either way (also after a broken edit,
 * so fixing the file rebuilds too).
 *
 * - The hook is an onLoad answering only `{ watchFiles }`: esbuild then loads the file itself. Answering from
 *   onResolve instead would hand esbuild a path it did not resolve, and it drops that file's tsconfig settings
 *   (`alwaysStrict`, decorators, JSX), which changes the output.
 * - Watched files belong to the whole build, so one entry point carries them: a transpile-only build lists
 *   every file as an entry point, and a callback for each would cost more than the build.
 * - Glob entry points (`src/*.ts`) are expanded by esbuild; an onLoad whose filter is the glob itself covers them.
 */
export function watchRulesFromEntryPoints(build: PluginBuild, watchFiles: () => string[]): void {
  const base = build.initialOptions.absWorkingDir ?? process.cwd();
  const all = writtenEntryPoints(build.initialOptions.entryPoints);
  const first = all.find((e) => !isGlob(e) && (e.startsWith(".") || path.isAbsolute(e) || /[\\/]/.test(e)));
  const globs = all.filter(isGlob);
  const patterns = [...(first ? [exactFiles([path.resolve(base, first)]).source] : []), ...globs.map((g) => globPattern(path.resolve(base, g)))];
  if (patterns.length === 0) return;
  build.onLoad({ filter: new RegExp(patterns.join("|")), namespace: "file" }, () => {
    const files = watchFiles();
    return files.length > 0 ? { watchFiles: files } : undefined;
  });
}

