/**
 * The generated project, as plain data: small enough to print, paste into `regressions.ts` and replay, and
 * shaped so fast-check can shrink it (every field is an independent choice; `normalize` makes any choice valid).
 */

/** What the rules do with one export of the deprecated module. */
export type Fate =
  /** The SSOT module exports it under the same name; the rules do not list it. */
  | "same"
  /** The SSOT module exports it under a new name; `symbols` maps it. */
  | "rename"
  /** The SSOT module's default export; `symbols` maps it to `"default"`. */
  | "toDefault"
  /** Moves to a third module: `{ "to": "./extra", "name": … }`. */
  | "split"
  /** Stays in the deprecated module (only when the rule has no module-level `to`). */
  | "stay"
  /** Nothing exports it where the rules send it, and `symbols` does not map it: must be refused. */
  | "forgotten";

export interface SymbolModel {
  fate: Fate;
  /** A type (interface) is imported with `import type` / inline `type` and used in annotations only. */
  type: boolean;
}

export type DefaultFate = "none" | "same" | "toNamed";

/** How an importer reaches the deprecated module. */
export type Form =
  | "named"
  | "default"
  | "namespace"
  | "sideEffect"
  | "typeOnly"
  | "exportNamed"
  | "exportStar"
  | "importEquals"
  | "require"
  | "dynamicImport";

export const FORMS: readonly Form[] = ["named", "default", "namespace", "sideEffect", "typeOnly", "exportNamed", "exportStar", "importEquals", "require", "dynamicImport"];
export const FATES: readonly Fate[] = ["same", "rename", "toDefault", "split", "stay", "forgotten"];

export interface ImporterModel {
  form: Form;
  /** Which of the group's exports it asks for (indexes into `symbols`, taken modulo its length). */
  picks: number[];
  /** Local aliases (`{ a as b }`, `{ a: b }`) for the picked names. */
  aliased: boolean;
  /** Writes the tsconfig path alias (`@al/g0/old`) instead of a relative specifier. */
  viaAlias: boolean;
  /** Writes the specifier from a subfolder (`../old`), so the replacement must be made relative to it. */
  nested: boolean;
  /** Also imports the lookalike `other/old` (same file name, another folder), which must never be rewritten. */
  withLookalike: boolean;
}

export interface GroupModel {
  symbols: SymbolModel[];
  defaultFate: DefaultFate;
  /** The deprecated module still exists (it prints other words than the SSOT module, so a miss shows). */
  oldKept: boolean;
  /** The rule lists symbols only (a split): no module-level `to`. */
  splitOnly: boolean;
  /** `old → mid → ssot`, the middle module deleted or kept. */
  chain: "none" | "midKept" | "midDeleted";
  importers: ImporterModel[];
}

export interface ProjectModel {
  groups: GroupModel[];
}
