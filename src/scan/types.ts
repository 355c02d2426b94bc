/** Half-open offsets into the file's text. */
export interface Range {
  start: number;
  end: number;
}

/** The string literal that names a module, quotes included in the range. */
export interface SpecifierLiteral extends Range {
  value: string;
  quote: string;
}

/**
 * One imported (or re-exported, or destructured) name. Edits are made in place on `importedRange` so the
 * rest of the statement, comments and line breaks included, stays as the user wrote it.
 */
export interface Binding {
  /** The export name in the module; `default` for a default import. */
  imported: string;
  /** The local (or exported, or destructured-into) name; the same as `imported` when no alias was written. */
  local: string;
  typeOnly: boolean;
  /** The whole element, e.g. `type a as b` or `b: c`. */
  element: Range;
  /** Where the export name is written (or the shorthand name). */
  importedRange: Range;
  hasAlias: boolean;
  /** `as` in import/export lists, `:` in destructuring patterns. */
  aliasSyntax: "as" | "colon";
}

/** A namespace-like local (`* as ns`, `x = require()`, `const m = await import()`) and how it is used. */
export interface NamespaceBinding {
  local: string;
  /** Every use as `ns.member`; undefined when some use is not a plain member access, so renames are unsafe. */
  members?: MemberUse[];
}

export interface MemberUse {
  name: string;
  range: Range;
}

interface SiteBase {
  specifier: SpecifierLiteral;
  /** The whole statement or expression, leading trivia excluded. */
  statement: Range;
}

/** `import … from`, `import "…"`, `export … from`, `export * from`, `export * as ns from`. */
export interface DeclarationSite extends SiteBase {
  kind: "import" | "export";
  typeOnly: boolean;
  defaultBinding?: Binding;
  namespace?: NamespaceBinding;
  named?: Binding[];
  /** The `{ … }` of the named list, braces included. */
  namedRange?: Range;
  /** The import clause (`a, { b }`) for the rare edit that must restructure it. */
  clauseRange?: Range;
  exportStar?: { alias?: string };
  /** Text after the specifier up to the statement's end, e.g. ` with { type: "json" };` */
  tailRange: Range;
}

export interface ImportEqualsSite extends SiteBase {
  kind: "import-equals";
  typeOnly: boolean;
  namespace: NamespaceBinding;
}

export type CallUsage =
  | { kind: "unused" }
  | { kind: "destructured"; bindings: Binding[] }
  | { kind: "member"; member: MemberUse }
  | { kind: "namespace"; namespace: NamespaceBinding }
  | { kind: "opaque" };

export interface CallSite extends SiteBase {
  kind: "require" | "dynamic-import" | "mock";
  callee: string;
  /** Arguments after the specifier (a mock factory, import options). */
  extraArguments: number;
  usage: CallUsage;
}

export interface ImportTypeSite extends SiteBase {
  kind: "import-type";
  isTypeOf: boolean;
  /** The first name after `import("…").`, the only one that names an export of the module. */
  qualifier?: MemberUse;
}

export interface AugmentationSite extends SiteBase {
  kind: "augmentation";
  /** Names the augmentation declares (`interface Manager { … }`): each patches the export of that name. */
  declared: MemberUse[];
}

export type ImportSite = DeclarationSite | ImportEqualsSite | CallSite | ImportTypeSite | AugmentationSite;
