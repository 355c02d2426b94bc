import type { Binding, CallSite, CallUsage, DeclarationSite, ImportSite, Range, SpecifierLiteral } from "./types";

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

function isPropertyName(text: string, index: number): boolean {
  return index > 0 && /[.\w$]/.test(text[index - 1]);
}

function staticSite(text: string, item: LexedImport): DeclarationSite | undefined {
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
  const clauseStart = item.ss + 6;
  const clauseText = text.slice(clauseStart, specifier.start).replace(/\s*from\s*$/, "");
  const trimmedStart = clauseStart + (clauseText.length - clauseText.trimStart().length);
  const clause = clauseText.trim();
  if (clause === "") return site;
  site.clauseRange = { start: trimmedStart, end: trimmedStart + clause.length };
  if (keyword === "export") {
    const star = /^\*(?:\s+as\s+([\w$]+))?$/.exec(clause);
    if (star) site.exportStar = { alias: star[1] };
    else if (!namedList(trimmedStart, clause, site)) return undefined;
    return site;
  }
  const defaultMatch = /^([\w$]+)\s*(?:,\s*|$)/.exec(clause);
  let rest = clause;
  let restStart = trimmedStart;
  if (defaultMatch && !clause.startsWith("*") && !clause.startsWith("{")) {
    const name = defaultMatch[1];
    const range = { start: trimmedStart, end: trimmedStart + name.length };
    site.defaultBinding = { imported: "default", local: name, typeOnly: false, element: range, importedRange: range, hasAlias: true, aliasSyntax: "as" };
    rest = clause.slice(defaultMatch[0].length);
    restStart = trimmedStart + defaultMatch[0].length;
  }
  if (rest === "") return site;
  const namespace = /^\*\s+as\s+([\w$]+)$/.exec(rest);
  if (namespace) {
    site.namespace = { local: namespace[1] };
    return site;
  }
  return namedList(restStart, rest, site) ? site : undefined;
}

/** `{ a, b as c }` at `start`: fills `named` and `namedRange`; false when it is not that shape. */
function namedList(start: number, list: string, site: DeclarationSite): boolean {
  if (!list.startsWith("{") || !list.endsWith("}")) return false;
  site.namedRange = { start, end: start + list.length };
  const named = listBindings(list.slice(1, -1), start + 1, "as");
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
 * The elements of a comma list at offset `start`: `a`, `a as b` (import and export lists, string names allowed)
 * or `a`, `a: b` (destructuring). Undefined when an element is anything else (defaults, rest, nesting).
 */
function listBindings(list: string, start: number, syntax: Binding["aliasSyntax"]): Binding[] | undefined {
  const element = syntax === "as" ? /^([\w$]+|"[^"]*")(?:\s+as\s+([\w$]+|"[^"]*"))?$/ : /^([\w$]+)(?:\s*:\s*([\w$]+))?$/;
  const unquote = (name: string) => name.replace(/^"|"$/g, "");
  const bindings: Binding[] = [];
  let offset = start;
  for (const raw of list.split(",")) {
    const text = raw.trim();
    const elementStart = offset + raw.length - raw.trimStart().length;
    offset += raw.length + 1;
    if (text === "") continue;
    const parts = element.exec(text);
    if (!parts) return undefined;
    bindings.push({
      imported: unquote(parts[1]),
      local: unquote(parts[2] ?? parts[1]),
      typeOnly: false,
      element: { start: elementStart, end: elementStart + text.length },
      importedRange: { start: elementStart, end: elementStart + parts[1].length },
      hasAlias: parts[2] !== undefined,
      aliasSyntax: syntax,
    });
  }
  return bindings;
}
