import * as path from "node:path";
import { moduleKeyOf, toPosix } from "../rules/module-paths";

/** tsconfig `paths` as the resolver sees them: patterns with at most one `*`, substitutions relative to `base`. */
export interface PathAliases {
  base: string;
  paths: Readonly<Record<string, readonly string[]>>;
}

/**
 * Where a non-relative specifier would point through `paths`, as module keys. Used only when the resolver
 * failed, i.e. for a deprecated module that was already deleted, so the first matching pattern is not enough:
 * every substitution is a candidate.
 */
export function aliasCandidates(specifier: string, aliases: PathAliases | undefined): string[] {
  if (!aliases) return [];
  const keys: string[] = [];
  for (const [pattern, substitutions] of Object.entries(aliases.paths)) {
    const star = pattern.indexOf("*");
    let captured: string | undefined;
    if (star < 0) captured = pattern === specifier ? "" : undefined;
    else {
      const prefix = pattern.slice(0, star);
      const suffix = pattern.slice(star + 1);
      if (specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix)) {
        captured = specifier.slice(prefix.length, specifier.length - suffix.length);
      }
    }
    if (captured === undefined) continue;
    for (const substitution of substitutions) {
      keys.push(moduleKeyOf(toPosix(path.resolve(aliases.base, substitution.replace("*", captured)))));
    }
  }
  return keys;
}

/** Alias patterns without `*` never contain the target's file name, so the text pre-filter must know them. */
export function exactAliasesTo(moduleKeys: ReadonlySet<string>, aliases: PathAliases | undefined): string[] {
  if (!aliases) return [];
  return Object.keys(aliases.paths).filter((pattern) => !pattern.includes("*") && aliasCandidates(pattern, aliases).some((k) => moduleKeys.has(k) || moduleKeys.has(`${k}/index`)));
}

/**
 * Wildcard patterns whose substitution has path segments after the star (`@svc/<star>` mapped to
 * `src/<star>/factory`): the
 * deprecated file's name is then in the substitution, not in the specifier, so the pre-filters must treat
 * every specifier of the pattern's shape as a candidate.
 */
export function aliasPatternsHidingFileNames(aliases: PathAliases | undefined): Array<{ prefix: string; suffix: string }> {
  if (!aliases) return [];
  const hiding: Array<{ prefix: string; suffix: string }> = [];
  for (const [pattern, substitutions] of Object.entries(aliases.paths)) {
    const star = pattern.indexOf("*");
    if (star < 0) continue;
    const hides = substitutions.some((s) => s.includes("*") && s.slice(s.indexOf("*") + 1).includes("/"));
    if (hides) hiding.push({ prefix: pattern.slice(0, star), suffix: pattern.slice(star + 1) });
  }
  return hiding;
}
