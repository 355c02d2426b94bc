import type * as Lexer from "es-module-lexer/minimal" with { "resolution-mode": "import" };

/**
 * es-module-lexer, named once for the esbuild and bundler adapters (the core imports no lexer): its minimal build,
 * whose Wasm decodes each specifier where 1.7 ran an `eval` per import. The package's types are ESM-only, but it
 * ships a CommonJS build, which is what `require` loads here. `parse` throws on syntax it does not know.
 */
export const { init: initLexer, parse: lex } = require("es-module-lexer/minimal") as typeof Lexer;
