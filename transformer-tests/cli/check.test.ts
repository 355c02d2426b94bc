import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { factoryProject, read, runCli } from "./harness";

describe("check", () => {
  it("ratchets: a new violation fails, a migrated one is stale until --update, then it passes", async () => {
    const dir = factoryProject({}, undefined, "check-ratchet");

    const created = await runCli(dir, ["check", "--update"]);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain("created ssot-imports.baseline.json: 2 violations in 2 files");
    expect(JSON.parse(read(dir, "ssot-imports.baseline.json"))).toEqual({
      violations: { "src/main.ts": { "./src/ws/factory": 1 }, "src/util/helper.ts": { "./src/ws/factory": 1 } },
    });
    const clean = await runCli(dir, ["check"]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain("2 violations in 2 files; delta against ssot-imports.baseline.json: +0 -0");

    // Add a violation: check fails, naming the file and the import.
    fs.writeFileSync(path.join(dir, "src/util/more.ts"), `import { VERSION } from "../ws/factory";\nexport const v = VERSION;\n`);
    const added = await runCli(dir, ["check"]);
    expect(added.code).toBe(1);
    expect(added.stdout).toContain("error src/util/more.ts: 1 import of ./src/ws/factory where the baseline allows 0; migrate the new one:");
    expect(added.stdout).toContain(`  src/util/more.ts:1:25  import "../ws/factory"`);
    fs.rmSync(path.join(dir, "src/util/more.ts"));

    // Migrate some: the baseline is stale, and check says how to fix it.
    fs.writeFileSync(path.join(dir, "src/main.ts"), read(dir, "src/main.ts").replace(`{ createManager, type Manager } from "./ws/factory"`, `{ createContext as createManager, type Context as Manager } from "./services/ctx"`));
    const stale = await runCli(dir, ["check"]);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain("stale src/main.ts: the baseline records 1 import of ./src/ws/factory, 0 remain");
    expect(stale.stdout).toContain("run `ssot-imports check --update` to shrink ssot-imports.baseline.json");

    const updated = await runCli(dir, ["check", "--update"]);
    expect(updated.code).toBe(0);
    expect(updated.stdout).toContain("- src/main.ts: ./src/ws/factory 1 → 0");
    expect(JSON.parse(read(dir, "ssot-imports.baseline.json"))).toEqual({ violations: { "src/util/helper.ts": { "./src/ws/factory": 1 } } });

    const passes = await runCli(dir, ["check"]);
    expect(passes.code).toBe(0);
  });

  it("writes the baseline with sorted keys whatever order the files were scanned in", async () => {
    const dir = factoryProject({
      "src/a-first.ts": `import { VERSION } from "./ws/factory";\nimport { newThing } from "./removed/old";\nexport const v = [VERSION, newThing];\n`,
      "src/new/thing.ts": `export const newThing = 1;\n`,
    }, {
      rules: [
        { from: "./src/ws/factory", to: "./src/services/ctx" },
        { from: "./src/removed/old", to: "./src/new/thing" },
      ],
    }, "check-order");
    const baselineFile = path.join(dir, "ci", "baseline.json");
    fs.mkdirSync(path.dirname(baselineFile));
    expect((await runCli(dir, ["check", "--update", "--baseline", "ci/baseline.json"])).code).toBe(0);
    const text = fs.readFileSync(baselineFile, "utf8");
    expect(text).toBe(`{
  "violations": {
    "src/a-first.ts": {
      "./src/removed/old": 1,
      "./src/ws/factory": 1
    },
    "src/main.ts": {
      "./src/ws/factory": 1
    },
    "src/util/helper.ts": {
      "./src/ws/factory": 1
    }
  }
}
`);
    expect((await runCli(dir, ["check", "-b", "ci/baseline.json"])).code).toBe(0);
  });

  it("counts sites that cannot be migrated automatically as violations too", async () => {
    const dir = factoryProject({ "src/util/whole.ts": `import * as f from "../ws/factory";\nexport const all = f;\n` }, undefined, "check-unsafe");
    await runCli(dir, ["check", "--update"]);
    expect(JSON.parse(read(dir, "ssot-imports.baseline.json")).violations["src/util/whole.ts"]).toEqual({ "./src/ws/factory": 1 });
  });

  it("is a usage error (exit 2) without a baseline, and tells how to create one", async () => {
    const dir = factoryProject({}, undefined, "check-missing");
    const r = await runCli(dir, ["check"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ssot-imports: no baseline at .*ssot-imports\.baseline\.json; create it with `ssot-imports check --update`\n$/);
    fs.writeFileSync(path.join(dir, "ssot-imports.baseline.json"), `{ "violations": { "src/main.ts": 3 } }`);
    const bad = await runCli(dir, ["check"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("is not an ssot-imports baseline");
  });
});
