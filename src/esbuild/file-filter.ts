import * as path from "node:path";
import { escapeRegExp } from "../match/escape-regexp";

export type PathSeparator = "/" | "\\";

/**
 * An RE2 pattern matching exactly these files; one that matches nothing if empty. esbuild tests it in Go
 * against the path of every file the build loads, so its shape decides what a plugin costs there:
 * - Separators are written as the platform writes them. A pattern that starts with a literal run is rejected
 *   by Go's regexp with one prefix comparison; a character class (`[\\/]`, either separator) ends that run at
 *   the first `/` and makes Go step through every path character by character. On a 4,000-file bundle that
 *   was ~35 M instructions of the ~150 M the plugin cost on esbuild's side. On Windows, where esbuild may hand
 *   over either separator, both are accepted.
 * - It is a trie: a flat alternation of long absolute paths keeps every branch alive through their shared prefix.
 */
export function exactFiles(files: readonly string[], separator: PathSeparator = path.sep as PathSeparator): RegExp {
  if (files.length === 0) return /^\b$/;
  const style = pathPatternStyle(separator);
  const sorted = [...new Set(files.map(style.normalise))].sort();
  return new RegExp(`^${trie(sorted, 0, sorted.length, 0, style.char)}$`);
}

/** How a filter writes a path's characters for one platform; exactFiles and globPattern share it. */
export interface PathPatternStyle {
  /** The path as the pattern is built from it (on Windows, `/` for either separator). */
  normalise: (path: string) => string;
  /** One character of the normalised path, as a pattern. */
  char: (char: string) => string;
  /** Any one character but a separator. */
  notSeparator: string;
}

export function pathPatternStyle(separator: PathSeparator = path.sep as PathSeparator): PathPatternStyle {
  if (separator === "/") return { normalise: (p) => p, char: escapeRegExp, notSeparator: "[^/]" };
  return {
    normalise: (p) => p.replace(/\\/g, "/"),
    char: (char) => (char === "/" ? "[\\\\/]" : escapeRegExp(char)),
    notSeparator: "[^\\\\/]",
  };
}

/**
 * The trie of sorted strings lo..hi, which share their first `depth` characters. Sorted, they share the next
 * character exactly when the first and the last do, and a string that ends here is the first of them.
 */
function trie(strings: readonly string[], lo: number, hi: number, depth: number, char: (c: string) => string): string {
  let out = "";
  for (;;) {
    if (strings[lo].length === depth) return lo + 1 === hi ? out : `${out}(?:${trie(strings, lo + 1, hi, depth, char)})?`;
    const next = strings[lo][depth];
    if (strings[hi - 1][depth] !== next) break;
    out += char(next);
    depth++;
  }
  const branches: string[] = [];
  for (let i = lo; i < hi; ) {
    const next = strings[i][depth];
    let j = i;
    while (j < hi && strings[j][depth] === next) j++;
    branches.push(char(next) + trie(strings, i, j, depth + 1, char));
    i = j;
  }
  return `${out}(?:${branches.join("|")})`;
}
