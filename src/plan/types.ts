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
  /** The module the import goes to, written as this importer would write it (from its folder, in its extension style). */
  replacement: string;
  /** Each imported name (never `*`): where the rules send it, written the same way, and its name there. */
  targets: RewriteTarget[];
}

export interface RewriteTarget {
  name: string;
  /** The module specifier, as the importer would write it. */
  module: string;
  newName: string;
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
 * How the output names and loads modules, which decides the extension a rewritten specifier carries.
 */
export interface ExtensionPolicy {
  /**
   * Whether the import needs an extension even where the importer wrote none: a bare specifier or an alias
   * shows no style to follow, yet an ES module import under node16/nodenext resolution, or run by Node's ES
   * module loader, must name its file. Absent: never (CommonJS, bundlers).
   */
  requiresExtension?: (site: ImportSite) => boolean;
  /**
   * The extension of every emitted JavaScript file, where the tool names them all alike (esbuild: its
   * `outExtension`, `.js` by default, whatever the source's). Absent: tsc's, which follows each source's
   * (`.ts` → `.js`, `.mts` → `.mjs`, `.cts` → `.cjs`).
   */
  outputExtension?: string;
}
