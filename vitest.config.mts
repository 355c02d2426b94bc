import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["transformer-tests/**/*.test.ts"],
    // Differential cases compile whole projects; two workers match CI's two cores.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 120_000,
    // .ci/run reads the counts from here; vitest's own summary line is not what CI recognises.
    // A second run (tools/run-tests.mjs: Node 24, ts-patch 4) names its own file, and .ci/run adds them up.
    reporters: ["default", ["json", { outputFile: process.env.SSOT_TEST_RESULTS ?? ".tmp/vitest-results.json" }]],
    hookTimeout: 120_000,
  },
});
