import * as path from "node:path";
import * as v8 from "node:v8";
import * as vm from "node:vm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type * as TS from "typescript";
import transformProgram from "../../../src/tsc/index";
import { recordWorkFiles, resetWorkCounts, workCounts, workFiles } from "../../../src/work-counts";
import { createProject, readTree } from "../../helpers/project";
import { TS_VERSIONS, migrationFixture, retargetRule, type TsVersion } from "../../helpers/processes";
import { InProcessWatch } from "../../helpers/watch-in-process";

/**
 * `tsc --watch` rebuilds, in process (helpers/watch-in-process.ts): what the plugin redoes at a rebuild, read
 * from its work counters, and what every rebuild emits, compared with a cold build of the same sources. A
 * rebuild must do the work of the edited file only, and still emit exactly what a cold build emits.
 */

/** A full collection; the flag is set for this file only, and the function taken from a fresh context. */
function collectGarbage(): void {
  v8.setFlagsFromString("--expose-gc");
  (vm.runInNewContext("gc") as () => void)();
}

const IMPORTER_EDIT = `console.log("edited");\n`;

/** A cold build of the project's current sources, with the plugin applied the same way: file → emitted text. */
function coldOutput(ts: typeof TS, dir: string): { files: Record<string, string>; diagnostics: string[] } {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(dir, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const host = ts.createCompilerHost(parsed.options);
  const program = transformProgram(ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, host }), host, { transform: "ssot-imports/tsc", transformProgram: true }, { ts });
  const files: Record<string, string> = {};
  const emit = program.emit(undefined, (file, text) => (files[path.relative(path.join(dir, "out"), file).split(path.sep).join("/")] = text));
  const all = [...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics(), ...emit.diagnostics];
  return { files: emit.emitSkipped ? {} : files, diagnostics: all.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")) };
}

/** The watch session's output equals a cold build's, file for file; and both built without errors. */
function expectSameAsCold(watch: InProcessWatch): void {
  const cold = coldOutput(watch.ts, watch.dir);
  expect(cold.diagnostics).toEqual([]);
  expect(watch.diagnostics).toEqual([]);
  expect(readTree(watch.dir, "out", ".js")).toEqual(cold.files);
}

/** The files behind the counts, relative to the project. */
function countedFiles(dir: string): Record<string, string[]> {
  const relative = (files: readonly string[]) => files.map((f) => path.relative(dir, f).split(path.sep).join("/"));
  const files = workFiles();
  return { scan: relative(files.scan), plan: relative(files.plan), parse: relative(files.parse) };
}

