import * as fs from "node:fs";
import type * as TS from "typescript";
import type { ExportsOf } from "../facade/export-status";
import { readRuntimeExports } from "../facade/read-exports";
import type { RuntimeExports } from "../facade/runtime-exports";
import { initLexer, lex } from "../esbuild/module-lexer";

/**
 * Syntax whose exports es-module-lexer (a JavaScript lexer) would misreport: TypeScript's enums, declarations,
 * namespaces, `export =` and `type` modifiers, and declarations of several variables or destructuring ones
 * (`export const a = 1, b = 2`, `{ b: c }`: es-module-lexer 1.7 misread them; 3.0 reads them, but they stay
 * with TypeScript until that is tested).
 * A file with none of these is read by the lexer alone.
 */
const BEYOND_THE_LEXER = /\bexport\s+(?:enum|const\s+enum|declare|abstract|namespace|module|import|type\s*\{|=|(?:const|let|var)\s+(?:[{[]|[^;\n]*,))|[{,]\s*type\s+[\w$]+\s*[,}]/;

/** A TypeScript file (not `.cts`) is an ES module to every bundler, with or without import/export syntax. */
const ES_MODULE_FILE = /\.(?:m?ts|tsx)$/;

/**
 * What a facade's targets export, cached by modification time across rebuilds. es-module-lexer (bundled, a few
 * milliseconds) reads most files; the user's TypeScript (a peer dependency, ~0.3 s to load) only those whose
 * TypeScript the lexer cannot vouch for. A package target, or such a file without TypeScript installed, is
 * unknown: the facade then re-exports by name and reads `default` off the namespace, right whatever it holds.
 */
export class TargetExports {
  private readonly cache = new Map<string, { mtimeMs: number; exports: RuntimeExports | undefined }>();

  constructor(private readonly typescript: () => typeof TS | undefined) {}

  readonly exportsOf: ExportsOf = async (module) => {
    if (module.kind !== "path" || !module.file) return undefined;
    const { mtimeMs } = fs.statSync(module.file);
    const cached = this.cache.get(module.file);
    if (cached?.mtimeMs === mtimeMs) return cached.exports;
    const text = fs.readFileSync(module.file, "utf8");
    const exports = (await lexedExports(module.file, text)) ?? this.parsedExports(module.file, text);
    this.cache.set(module.file, { mtimeMs, exports });
    return exports;
  };

  private parsedExports(file: string, text: string): RuntimeExports | undefined {
    const ts = this.typescript();
    return ts ? readRuntimeExports(ts, file, text) : undefined;
  }
}

async function lexedExports(file: string, text: string): Promise<RuntimeExports | undefined> {
  if (BEYOND_THE_LEXER.test(text)) return undefined;
  await initLexer();
  try {
    const [imports, exports] = lex(text, file);
    // Module syntax: a static import (`export * from` too), `import.meta` or an export. (Only a file whose one
    // module statement is `export {}` is missed: it is then not known to export nothing, which is the safe side.)
    const hasModuleSyntax = exports.length > 0 || imports.some((item) => item.d === -1 || item.d === -2);
    // `export *` names no export of its own: only following it would tell them all.
    const reexportsAll = imports.some((item) => item.d === -1 && /^export\s*\*\s*from/.test(text.slice(item.ss, item.se)));
    return { values: new Set(exports.map((e) => e.n)), exact: !reexportsAll && (hasModuleSyntax || ES_MODULE_FILE.test(file)), text };
  } catch {
    return undefined; // syntax the lexer does not know
  }
}
