export interface RuntimeExports {
  /** Names that exist at run time, as the host bundler itself sees them. */
  values: Set<string>;
  /**
   * True for an ES module, whose `values` are all there is. A CommonJS module's exports are only known at run
   * time (`values` is empty), so a name missing from `values` may still exist.
   */
  exact: boolean;
  /** The module's text, to tell a type-only export (erased) from a missing one. */
  text: string;
}

/** Declared as a type (interface, type alias, `export type {…}`): erased at run time, so nothing to re-export. */
export function isTypeOnlyExport(text: string, name: string): boolean {
  const escaped = name.replace(/[$]/g, "\\$");
  return new RegExp(`\\b(?:interface|type)\\s+${escaped}\\b|export\\s+type\\s*\\{[^}]*\\b${escaped}\\b`).test(text);
}
