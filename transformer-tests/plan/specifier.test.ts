/**
 * The extension a path target gets when the importer wrote a bare specifier or alias (no style to follow):
 * none unless the adapter asks, the emitted one for the target's kind of file, or the adapter's own.
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
  it("writes no extension unless the setting needs one", () => {
    expect(specifierFor(GREETER, IMPORTER, "legacy-greeter")).toBe("../ssot/greeter");
    expect(specifierFor(FOLDER, IMPORTER, "@app/legacy")).toBe("../services");
  });

  it("writes the emitted extension of the target's file, and a folder's index by name", () => {
    expect(specifierFor(GREETER, IMPORTER, "legacy-greeter", "emitted")).toBe("../ssot/greeter.js");
    expect(specifierFor(MODULE_GREETER, IMPORTER, "legacy-greeter", "emitted")).toBe("../ssot/greeter.mjs");
    expect(specifierFor(FOLDER, IMPORTER, "@app/legacy", "emitted")).toBe("../services/index.js");
  });

  it("writes an adapter's fixed extension (esbuild's outExtension)", () => {
    expect(specifierFor(MODULE_GREETER, IMPORTER, "legacy-greeter", ".mjs")).toBe("../ssot/greeter.mjs");
  });

  it("keeps following the importer where it wrote a relative path or an extension", () => {
    expect(specifierFor(GREETER, IMPORTER, "../old/greeter", "emitted")).toBe("../ssot/greeter");
    expect(specifierFor(GREETER, IMPORTER, "@app/legacy.js", "emitted")).toBe("../ssot/greeter.js");
    expect(specifierFor(GREETER, IMPORTER, "@app/legacy.ts", ".js")).toBe("../ssot/greeter.ts");
  });
});
