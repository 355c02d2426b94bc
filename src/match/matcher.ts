import * as path from "node:path";
import { isPathLike, moduleKeyOf, toPosix } from "../rules/module-paths";
import { RuleIndex } from "../rules/targets";
import type { Rule } from "../rules/types";
import type { ImportUse } from "../scan/import-use";
import { aliasCandidates, aliasPatternsHidingFileNames, exactAliasesTo, type PathAliases } from "./path-aliases";
import { escapeRegExp } from "./escape-regexp";

/** The adapter's module resolution (TypeScript's, esbuild's), passed in so the core imports no compiler. */
export interface ModuleResolver {
  /** The file an import resolves to; undefined when it does not resolve (e.g. the module was deleted). */
  resolve(specifier: string, importer: string, use?: ImportUse): string | undefined;
}

/**
 * Specifiers such as `.`, `..` and `dir/` name a folder without naming its file; the scanner accepts all three
 * quote styles (`import(\`..\`)` is a string literal too), so the file pre-filter must look for all three.
 */
const DOT_NEEDLES = ['"."', "'.'", "`.`", '".."', "'..'", "`..`", '/"', "/'", "/`"];
/** Every specifier literal opens with one of these: the needles of an alias pattern with an empty prefix (`*`). */
const QUOTES = ['"', "'", "`"];

/** Decides whether an import names a deprecated module; the one place where that is decided. */
export class Matcher {
  /** Substrings at least one of which a file must contain to import a deprecated module at all. */
  readonly needles: readonly string[];
  /**
   * The needles as one alternation: one pass over the text instead of one per needle, 2× faster with the
   * bench's 10 rules and 25× with 300. Global, for needleOffsets; every user resets lastIndex first.
   */
  private readonly needlePattern: RegExp | undefined;
  private readonly lastSegments = new Set<string>();
  private readonly exactSpecifiers = new Set<string>();
  private readonly anyDotSpecifier: boolean;
  private readonly hidingAliases: ReadonlyArray<{ prefix: string; suffix: string }>;

  constructor(
    readonly index: RuleIndex,
    private readonly resolver: ModuleResolver,
    private readonly aliases?: PathAliases,
  ) {
    const pathKeys = new Set<string>();
    for (const rule of index.ruleSet.rules) {
      if (rule.from.kind === "bare") {
        this.exactSpecifiers.add(rule.from.key);
        continue;
      }
      pathKeys.add(rule.from.key);
      const segments = rule.from.key.split("/");
      this.lastSegments.add(segments[segments.length - 1]);
      // `./folder` names `folder/index`, and a deleted `from` may have been either.
      if (segments[segments.length - 1] === "index") this.lastSegments.add(segments[segments.length - 2]);
    }
    for (const alias of exactAliasesTo(pathKeys, aliases)) this.exactSpecifiers.add(alias);
    this.anyDotSpecifier = [...pathKeys].some((key) => key.endsWith("/index")) || index.ruleSet.rules.some((r) => r.from.kind === "path" && !r.from.file);
    this.hidingAliases = aliasPatternsHidingFileNames(aliases);
    this.needles = [
      ...this.lastSegments,
      ...this.exactSpecifiers,
      ...(this.anyDotSpecifier ? DOT_NEEDLES : []),
      ...this.hidingAliases.flatMap((a) => (a.prefix === "" ? QUOTES : [a.prefix])),
    ];
    this.needlePattern = this.needles.length > 0 ? new RegExp(this.needles.map(escapeRegExp).join("|"), "g") : undefined;
  }

  /** Cheap: could this file import a deprecated module? Most files of a large project answer no here. */
  fileMayMatch(text: string): boolean {
    if (!this.needlePattern) return false;
    this.needlePattern.lastIndex = 0;
    return this.needlePattern.test(text);
  }

