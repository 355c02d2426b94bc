/**
 * The value names an ES module's own text may export, read without a parser, or undefined when the text holds
 * anything this reading does not know for certain. Used only to clear a rule of forgetting a name
 * (checked-rules.ts): a bundle then serves it at load without asking esbuild to compile the deprecated file first,
 * which cost ~2 M instructions in esbuild's service per file, more than the rest of the plugin's set-up in node.
 *
 * Sound by construction, not exact: every `export` word in the text (comments and strings included) must open a
 * form below, or the answer is undefined. So a real export is never missed; a commented-out one may add a name,
 * which only sends the rule back to esbuild's answer. Type-only forms add nothing, as esbuild erases them.
 * Variable declarations (`export const a = 1, b = f(x, y)`: where a declarator ends needs a parser), `export *`,
 * `export =`, `export import` and CommonJS (`exports`, `require(`) all answer undefined.
 */
export function declaredValueExports(text: string): Set<string> | undefined {
  if (COMMON_JS.test(text)) return undefined;
  const names = new Set<string>();
  for (const match of text.matchAll(EXPORT_WORD)) {
    const at = match.index!;
    if (matchesAt(TYPE_ONLY, text, at)) continue;
    if (matchesAt(DEFAULT, text, at)) {
      names.add("default");
      continue;
    }
    const declared = matchAt(DECLARATION, text, at);
    if (declared) {
      names.add(declared[1]);
      continue;
    }
    const list = matchAt(LIST, text, at);
    const listed = list ? listedNames(list[1]) : undefined;
    if (!listed) return undefined;
    listed.forEach((name) => names.add(name));
  }
  return names;
}

const COMMON_JS = /\bexports\b|\brequire\s*\(/;
const EXPORT_WORD = /\bexport\b/g;
const NAME = "[A-Za-z_$][\\w$]*";
/** `export interface I`, `export type T =`, `export type { … }`, `export type * from`, with `declare`. */
const TYPE_ONLY = new RegExp(`export\\s+(?:declare\\s+)?(?:interface\\s+${NAME}|type\\s+${NAME}\\s*[<=]|type\\s*[{*])`, "y");
const DEFAULT = /export\s+default\b/y;
/** One declaration names one value: classes, functions, enums, namespaces (an uninstantiated one adds a name too many). */
const DECLARATION = new RegExp(
  `export\\s+(?:declare\\s+)?(?:(?:abstract\\s+class|class|(?:async\\s+)?function|const\\s+enum|enum|namespace|module)\\s+|(?:async\\s+)?function\\s*\\*\\s*)(${NAME})`,
  "y",
);
/** `export { a, b as c, type T }` and the same with `from "…"` (its names are exported all the same). */
const LIST = /export\s*\{([^}]*)\}/y;
const SPECIFIER = new RegExp(`^(type\\s+)?(${NAME}|"[^"]*"|'[^']*')(?:\\s+as\\s+(${NAME}|"[^"]*"|'[^']*'))?$`);

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function matchesAt(pattern: RegExp, text: string, at: number): boolean {
  return matchAt(pattern, text, at) !== null;
}

/** The exported names of a `{ … }` list; undefined for anything else inside it (a comment, say). */
function listedNames(list: string): string[] | undefined {
  const names: string[] = [];
  for (const item of list.split(",")) {
    const trimmed = item.trim();
    if (trimmed === "") continue;
    const specifier = SPECIFIER.exec(trimmed);
    if (!specifier) return undefined;
    if (specifier[1]) continue; // `type T`: erased
    const exported = specifier[3] ?? specifier[2];
    names.push(/^["']/.test(exported) ? exported.slice(1, -1) : exported);
  }
  return names;
}
