/**
 * Mock calls under webpack: rewritten to name the SSOT module, as in the hand-migrated twin. webpack hands the
 * plugin's transform only the files whose text names a mock function (src/bundlers/mock-prefilter.ts); this
 * checks that the files that do still get it, in the entry and in a module it imports, and that the others
 * build unchanged. A stand-in `vi` prints what it is asked to mock, so the bundle's output shows the specifiers.
 */
import { describe, expect, it } from "vitest";
import { bundleAndRun } from "../helpers/bundlers";
import { createTwins } from "../helpers/esbuild-build";

const recorder = `(globalThis as { vi?: unknown }).vi = { mock: (path: string) => console.log("mock " + path) };\n`;
const declared = `declare const vi: { mock(path: string): void };\n`;
const shared = {
  "src/recorder.ts": recorder,
  "src/services/clock.ts": `export const now = () => "ssot clock";\n`,
  "src/plain.ts": `export const plain = () => "no mock here";\n`,
  "tsconfig.json": JSON.stringify({ compilerOptions: { target: "es2022", module: "esnext", moduleResolution: "bundler", strict: true } }),
};
const mainOf = (specifier: string) =>
  `import "./recorder";\nimport { plain } from "./plain";\nimport { mockDeep } from "./nested/mocks";\n${declared}vi.mock("${specifier}");\nmockDeep();\nconsole.log(plain());\n`;
const nestedOf = (specifier: string) => `${declared}export function mockDeep() {\n  vi.mock("${specifier}");\n}\n`;

describe("webpack: mock calls", () => {
  it("name the SSOT module in every file that mocks a deprecated one, as the hand-migrated twin does", async () => {
    const { pluginDir, plainDir } = createTwins("webpack-mocks", {
      unmigrated: {
        ...shared,
        "src/legacy/clock.ts": `export const now = () => "legacy clock";\n`,
        "src/main.ts": mainOf("./legacy/clock"),
        "src/nested/mocks.ts": nestedOf("../legacy/clock"),
        "ssot-imports.json": JSON.stringify({ rules: [{ from: "./src/legacy/clock", to: "./src/services/clock" }] }),
      },
      migrated: { ...shared, "src/main.ts": mainOf("./services/clock"), "src/nested/mocks.ts": nestedOf("../services/clock") },
    });
    const plain = await bundleAndRun({ dir: plainDir, bundler: "webpack", format: "cjs" });
    const plugin = await bundleAndRun({ dir: pluginDir, bundler: "webpack", format: "cjs", plugin: {} });
    expect(plain.stdout).toBe("mock ./services/clock\nmock ../services/clock\nno mock here\n");
    expect(plugin.stdout).toBe(plain.stdout);
  }, 60_000);
});