  /**
   * Where the needles occur in the text, ascending: every specifier that may match contains one of these
   * offsets, so scanImports (`candidateOffsets`) can skip the parts of the file that hold none. Empty exactly
   * when `fileMayMatch` says no.
   */
  needleOffsets(text: string): number[] {
    const offsets: number[] = [];
    const pattern = this.needlePattern;
    if (!pattern) return offsets;
    pattern.lastIndex = 0;
    for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
      offsets.push(found.index);
      // Go on from the next character, not after the match: needles may overlap (`.` and `..`).
      pattern.lastIndex = found.index + 1;
    }
    return offsets;
  }

  /**
   * Cheap: could this specifier name a deprecated module? Decides whether resolving it is worth it. A bare
   * `from` is one of the exact specifiers, so a yes here covers `bareRule` too.
   */
  specifierMayMatch(specifier: string): boolean {
    if (this.exactSpecifiers.has(specifier)) return true;
    for (const { prefix, suffix } of this.hidingAliases) {
      if (specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix)) return true;
    }
    const trimmed = specifier.replace(/\/+$/, "");
    const last = moduleKeyOf(trimmed.slice(trimmed.lastIndexOf("/") + 1));
    return this.lastSegments.has(last) || (this.anyDotSpecifier && (last === "." || last === ".." || trimmed !== specifier));
  }

  /**
   * `specifierMayMatch` as a regular expression source for esbuild's Go-side filter (RE2: no look-around),
   * so specifiers that cannot match never cross into JavaScript. Kept beside it so the two cannot drift.
   */
  specifierPattern(): string {
    const parts: string[] = [];
    if (this.lastSegments.size > 0) {
      const names = [...this.lastSegments].map(escapeRegExp).join("|");
      parts.push(`(?:^|/)(?:${names})(?:\\.d)?(?:\\.[cm]?[jt]sx?)?/*$`);
    }
    if (this.exactSpecifiers.size > 0) parts.push(`^(?:${[...this.exactSpecifiers].map(escapeRegExp).join("|")})$`);
    if (this.anyDotSpecifier) parts.push("^\\.\\.?/*$", "/$");
    for (const { prefix, suffix } of this.hidingAliases) parts.push(`^${escapeRegExp(prefix)}.*${escapeRegExp(suffix)}$`);
    return parts.length > 0 ? parts.join("|") : "^\\b$";
  }

  /**
   * `specifierPattern` as several filters that Go's regexp rejects with one substring search: esbuild tests
   * every filter against every import of the tree, and a pattern that starts with `(?:^|/)` is tried at each
   * offset of each specifier instead. Each filter starts with a literal (last segments grouped by their first
   * character, so an alternation keeps a common prefix) or is anchored. Looser than `specifierMayMatch`
   * (`xmetrics_client_5` passes the filter): a callback tests that too.
   */
  specifierFilters(): string[] {
    const ending = "(?:\\.d)?(?:\\.[cm]?[jt]sx?)?/*$";
    const byFirst = new Map<string, string[]>();
    for (const name of this.lastSegments) byFirst.set(name[0], [...(byFirst.get(name[0]) ?? []), escapeRegExp(name)]);
    const filters = [...byFirst.values()].map((names) => `(?:${names.join("|")})${ending}`);
    if (this.exactSpecifiers.size > 0) filters.push(`^(?:${[...this.exactSpecifiers].map(escapeRegExp).join("|")})$`);
    if (this.anyDotSpecifier) filters.push("^\\.\\.?/*$", "/$");
    for (const { prefix, suffix } of this.hidingAliases) filters.push(`^${escapeRegExp(prefix)}.*${escapeRegExp(suffix)}$`);
    return filters;
  }

  /** `specifierFilters` of a matcher that knew only these rules. */
  specifierFiltersFor(rules: readonly Rule[]): string[] {
    return this.only(rules).specifierFilters();
  }

  /** `specifierPattern` of a matcher that knew only these rules (one filter: Rolldown's are tested in Rust). */
  specifierPatternFor(rules: readonly Rule[]): string {
    return this.only(rules).specifierPattern();
  }

  private only(rules: readonly Rule[]): Matcher {
    return new Matcher(new RuleIndex({ ...this.index.ruleSet, rules }), this.resolver, this.aliases);
  }

  /** `use`: how the import loads the module (`require()`, `import()`), which can change what it resolves to. */
  match(specifier: string, importer: string, use?: ImportUse): Rule | undefined {
    const bare = this.bareRule(specifier);
    if (bare) return bare;
    if (!this.specifierMayMatch(specifier)) return undefined;
    return this.matchResolved(specifier, importer, this.resolver.resolve(specifier, importer, use));
  }

  /** A rule whose `from` is this bare specifier (or path alias) exactly as written. */
  bareRule(specifier: string): Rule | undefined {
    const rule = this.index.ruleFor(specifier);
    return rule?.from.kind === "bare" ? rule : undefined;
  }

  /**
   * For adapters whose resolution costs a round trip (esbuild): a relative or absolute specifier names the
   * module at its joined path (the extension and a folder's `index` are what resolution adds, and the key
   * ignores both), so it is decided here; `"resolve"` means only resolution can tell (packages, aliases).
   */
  matchWithoutResolving(specifier: string, importer: string): Rule | undefined | "resolve" {
    const bare = this.bareRule(specifier);
    if (bare) return bare;
    if (!isPathLike(specifier)) return "resolve";
    return this.matchResolved(specifier, importer, undefined);
  }

  /**
   * The decision once the specifier has been resolved (`undefined`: it did not resolve). Adapters whose
   * resolution is asynchronous (esbuild's `build.resolve`) resolve first and call this directly.
   */
  matchResolved(specifier: string, importer: string, resolved: string | undefined): Rule | undefined {
    const bare = this.bareRule(specifier);
    if (bare) return bare;
    if (resolved !== undefined) return this.pathRule(moduleKeyOf(resolved));
    for (const candidate of this.unresolvedCandidates(specifier, importer)) {
      const rule = this.pathRule(candidate) ?? this.pathRule(candidate.replace(/\/index$/, "")) ?? this.pathRule(`${candidate}/index`);
      if (rule) return rule;
    }
    return undefined;
  }

  private pathRule(key: string): Rule | undefined {
    const rule = this.index.ruleFor(key);
    return rule?.from.kind === "path" ? rule : undefined;
  }

  /** Where a specifier that no longer resolves would have pointed, so deleted deprecated modules still match. */
  private unresolvedCandidates(specifier: string, importer: string): string[] {
    if (isPathLike(specifier)) return [moduleKeyOf(toPosix(path.resolve(path.dirname(importer), specifier)))];
    return aliasCandidates(specifier, this.aliases);
  }
}
