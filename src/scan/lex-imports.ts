import type { Binding, CallSite, CallUsage, DeclarationSite, ImportSite, Range, SpecifierLiteral } from "./types";
import { occurrencesOf } from "./offsets";

/** What es-module-lexer reports for one import (its field names), passed in so the core imports no lexer. */
export interface LexedImport {
  /** The specifier's value, undefined when it is not a string literal. */
  n: string | undefined;
  /** Static: the specifier's text without quotes. Dynamic: the argument, quotes included. */
  s: number;
  e: number;
  ss: number;
  se: number;
  /** -1 static, ≥0 dynamic `import()`, -2 `import.meta`. */
  d: number;
}

/**
 * Import sites of JavaScript in esbuild's canonical output (types already stripped, one statement per line,
 * `a as b`, double quotes). Used where loading TypeScript's parser would cost more than the build itself;
 * namespace objects get no member analysis here, so a rule that renames makes them an error, not a guess.
 */
export function lexImports(text: string, lexed: readonly LexedImport[], isCandidate: (specifier: string) => boolean): ImportSite[] {
  const sites: ImportSite[] = [];
  for (const item of lexed) {
    if (item.n === undefined || !isCandidate(item.n)) continue;
    if (item.d === -1) {
      const site = staticSite(text, item);
      if (site) sites.push(site);
    } else if (item.d >= 0 && (text[item.s] === '"' || text[item.s] === "'")) {
      const specifier = { value: item.n, start: item.s, end: item.e, quote: text[item.s] };
      sites.push(callSite(text, "dynamic-import", "import", specifier, { start: item.ss, end: item.se }));
    }
  }
  for (const match of text.matchAll(/\brequire\((["'])([^"'\n]+)\1\)/g)) {
    if (!isCandidate(match[2]) || isPropertyName(text, match.index)) continue;
    const start = match.index + "require(".length;
    const specifier = { value: match[2], start, end: start + match[2].length + 2, quote: match[1] };
    sites.push(callSite(text, "require", "require", specifier, { start: match.index, end: match.index + match[0].length }));
  }
  return sites;
}

/**
 * Import sites read straight from a TypeScript (or plain JavaScript) file, without stripping types first, for
 * the common file whose deprecated imports are all `import … from` / `export … from` statements. Undefined —
 * read the file the exact way instead — unless every occurrence of every needle in the text lies in the
 * specifier of a static import the lexer reported: the lexer knows no TypeScript, and skips what it does not
 * understand (`export type … from`, `import x = require()`), so only that check proves no import was missed.
 */
export function lexSourceImports(text: string, lexed: readonly LexedImport[], isCandidate: (specifier: string) => boolean, needles: readonly string[]): DeclarationSite[] | undefined {
  const sites: DeclarationSite[] = [];
  const specifiers: Range[] = [];
  for (const item of lexed) {
    if (item.n === undefined) continue;
    if (item.d !== -1) {
      if (isCandidate(item.n)) return undefined; // `import()` and its uses: the exact path reads those
      continue;
    }
    // Quotes included: some needles carry them (`"."`, `/"`, for `./` and folder-index specifiers).
    specifiers.push({ start: item.s - 1, end: item.e + 1 });
    if (!isCandidate(item.n)) continue;
    // A statement that does not start its line is unusual enough to be a lexer's misreading of TypeScript.
    if (!/^[ \t]*$/.test(text.slice(text.lastIndexOf("\n", item.ss - 1) + 1, item.ss))) return undefined;
    const site = staticSite(text, item, true);
    if (!site) return undefined;
    sites.push(site);
  }
  const inSomeSpecifier = (start: number, end: number) => specifiers.some((r) => r.start <= start && end <= r.end);
  for (const needle of needles) {
    if (!occurrencesOf(text, needle).every((at) => inSomeSpecifier(at, at + needle.length))) return undefined;
  }
  return sites;
}

function isPropertyName(text: string, index: number): boolean {
  return index > 0 && /[.\w$]/.test(text[index - 1]);
}

/** `typescript`: the statement may carry `type` modifiers (`import type …`, `{ type A }`), as TypeScript writes them. */
function staticSite(text: string, item: LexedImport, typescript = false): DeclarationSite | undefined {
  const keyword = text.slice(item.ss, item.ss + 6);
  if (keyword !== "import" && keyword !== "export") return undefined;
  const specifier: SpecifierLiteral = { value: item.n!, start: item.s - 1, end: item.e + 1, quote: text[item.s - 1] };
  const end = text[item.se] === ";" ? item.se + 1 : item.se;
  const site: DeclarationSite = {
    kind: keyword,
    specifier,
    statement: { start: item.ss, end },
    typeOnly: false,
    tailRange: { start: specifier.end, end },
  };
  const afterKeyword = item.ss + 6;
  const clauseText = text.slice(afterKeyword, specifier.start).replace(/\s*from\s*$/, "");
  const clauseStart = afterKeyword + (clauseText.length - clauseText.trimStart().length);
  let clause = clauseText.trim();
  if (clause === "") return site;
  site.clauseRange = { start: clauseStart, end: clauseStart + clause.length };
  let restStart = clauseStart;
  // `import type X`, `import type { … }`, `export type { … }`; but `import type from` imports a default named type.
  const typeModifier = typescript ? /^type\s+(?=[{*]|(?!from\b)[\w$]+$)/.exec(clause) : null;
  if (typeModifier) {
    site.typeOnly = true;
    clause = clause.slice(typeModifier[0].length);
    restStart += typeModifier[0].length;
  }
  if (keyword === "export") {
    const star = /^\*(?:\s+as\s+([\w$]+))?$/.exec(clause);
    if (star) site.exportStar = { alias: star[1] };
    else if (!namedList(restStart, clause, site, typescript)) return undefined;
    return site;
  }
  const defaultMatch = /^([\w$]+)\s*(?:,\s*|$)/.exec(clause);
  let rest = clause;
  if (defaultMatch && !clause.startsWith("*") && !clause.startsWith("{")) {
    const name = defaultMatch[1];
    const range = { start: restStart, end: restStart + name.length };
    site.defaultBinding = { imported: "default", local: name, typeOnly: site.typeOnly, element: range, importedRange: range, hasAlias: true, aliasSyntax: "as" };
    rest = clause.slice(defaultMatch[0].length);
    restStart += defaultMatch[0].length;
  }
  if (rest === "") return site;
  const namespace = /^\*\s+as\s+([\w$]+)$/.exec(rest);
  if (namespace) {
    site.namespace = { local: namespace[1] };
    return site;
  }
  return namedList(restStart, rest, site, typescript) ? site : undefined;
}

/** `{ a, b as c }` at `start`: fills `named` and `namedRange`; false when it is not that shape. */
function namedList(start: number, list: string, site: DeclarationSite, typescript: boolean): boolean {
  if (!list.startsWith("{") || !list.endsWith("}")) return false;
  site.namedRange = { start, end: start + list.length };
  const named = listBindings(list.slice(1, -1), start + 1, typescript ? "typed-as" : "as", site.typeOnly);
  if (!named) return false;
  site.named = named;
  return true;
}

function callSite(text: string, kind: CallSite["kind"], callee: string, specifier: SpecifierLiteral, call: Range): CallSite {
  return { kind, callee, specifier, statement: call, extraArguments: 0, usage: usageOf(text, call, kind === "dynamic-import") };
}

/**
 * How the result of the call is used, read from the canonical text around it. `import()` returns a promise:
 * only its awaited value has the module's members, so anything else is opaque.
 */
function usageOf(text: string, call: Range, returnsPromise: boolean): CallUsage {
  const before = text.slice(Math.max(0, call.start - 400), call.start);
  const after = text.slice(call.end, call.end + 2);
  const awaited = returnsPromise ? "await\\s+" : "";
  const destructured = new RegExp(`(?:const|let|var)\\s*\\{([^{}]*)\\}\\s*=\\s*${awaited}$`).exec(before);
  if (destructured && /^\s*[;\n]/.test(after + "\n")) {
    const bindings = listBindings(destructured[1], call.start - before.length + destructured.index + destructured[0].indexOf("{") + 1, "colon");
    return bindings ? { kind: "destructured", bindings } : { kind: "opaque" };
  }
  if (/(?:^|[;{}\n])\s*(?:await\s+)?$/.test(before) && /^\s*(?:;|\n|$)/.test(after)) return { kind: "unused" };
  const namespace = new RegExp(`(?:const|let|var)\\s+([\\w$]+)\\s*=\\s*${awaited}$`).exec(before);
  if (namespace) return { kind: "namespace", namespace: { local: namespace[1] } };
  return { kind: "opaque" };
}

/**
 * The elements of a comma list at offset `start`: `a`, `a as b` (import and export lists, string names allowed;
 * `typed-as` also takes TypeScript's `type a as b`) or `a`, `a: b` (destructuring). Undefined when an element is
 * anything else (defaults, rest, nesting, comments), so the caller reads the file the exact way instead.
 */
function listBindings(list: string, start: number, syntax: "as" | "typed-as" | "colon", allTypeOnly = false): Binding[] | undefined {
  const element = syntax === "colon" ? /^([\w$]+)(?:\s*:\s*([\w$]+))?$/ : /^([\w$]+|"[^"]*")(?:\s+as\s+([\w$]+|"[^"]*"))?$/;
  const unquote = (name: string) => name.replace(/^"|"$/g, "");
  const bindings: Binding[] = [];
  let offset = start;
  for (const raw of list.split(",")) {
    const text = raw.trim();
    const elementStart = offset + raw.length - raw.trimStart().length;
    offset += raw.length + 1;
    if (text === "") continue;
    // `type a` is a type-only element; `type as …` is ambiguous enough to leave to a real parser.
    const modifier = syntax === "typed-as" ? /^type\s+/.exec(text) : null;
    if (modifier && /^as\b/.test(text.slice(modifier[0].length))) return undefined;
    const nameStart = elementStart + (modifier?.[0].length ?? 0);
    const parts = element.exec(modifier ? text.slice(modifier[0].length) : text);
    if (!parts) return undefined;
    bindings.push({
      imported: unquote(parts[1]),
      local: unquote(parts[2] ?? parts[1]),
      typeOnly: allTypeOnly || modifier !== null,
      element: { start: elementStart, end: elementStart + text.length },
      importedRange: { start: nameStart, end: nameStart + parts[1].length },
      hasAlias: parts[2] !== undefined,
      aliasSyntax: syntax === "colon" ? "colon" : "as",
    });
  }
  return bindings;
}
