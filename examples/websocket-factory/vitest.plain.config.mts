// The same suite without ssot-imports, for the demo's comparison: the tests meet the deprecated factory.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/*.test.ts", "tests/vitest/**/*.test.ts"],
    globals: true,
  },
});
