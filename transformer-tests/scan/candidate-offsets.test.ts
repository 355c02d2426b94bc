/**
 * scanImports with `candidateOffsets` (the matcher's needle occurrences) walks only the subtrees that hold one;
 * sites nested deep in functions, types and classes, and namespace uses far from their import, must still be
 * found exactly as by the full walk.
 */
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { scanImports } from "../../src/scan/scan-imports";
import { createMatcher, expectPrunedScanLikeFullScan, type CoreFixture } from "../helpers/core";

const FIXTURE: CoreFixture = {
  files: { "src/old/factory.ts": "export const a = 1;\n", "src/services/ctx.ts": "export const a = 1;\n" },
  rules: { rules: [{ from: "./src/old/factory", to: "./src/services/ctx" }], mockFunctions: ["vi.mock"] },
};

const SOURCE = `import { unrelated } from "./other";
import * as legacy from "../old/factory";
import type { Manager } from "../old/factory";
export { helper } from "../old/factory";

export class Service {
  private value = legacy.createManager("a");
  run(): number {
    const inner = () => {
      if (unrelated) return legacy.helper();
      return legacy.version;
    };
    return inner();
  }
}

export async function later() {
  const { createManager: make } = await import("../old/factory");
  const m = require("../old/factory");
  const t: typeof import("../old/factory").createManager = make;
  return [m.helper(), t, make];
}

describe("x", () => {
  it("y", () => {
    vi.mock("../old/factory", () => ({}));
  });
});

declare module "../old/factory" {
  interface Manager { extra: string }
}

type Deep = { a: { b: Array<import("../old/factory").Manager> } };
function uses(x: Manager): legacy.Manager { return x; }
`;

function scan(source: string, pruned: boolean) {
  const matcher = createMatcher(FIXTURE);
  const sourceFile = ts.createSourceFile("/proj/src/app/main.ts", source, ts.ScriptTarget.Latest, true);
  return scanImports(ts, sourceFile, {
    mockFunctions: ["vi.mock"],
    isCandidate: (specifier) => matcher.specifierMayMatch(specifier),
    candidateOffsets: pruned ? matcher.needleOffsets(source) : undefined,
  });
}

describe("scanImports with candidate offsets", () => {
  it("finds every site kind, however deep, like the full walk", () => {
    const sites = scan(SOURCE, true);
    expect(sites).toEqual(scan(SOURCE, false));
    expect(sites.map((s) => s.kind).sort()).toEqual(
      ["augmentation", "dynamic-import", "export", "import", "import", "import-type", "import-type", "mock", "require"].sort(),
    );
    const namespace = sites.find((s) => s.kind === "import" && s.namespace)!;
    expect(namespace.kind === "import" && namespace.namespace?.members?.map((m) => m.name)).toEqual(["createManager", "helper", "version", "Manager"]);
  });

  it("still sees a use of a namespace that is written with a unicode escape", () => {
    const source = `import * as legacy from "../old/factory";\nexport function f() { return [legacy.helper(), \\u006cegacy]; }\n`;
    const sites = scan(source, true);
    expect(sites).toEqual(scan(source, false));
    const site = sites[0];
    // Passing the namespace object on (here spelled with an escape) makes renaming its members unsafe.
    expect(site.kind === "import" && site.namespace?.members).toBeUndefined();
  });

  it("skips nothing it needs in a file with no candidate at all", () => {
    const matcher = createMatcher(FIXTURE);
    const source = `import { a } from "./factoryish";\nexport const b = a;\n`;
    expectPrunedScanLikeFullScan(matcher, ts.createSourceFile("/proj/src/app/x.ts", source, ts.ScriptTarget.Latest, true), source);
    expect(scan(source, true)).toEqual([]);
  });
});
