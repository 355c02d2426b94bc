import type { SsotDiagnostic } from "../diagnostic";
import type { Rule } from "../rules/types";
import type { ImportSite } from "../scan/types";

/** Replace `[start, end)` of the original text with `text`. Edits of one plan never overlap. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** One deprecated import and what it became, for reports and summaries. */
export interface Rewrite {
  file: string;
  rule: Rule;
  site: ImportSite;
  line: number;
  column: number;
  /** The imported names involved (`*` for a namespace, none for a side-effect import). */
  symbols: string[];
}

export interface RewritePlan {
  file: string;
  edits: TextEdit[];
  rewrites: Rewrite[];
  /**
   * Deprecated imports that could not be rewritten safely (each has its diagnostic): still violations, which a
   * report must count and a codemod must list rather than drop.
   */
  unsafe: Rewrite[];
  diagnostics: SsotDiagnostic[];
}

/**
 * `same-line`: build mode; every edit stays on the line it replaces, so diagnostics and source maps of the
 * rewritten file keep the user's line numbers. `new-line`: the codemod; split imports go on lines of their own.
 */
export type Layout = "same-line" | "new-line";

/**
 * The extension a path target gets when the importer wrote a bare specifier or an alias (which shows no
 * extension style): `"emitted"` for the one tsc emits for the target (`.js`, `.mjs`, `.cjs`), or a fixed one.
 * Undefined: none, which is right wherever the import is resolved without one (CommonJS, bundlers).
 */
export type UnwrittenExtension = "emitted" | `.${string}` | undefined;

/** What an import needs in its setting (ES module imports under node16 resolution, run by Node, need one). */
export type UnwrittenExtensionOf = (site: ImportSite) => UnwrittenExtension;
