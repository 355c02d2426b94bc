import { escapeRegExp } from "../match/escape-regexp";

/**
 * An RE2 pattern matching exactly these files, with either path separator; one that matches nothing if empty.
 * Written as a trie: a flat alternation of long absolute paths keeps every branch alive through their shared
 * prefix in Go's regexp engine, for every file esbuild tests against it.
 */
export function exactFiles(files: readonly string[]): RegExp {
  if (files.length === 0) return /^\b$/;
  const sorted = [...new Set(files.map((f) => f.replace(/\\/g, "/")))].sort();
  return new RegExp(`^${trie(sorted, 0, sorted.length, 0)}$`);
}

/**
 * The trie of sorted strings lo..hi, which share their first `depth` characters. Sorted, they share the next
 * character exactly when the first and the last do, and a string that ends here is the first of them.
 */
function trie(strings: readonly string[], lo: number, hi: number, depth: number): string {
  let out = "";
  for (;;) {
    if (strings[lo].length === depth) return lo + 1 === hi ? out : `${out}(?:${trie(strings, lo + 1, hi, depth)})?`;
    const char = strings[lo][depth];
    if (strings[hi - 1][depth] !== char) break;
    out += patternChar(char);
    depth++;
  }
  const branches: string[] = [];
  for (let i = lo; i < hi; ) {
    const char = strings[i][depth];
    let j = i;
    while (j < hi && strings[j][depth] === char) j++;
    branches.push(patternChar(char) + trie(strings, i, j, depth + 1));
    i = j;
  }
  return `${out}(?:${branches.join("|")})`;
}

const patternChar = (char: string) => (char === "/" ? "[\\\\/]" : escapeRegExp(char));