describe.each(TS_VERSIONS)("tsc --watch rebuilds on TypeScript %s", (version: TsVersion) => {
  let watch: InProcessWatch | undefined;
  beforeEach(() => recordWorkFiles(true));
  afterEach(() => {
    watch?.close();
    recordWorkFiles(false);
  });

  function start(name: string, files: Record<string, string> = migrationFixture({ extendsRules: true })): InProcessWatch {
    watch = new InProcessWatch(createProject(files, `watch-rebuilds-${name}-${version}`), version);
    expect(watch.diagnostics).toEqual([]);
    expect(watch.read("out/main.js")).toContain("(0, ctx_1.createContext)(");
    resetWorkCounts();
    return watch;
  }

  it("an edit to a file that imports no deprecated module rescans, replans and reparses nothing", () => {
    const watch = start("unrelated");
    watch.append("src/util.ts", `export const more = 2;\n`);
    expect(watch.settle()).toEqual(["out/util.js"]);
    expect(workCounts()).toEqual({ scan: 0, plan: 0, parse: 0 });
    expect(watch.programs, "the Program tsc built already holds the rewritten files").toEqual(["kept"]);
    expectSameAsCold(watch);
  });

  it("an edit to an importer scans, plans and parses that file once, and nothing else", () => {
    const watch = start("importer");
    watch.append("src/main.ts", IMPORTER_EDIT);
    expect(watch.settle()).toEqual(["out/main.js"]);
    expect(workCounts()).toEqual({ scan: 1, plan: 1, parse: 1 });
    expect(countedFiles(watch.dir)).toEqual({ scan: ["src/main.ts"], plan: ["src/main.ts"], parse: ["src/main.ts"] });
    expect(watch.programs, "the host rewrote the edited file as tsc asked for it: no second createProgram").toEqual(["kept"]);
    expect(watch.read("out/main.js")).toContain(`console.log("edited")`);
    expectSameAsCold(watch);

    // And the next, unrelated rebuild serves the edited importer's new rewritten text as it is.
    resetWorkCounts();
    watch.append("src/util.ts", `export const more = 2;\n`);
    expect(watch.settle()).toEqual(["out/util.js"]);
    expect(workCounts()).toEqual({ scan: 0, plan: 0, parse: 0 });
    expect(watch.programs, "the Program tsc built already holds the rewritten files").toEqual(["kept"]);
    expectSameAsCold(watch);
  });

  it("a file that stops importing the deprecated module gets its own text back; one that starts is rewritten", () => {
    const watch = start("stop-start");
    watch.edit("src/handlers/chat.ts", `import { createContext } from "../services/ctx";\nexport function greet(): string { return "hi " + createContext("carol").user; }\n`);
    // tsc re-emits main.js too here (chat.ts's imports changed), with or without the plugin.
    expect(watch.settle()).toContain("out/handlers/chat.js");
    expect(watch.read("out/handlers/chat.js")).toContain(`(0, ctx_1.createContext)("carol")`);
    expectSameAsCold(watch);

    watch.edit("src/util.ts", `import { createManager } from "./ws/factory";\nexport const unrelated = createManager("dave").user.length;\n`);
    expect(watch.settle()).toEqual(["out/util.js"]);
    expect(watch.read("out/util.js")).toContain(`require("./services/ctx")`);
    expectSameAsCold(watch);

    // Back to the first text: the file is rewritten again, not served as it was before the edits.
    watch.edit("src/util.ts", `export const unrelated = 1;\n`);
    expect(watch.settle()).toEqual(["out/util.js"]);
    expectSameAsCold(watch);
  });

  it("a rules edit (the rules file in extends) rewrites every importer with the new rules", () => {
    const watch = start("rules");
    retargetRule(watch.dir);
    watch.edit("ssot-imports.json", watch.read("ssot-imports.json"));
    expect(watch.settle()).toEqual(["out/handlers/chat.js", "out/main.js"]);
    expect(watch.read("out/main.js")).toContain("(0, ctx_1.createIsolatedContext)(");
    expectSameAsCold(watch);

    // No rule left for the factory: the unchanged importers get their own text back.
    watch.edit("ssot-imports.json", JSON.stringify({ rules: [{ from: "./src/util", to: "./src/services/ctx" }] }));
    expect(watch.settle()).toEqual(["out/handlers/chat.js", "out/main.js"]);
    expect(watch.read("out/main.js")).toContain(`require("./ws/factory")`);
    expectSameAsCold(watch);
  });

  it("without extends, a rules edit reaches every importer at the next source edit, not only the edited one", () => {
    const watch = start("rules-no-extends", migrationFixture({ extendsRules: false }));
    retargetRule(watch.dir);
    expect(watch.settle()).toEqual([]);
    watch.append("src/util.ts", `export const more = 2;\n`);
    expect(watch.settle()).toEqual(["out/handlers/chat.js", "out/main.js", "out/util.js"]);
    expect(watch.read("out/handlers/chat.js")).toContain("(0, ctx_1.createIsolatedContext)(");
    expectSameAsCold(watch);
  });

  it("a target module's edit is seen by the importers whose plans read its exports", () => {
    // chat.ts asks the deprecated module for a name the rules do not list: it must exist in the target.
    const files = migrationFixture({ extendsRules: true });
    files["src/ws/factory.ts"] += `export const banner = "factory";\n`;
    files["src/handlers/chat.ts"] = `import { createManager, banner } from "../ws/factory";\nexport function greet(): string { return banner + createManager("carol").user; }\n`;
    watch = new InProcessWatch(createProject(files, `watch-rebuilds-target-${version}`), version);
    expect(watch.diagnostics.join("\n")).toMatch(/TS990001: .*banner/);

    watch.append("src/services/ctx.ts", `export const banner = "ctx";\n`);
    watch.settle();
    expect(watch.read("out/handlers/chat.js")).toContain(`ctx_1.banner`);
    expectSameAsCold(watch);

    watch.edit("src/services/ctx.ts", watch.read("src/services/ctx.ts").replace(`export const banner = "ctx";\n`, ""));
    watch.settle();
    expect(watch.diagnostics.join("\n")).toMatch(/TS990001: .*banner/);
  });

  it("a target that loses a renamed symbol fails the rebuild with the rules error, as a cold build does", () => {
    const watch = start("missing-export");
    watch.edit("src/services/ctx.ts", watch.read("src/services/ctx.ts").replace("export function createContext(", "function createContext("));
    watch.settle();
    expect(watch.diagnostics.join("\n")).toMatch(/^ssot-imports\.json\(\d+,\d+\): TS990001: .*createContext/m);
    const [cold] = coldOutput(watch.ts, watch.dir).diagnostics;
    expect(cold).toMatch(/createContext/);
    expect(watch.diagnostics.filter((d) => d.endsWith(`TS990001: ${cold}`))).toHaveLength(1);
  });

  it("a deleted target fails the rebuild with the rules error a cold build gives, and its return builds again", () => {
    const watch = start("deleted-target");
    const target = watch.read("src/services/ctx.ts");
    watch.remove("src/services/ctx.ts");
    watch.settle();
    const [cold] = coldOutput(watch.ts, watch.dir).diagnostics;
    expect(cold).toMatch(/services\/ctx/);
    expect(watch.diagnostics.filter((d) => d.endsWith(cold!))).toHaveLength(1);

    watch.edit("src/services/ctx.ts", target);
    watch.settle();
    expect(watch.diagnostics).toEqual([]);
    expectSameAsCold(watch);
  });

  it("keeps no Program alive that tsc dropped: the one the plugin replaced is collectable once the rebuild ends", async () => {
    const watch = start("memory");
    retargetRule(watch.dir);
    watch.edit("ssot-imports.json", watch.read("ssot-imports.json"));
    watch.settle();
    expect(watch.programs, "a rules edit makes the plugin build the Program again").toEqual(["rebuilt"]);
    const replaced = watch.given[0]!;
    for (let i = 0; i < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      collectGarbage();
    }
    expect(replaced.deref()).toBeUndefined();
  });

  it("files added and deleted mid-session", () => {
    const watch = start("add-delete");
    watch.edit("src/extra.ts", `import { createManager } from "./ws/factory";\nexport const extra = createManager("erin");\n`);
    expect(watch.settle()).toEqual(["out/extra.js"]);
    expect(watch.read("out/extra.js")).toContain(`require("./services/ctx")`);
    expectSameAsCold(watch);

    watch.remove("src/extra.ts");
    watch.settle();
    watch.append("src/main.ts", IMPORTER_EDIT);
    expect(watch.settle()).toEqual(["out/main.js"]);
    expect(watch.read("out/main.js")).toContain("(0, ctx_1.createContext)(");
  });
});
