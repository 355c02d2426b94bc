import { describe, expect, it } from "vitest";
import { runTypeScript7Recipe } from "../../examples/websocket-factory/typescript-7.mjs";

/**
 * The TypeScript 7 recipe of docs/typescript-7.md, end to end on examples/websocket-factory (the module that
 * `npm run demo` shows): with the deprecated factory deleted and its importers unmigrated, TypeScript 7 alone
 * cannot resolve them; with `ssot-imports facades` it type-checks them cleanly, and esbuild with the plugin
 * builds a program in which no user sees another's messages.
 */
describe("TypeScript 7 recipe on websocket-factory", () => {
  it("types from tsc 7 with the facades, output from esbuild + ssot-imports", async () => {
    const { checks, steps } = await runTypeScript7Recipe();
    expect(steps, "every step of the recipe ran").toHaveLength(4);
    expect(checks.filter((check) => !check.ok).map((check) => check.text)).toEqual([]);
    expect(checks).toHaveLength(4);
  });
});
