/**
 * The extension of a rewritten path specifier: the importer's own style where it wrote one (tsc's output
 * names, or the adapter's single output extension), and for an import written as a bare specifier or alias
 * (no style to follow) none, unless the adapter says the import requires one.
 */
import { describe, expect, it } from "vitest";
import { specifierFor } from "../../src/plan/specifier";
import type { PathModule } from "../../src/rules/types";

const IMPORTER = "/p/src/features/main.ts";
const file = (key: string, fileName: string, isFolder = false): PathModule => ({ kind: "path", key, file: fileName, isFolder, written: "./x" });
const GREETER = file("/p/src/ssot/greeter", "/p/src/ssot/greeter.ts");
const MODULE_GREETER = file("/p/src/ssot/greeter", "/p/src/ssot/greeter.mts");
const FOLDER = file("/p/src/services/index", "/p/src/services/index.ts", true);

describe("specifierFor, for an import written as a bare specifier or alias", () => {
  it("writes no extension unless the import requires one", () => {
    expect(specifierFor(GREETER, IMPORTER, "legacy-greeter")).toBe("../ssot/greeter");
    expect(specifierFor(FOLDER, IMPORTER, "@app/legacy", { extensionRequired: false })).toBe("../services");
  });

  it("writes tsc's output extension for the target's file, and a folder's index by name", () => {
    expect(specifierFor(GREETER, IMPORTER, "legacy-greeter", { extensionRequired: true })).toBe("../ssot/greeter.js");
    expect(specifierFor(MODULE_GREETER, IMPORTER, "legacy-greeter", { extensionRequired: true })).toBe("../ssot/greeter.mjs");
    expect(specifierFor(FOLDER, IMPORTER, "@app/legacy", { extensionRequired: true })).toBe("../services/index.js");
  });

  it("writes the adapter's single output extension (esbuild names every output alike)", () => {
    expect(specifierFor(MODULE_GREETER, IMPORTER, "legacy-greeter", { extensionRequired: true, outputExtension: ".js" })).toBe("../ssot/greeter.js");
    expect(specifierFor(GREETER, IMPORTER, "legacy-greeter", { extensionRequired: true, outputExtension: ".mjs" })).toBe("../ssot/greeter.mjs");
  });
});

describe("specifierFor, where the importer wrote a path", () => {
  it("follows the importer: no extension, an output extension, or a source extension", () => {
    const style = { extensionRequired: true };
    expect(specifierFor(GREETER, IMPORTER, "../old/greeter", style)).toBe("../ssot/greeter");
    expect(specifierFor(MODULE_GREETER, IMPORTER, "../old/greeter.js", style)).toBe("../ssot/greeter.mjs");
    expect(specifierFor(GREETER, IMPORTER, "../old/greeter.ts", style)).toBe("../ssot/greeter.ts");
  });

  it("takes the adapter's output extension for an output-style one, never for a source-style one", () => {
    const esbuild = { outputExtension: ".js" };
    expect(specifierFor(MODULE_GREETER, IMPORTER, "../old/greeter.js", esbuild)).toBe("../ssot/greeter.js");
    expect(specifierFor(MODULE_GREETER, IMPORTER, "../old/greeter.mjs", esbuild)).toBe("../ssot/greeter.js");
    expect(specifierFor(MODULE_GREETER, IMPORTER, "../old/greeter.ts", esbuild)).toBe("../ssot/greeter.mts");
  });
});
