import * as path from "node:path";
import type { SsotDiagnostic } from "../../diagnostic";
import { declarationFacade } from "../../facade/declaration-facade";
import type { Project } from "../../project/load-project";
import { exportKindsOf } from "../../project/export-kinds";
import { toPosix } from "../../rules/module-paths";
import { RuleIndex } from "../../rules/targets";
import type { ModuleRef, PathModule, Rule } from "../../rules/types";

/** What `--beside-sources` appends to a kept deprecated file's name, and the `moduleSuffixes` entry that finds it. */
export const BESIDE_SUFFIX = ".ssot-facade";
const ORIGINAL_SUFFIX = ".ssot-original";

/**
 * Where every generated file goes, and what it says. Two mechanisms, chosen by what TypeScript's resolver
 * does (measured on 6.0 and 7.0, docs/typescript-7.md):
 * - A deleted module's facade is a `.d.ts` at the module's path mirrored under `<out>/facades/`, found through
 *   `rootDirs` for relative imports and `paths` fallbacks for aliases. A declaration file, because `rootDir`
 *   would refuse a `.ts` file outside it (TS6059, even with --noEmit) and there is nothing to emit anyway.
 * - A deprecated file that still exists always wins over a `rootDirs` facade (the importer's own folder is
 *   tried first), so its facade must sit beside it, `<name>.ssot-facade.ts`, found first through
 *   `moduleSuffixes`. That mixes generated files with the user's, so it happens only with `--beside-sources`.
 *   A facade that must still reach the file it shadows (a split rule keeps the unlisted names there) goes
 *   through a symlink beside it, `<name>.ssot-original.ts`: the suffix is tried on every path and every
 *   extension, a link's own name is not. Beside, not under the out folder: `rootDir` refuses a `.ts` outside it.
 */
export interface FacadeLayout {
  outDir: string;
  facadesDir: string;
  /** The folder the facades mirror: the common ancestor of the project, the rules and every deprecated module. */
  mirrorRoot: string;
  /** Generated file → text. */
  files: Map<string, string>;
  /** Symlink beside a kept file (`<name>.ssot-original.ts`) → the file, for the facade that shadows it. */
  symlinks: Map<string, string>;
  /** Files written beside the user's sources (`--beside-sources`). */
  beside: string[];
  /** Deprecated files that still exist and got no facade (no `--beside-sources`). */
  keptWithoutFacade: string[];
  /** Bare deprecated specifier → its facade, for `paths`. */
  bare: Map<string, string>;
  errors: SsotDiagnostic[];
}

export interface LayoutOptions {
  outDir: string;
  besideSources: boolean;
}

export function planFacades(project: Project, options: LayoutOptions): FacadeLayout {
  const { ruleSet } = project;
  const index = new RuleIndex(ruleSet);
  const outDir = toPosix(path.resolve(options.outDir));
  const facadesDir = `${outDir}/facades`;
  const mirrorRoot = commonAncestor([project.root, ruleSet.baseDir, ...ruleSet.rules.flatMap((r) => (r.from.kind === "path" ? [path.dirname(r.from.key)] : []))]);
  const layout: FacadeLayout = { outDir, facadesDir, mirrorRoot, files: new Map(), symlinks: new Map(), beside: [], keptWithoutFacade: [], bare: new Map(), errors: [] };

  const kept = new Map<string, PathModule>();
  for (const rule of ruleSet.rules) if (rule.from.kind === "path" && rule.from.file && project.fs.fileExists(rule.from.file)) kept.set(rule.from.key, rule.from);

  const targetFiles = new Set<string>();
  const bareTargetFiles = new Map<string, string>();
  for (const rule of ruleSet.rules) {
    for (const module of [index.moduleTarget(rule), ...index.listedNames(rule).flatMap((n) => index.symbolTarget(rule, n)?.module ?? [])]) {
      if (module.kind === "path" && module.file) targetFiles.add(module.file);
      if (module.kind === "bare") {
        const resolved = project.resolve(module.written, `${ruleSet.baseDir}/ssot-imports.facade.ts`);
        if (resolved) bareTargetFiles.set(module.key, resolved);
      }
    }
  }
  const kinds = exportKindsOf(project.ts, project.options, [...targetFiles, ...bareTargetFiles.values()]);
  const exportsOf = (module: ModuleRef) => kinds.get((module.kind === "path" ? module.file : bareTargetFiles.get(module.key)) ?? "");

  for (const rule of ruleSet.rules) {
    const file = facadeFileOf(rule, layout, kept, options.besideSources);
    if (!file) continue;
    const specifierOf = (module: ModuleRef): string => {
      if (module.kind === "bare") return module.written;
      let real = module.file ?? module.key;
      // The file a beside facade shadows is reached through its symlink, which no suffix can redirect.
      if (options.besideSources && kept.has(module.key) && module.file) {
        real = originalLinkOf(module.file);
        layout.symlinks.set(real, module.file);
      }
      return importSpecifier(path.posix.dirname(file), real);
    };
    const facade = declarationFacade(rule, { ruleSet, index, exportsOf, specifierOf });
    layout.errors.push(...facade.errors);
    layout.files.set(file, facade.text);
  }
  return layout;
}

/** Where a rule's facade goes, or undefined when it gets none (a kept file without `--beside-sources`). */
function facadeFileOf(rule: Rule, layout: FacadeLayout, kept: ReadonlyMap<string, PathModule>, besideSources: boolean): string | undefined {
  const from = rule.from;
  if (from.kind === "bare") {
    const file = `${layout.facadesDir}/bare/${from.written}.d.ts`;
    layout.bare.set(from.written, file);
    return file;
  }
  const existing = kept.get(from.key);
  if (!existing?.file) return `${layout.facadesDir}/${relativeTo(layout.mirrorRoot, from.key)}.d.ts`;
  if (!besideSources) {
    layout.keptWithoutFacade.push(existing.file);
    return undefined;
  }
  const extension = /\.(?:d\.)?m[jt]s$/.test(existing.file) ? ".mts" : /\.(?:d\.)?c[jt]s$/.test(existing.file) ? ".cts" : ".ts";
  const file = `${from.key}${BESIDE_SUFFIX}${extension}`;
  layout.beside.push(file);
  return file;
}

/** `./x.js` from a facade: the output extension, which every module setting accepts (node16 requires one). */
export function importSpecifier(fromDir: string, file: string): string {
  const output = file
    .replace(/\.d\.(m|c)?ts$/, (_m, k: string | undefined) => `.${k ?? ""}js`)
    .replace(/\.(m|c)?tsx?$/, (_m, k: string | undefined) => `.${k ?? ""}js`);
  const relative = path.posix.relative(fromDir, output);
  return relative.startsWith("./") || relative.startsWith("../") ? relative : `./${relative}`;
}

/** `config.ts` → `config.ssot-original.ts`: the name of the link to the file that a beside facade shadows. */
export function originalLinkOf(file: string): string {
  return file.replace(/(\.d)?(\.[cm]?[jt]sx?)$/, `${ORIGINAL_SUFFIX}$1$2`);
}

function relativeTo(root: string, file: string): string {
  return path.posix.relative(root, file);
}

function commonAncestor(dirs: readonly string[]): string {
  const split = dirs.map((d) => toPosix(path.resolve(d)).split("/"));
  const first = split[0]!;
  let length = first.length;
  for (const parts of split) {
    let i = 0;
    while (i < length && i < parts.length && parts[i] === first[i]) i++;
    length = i;
  }
  return first.slice(0, length).join("/") || "/";
}
