/**
 * Jest caches each transformed file under the key its transformer gives. Ours must change whenever the rules
 * do, or Jest would go on running the text rewritten under the old rules.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, expect, it } from "vitest";
import { createJestProject, jestConfig, runJest, transformEntry } from "./harness";

const module = (kind: string) => `export const kind = "${kind}";\n`;
const rulesTo = (to: string) => JSON.stringify({ rules: [{ from: "./src/old", to }] });

let dir: string | undefined;
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The files Jest's transform cache holds (its `jest-transform-cache-*` folders), however they are laid out. */
function cachedFiles(): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (full.includes("jest-transform-cache")) found.push(full);
    }
  };
  walk(path.join(dir!, ".jest-cache"));
  return found.sort();
}

it("a change of the rules changes what Jest runs: no stale transform from the cache", () => {
  dir = createJestProject(
    {
      "tsconfig.json": JSON.stringify({ compilerOptions: { module: "commonjs", strict: true, types: [] } }),
      "src/old.ts": module("old"),
      "src/new.ts": module("new"),
      "src/newer.ts": module("newer"),
      "tests/kind.test.ts": `import { kind } from "../src/old";\ndeclare const process: { env: Record<string, string> };\nit("runs the module the rules name", () => {\n  expect(kind).toBe(process.env.EXPECTED_KIND);\n});\n`,
      "ssot-imports.json": rulesTo("./src/new"),
      "jest.config.js": jestConfig(transformEntry("@swc/jest", true)),
    },
    "jest-cache",
  );
  const verdict = (expected: string) => runJest(dir!, [], { EXPECTED_KIND: expected }).suites["tests/kind.test.ts"].tests["runs the module the rules name"];

  expect(verdict("new")).toBe("passed");
  const first = cachedFiles();
  expect(first.length, "Jest's cache is in use").toBeGreaterThan(0);
  expect(verdict("new")).toBe("passed");
  expect(cachedFiles(), "an unchanged project is served from the cache").toEqual(first);

  fs.writeFileSync(path.join(dir, "ssot-imports.json"), rulesTo("./src/newer"));
  expect(verdict("newer")).toBe("passed");
  expect(cachedFiles().length, "the test file was transformed again").toBeGreaterThan(first.length);
});
