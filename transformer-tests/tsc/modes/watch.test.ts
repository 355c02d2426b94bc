import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { createProject } from "../../helpers/project";
import { CompilerProcess, TS_VERSIONS, emittedFiles, migrationFixture, retargetRule, sleep, summaryCounts, type TsVersion } from "../../helpers/processes";

/**
 * `tspc --watch`, a real long-running process per case. tsc's watcher only watches sources and tsconfig
 * files, so the documented setup lists the rules file in tsconfig "extends": then a rules edit is a config
 * change, and tsc rebuilds. Every wait is bounded and the process is killed in `finally`.
 */

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), "utf8");

/** A source edit that keeps the deprecated import: the rewritten program must be rebuilt from the new text. */
function editMain(dir: string): void {
  fs.appendFileSync(path.join(dir, "src/main.ts"), `console.log("edited");\n`);
}

describe.each(TS_VERSIONS)("tspc --watch on TypeScript %s, rules file in tsconfig extends", (version: TsVersion) => {
  it("rebuilds the edited importer, then re-emits exactly the importers when the rules change", async () => {
    const dir = createProject(migrationFixture({ extendsRules: true, report: true }), `watch-${version}`);
    const watch = CompilerProcess.tspcWatch(dir, version);
    try {
      const first = await watch.waitForCycle(1);
      expect(first).toContain("Found 0 errors");
      expect(read(dir, "out/main.js")).toContain("(0, ctx_1.createContext)(");
      expect(summaryCounts(first)).toEqual([[2, 2]]);

      editMain(dir);
      const second = await watch.waitForCycle(2);
      expect(second).toContain("Found 0 errors");
      expect(emittedFiles(second, dir)).toEqual(["out/main.js"]);
      expect(read(dir, "out/main.js")).toContain(`console.log("edited")`);
      expect(read(dir, "out/main.js"), "the edited file is still rewritten").toContain("(0, ctx_1.createContext)(");

      retargetRule(dir);
      const third = await watch.waitForCycle(3);
      expect(third).toContain("Found 0 errors");
      expect(emittedFiles(third, dir), "both importers, and only them").toEqual(["out/handlers/chat.js", "out/main.js"]);
      expect(read(dir, "out/main.js")).toContain("(0, ctx_1.createIsolatedContext)(");
      expect(read(dir, "out/handlers/chat.js")).toContain("(0, ctx_1.createIsolatedContext)(");
      expect(summaryCounts(third), "one summary line per rebuild").toEqual([[2, 2]]);

      // A broken rules file mid-session: reported, nothing emitted, and the session survives to the fix.
      const rules = path.join(dir, "ssot-imports.json");
      const good = fs.readFileSync(rules, "utf8");
      fs.writeFileSync(rules, good.replace(`"rules": [`, `"rules": [,`));
      const fourth = await watch.waitForCycle(4);
      expect(fourth).toMatch(/ssot-imports\.json\(\d+,\d+\): error TS\d+/);
      expect(fourth).not.toContain("Found 0 errors");
      expect(emittedFiles(fourth, dir)).toEqual([]);
      fs.writeFileSync(rules, good);
      const fifth = await watch.waitForCycle(5);
      expect(fifth).toContain("Found 0 errors");
      expect(emittedFiles(fifth, dir)).toEqual(expect.arrayContaining(["out/handlers/chat.js", "out/main.js"]));
      expect(read(dir, "out/main.js")).toContain("(0, ctx_1.createIsolatedContext)(");
      expect(watch.output).not.toMatch(/^\s+at /m);
    } finally {
      watch.stop();
    }
  });
});

describe("tspc --watch on TypeScript 6.0 without the extends entry (documented limit)", () => {
  it("does not notice a rules edit by itself, and applies it to every importer on the next rebuild", async () => {
    const dir = createProject(migrationFixture({ extendsRules: false }), "watch-no-extends");
    const watch = CompilerProcess.tspcWatch(dir, "6.0");
    try {
      await watch.waitForCycle(1);
      retargetRule(dir);
      // tsc does not watch files it was not told about; give it ample time to prove it stays idle.
      await sleep(1500);
      expect(watch.cycles(), "tsc --watch does not watch ssot-imports.json unless it is extended").toBe(1);
      expect(read(dir, "out/handlers/chat.js")).toContain("createContext)(");

      editMain(dir);
      const second = await watch.waitForCycle(2);
      // The plugin reloads the rules for every program, and the rewritten text is each file's version, so the
      // untouched importer is re-emitted too: the build is never half on the old rules.
      expect(emittedFiles(second, dir)).toEqual(["out/handlers/chat.js", "out/main.js"]);
      expect(read(dir, "out/handlers/chat.js")).toContain("(0, ctx_1.createIsolatedContext)(");
      expect(read(dir, "out/main.js")).toContain("(0, ctx_1.createIsolatedContext)(");
    } finally {
      watch.stop();
    }
  });
});
