import * as path from "node:path";
import type { Project } from "../../project/load-project";
import { toPosix } from "../../rules/module-paths";
import { BESIDE_SUFFIX, type FacadeLayout } from "./facade-layout";

/** The compiler options that make a compiler without the plugin find the facades. */
export interface FacadeCompilerOptions {
  rootDirs: string[];
  paths?: Record<string, string[]>;
  moduleSuffixes?: string[];
}

/**
 * The options, written relative to `configDir` (the folder of the tsconfig that will hold them), as TypeScript
 * reads them there: `rootDirs` relative to that file, `paths` relative to `baseUrl` when the project sets one.
 * They extend the project's own settings rather than replace them: its `rootDirs` and `paths` are kept, each
 * followed by its mirror under the facades folder, and its `moduleSuffixes` stay after the facade's suffix.
 */
export function facadeCompilerOptions(project: Project, layout: FacadeLayout, configDir: string): FacadeCompilerOptions {
  const { options } = project;
  const mirror = (absolute: string): string | undefined => {
    const relative = path.posix.relative(layout.mirrorRoot, toPosix(absolute));
    return relative.startsWith("..") || path.posix.isAbsolute(relative) ? undefined : path.posix.join(layout.facadesDir, relative);
  };
  const relativeToConfig = (absolute: string) => dotted(path.posix.relative(toPosix(configDir), toPosix(absolute)));

  const roots = (options.rootDirs ?? [layout.mirrorRoot]).map(toPosix);
  const rootDirs = [...roots, ...roots.flatMap((r) => mirror(r) ?? [])].map(relativeToConfig);

  const pathsBase = toPosix(options.baseUrl ?? configDir);
  const relativeToPaths = (absolute: string) => dotted(path.posix.relative(pathsBase, toPosix(absolute)));
  // Where the project's own `paths` are relative to: the config that declared them, or its baseUrl.
  const ownBase = toPosix(options.baseUrl ?? (options as { pathsBasePath?: string }).pathsBasePath ?? project.root);
  const paths: Record<string, string[]> = {};
  for (const [pattern, substitutions] of Object.entries(options.paths ?? {})) {
    const absolute = substitutions.map((s) => toPosix(path.resolve(ownBase, s)));
    paths[pattern] = [...absolute, ...absolute.flatMap((s) => mirror(s) ?? [])].map(relativeToPaths);
  }
  // A bare deprecated specifier goes to its facade first: `paths` are tried before node_modules.
  for (const [specifier, file] of layout.bare) paths[specifier] = [relativeToPaths(file)];

  const result: FacadeCompilerOptions = { rootDirs };
  if (Object.keys(paths).length > 0) result.paths = paths;
  if (layout.beside.length > 0) result.moduleSuffixes = [BESIDE_SUFFIX, ...(options.moduleSuffixes ?? [""])];
  return result;
}

/**
 * A tsconfig that extends the project's and adds the facade options, for `tsc -p <it>` (TypeScript 7 in CI,
 * say). The project's `include` is inherited; when it has none, its default (everything beside it) is
 * spelled out, since a default would otherwise be taken relative to this file's folder.
 */
export function facadeTsconfig(project: Project, layout: FacadeLayout, file: string): string {
  const configDir = path.posix.dirname(toPosix(file));
  const raw = project.ts.readConfigFile(project.configFile, project.ts.sys.readFile).config as Record<string, unknown> | undefined;
  const config: Record<string, unknown> = {
    extends: dotted(path.posix.relative(configDir, project.configFile)),
    compilerOptions: facadeCompilerOptions(project, layout, configDir),
  };
  if (raw && raw.files === undefined && raw.include === undefined && raw.extends === undefined) {
    config.include = [`${dotted(path.posix.relative(configDir, project.root))}/**/*`];
  }
  return JSON.stringify(config, null, 2) + "\n";
}

function dotted(relative: string): string {
  if (relative === "") return ".";
  return relative.startsWith("../") || relative === ".." ? relative : `./${relative}`;
}
