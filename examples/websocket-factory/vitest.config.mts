// `npx vitest` in this folder: the test suite, written against the unmigrated code, runs as the migrated code
// would. ssot-imports/vite serves the SSOT module wherever the deprecated factory is imported, and moves the
// vi.mock / vi.importActual calls of the deprecated factory to it, by the rules in ssot-imports.json.
import { defineConfig } from "vitest/config";
import { ssotImports } from "ssot-imports/vite";

export default defineConfig({
  plugins: [ssotImports()],
  test: {
    // tests/*.test.ts run under Jest and Vitest alike (describe/it/expect as globals); tests/vitest/ holds the
    // Vitest-only ones (vi.mock).
    include: ["tests/*.test.ts", "tests/vitest/**/*.test.ts"],
    globals: true,
  },
});
