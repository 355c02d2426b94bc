import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/harness";
import { TS_VERSIONS, runTspc } from "../helpers/processes";
import { createProject, tsconfig } from "../helpers/project";
import { FILES, RULES, createFixture, file } from "./fixture";
import { TsServer, applyCodeEdits, eventually, located, locatedTscErrors, type ProtocolDiagnostic } from "./tsserver";

const SOURCES = Object.keys(FILES).filter((f) => f.startsWith("src/"));

describe.each(TS_VERSIONS)("the tsserver plugin on TypeScript %s", (version) => {
  let dir: string;
  let server: TsServer;
  const at = (relative: string) => file(dir, relative);
  const semantic = async (relative: string) =>
    (await server.request<ProtocolDiagnostic[]>("semanticDiagnosticsSync", { file: at(relative) })).map((d) => located(relative, d));
  const suggestions = (relative: string) => server.request<ProtocolDiagnostic[]>("suggestionDiagnosticsSync", { file: at(relative) });

  beforeAll(async () => {
    dir = createFixture(`ls-${version}`);
    server = new TsServer(version, dir);
    await server.open(...SOURCES.map(at));
  });
  afterAll(() => server?.close());

  it("gives every file the semantic diagnostics of the tspc build with the tsc plugin (and only those)", async () => {
    const build = runTspc(dir, ["-p", "."], version);
    const expected = locatedTscErrors(build.stdout);
    // The case must be able to fail: the build has an error to find, and TypeScript alone sees many more.
    expect(expected).toEqual(["src/typo.ts(2,14): TS2322"]);
    const actual: string[] = [];
    for (const source of SOURCES) actual.push(...(await semantic(source)));
    expect(actual.sort()).toEqual(expected);
  });

  it("resolves the deprecated import to the SSOT without moving a position: quickinfo and definition land there", async () => {
    const info = await server.request<{ displayString: string; documentation: string }>("quickinfo", { file: at("src/main.ts"), line: 3, offset: 20 });
    expect(info.displayString).toContain("createManager(user: string)");
    // The SSOT's own declaration, documentation included: the deleted module's could not have it.
    expect(info.documentation).toBe("One context per user.");
    const definitions = await server.request<Array<{ file: string; start: { line: number } }>>("definition", { file: at("src/main.ts"), line: 3, offset: 20 });
    expect(definitions.map((d) => [d.file, d.start.line])).toEqual([[at("src/services/ctx.ts"), 3]]);
    const moduleDefinition = await server.request<Array<{ file: string }>>("definition", { file: at("src/main.ts"), line: 1, offset: 50 });
    expect(moduleDefinition.map((d) => d.file)).toEqual([at("src/services/ctx.ts")]);
  });

  it("finds references and renames in the user's text only", async () => {
    const references = await server.request<{ refs: Array<{ file: string; start: { line: number; offset: number } }> }>("references", { file: at("src/services/ctx.ts"), line: 3, offset: 18 });
    const files = [...new Set(references.refs.map((r) => path.relative(fs.realpathSync(dir), r.file)))].sort();
    expect(files).toEqual(["src/main.ts", "src/services/ctx.ts", "src/typo.ts", "src/util/helper.ts"].map((f) => f.split("/").join(path.sep)));
    const rename = await server.request<{ locs: Array<{ file: string; locs: Array<{ start: { line: number; offset: number } }> }> }>("rename", { file: at("src/main.ts"), line: 3, offset: 20 });
    for (const group of rename.locs) expect(group.file).not.toMatch(/ssot-facade/);
    expect(rename.locs.find((g) => g.file === at("src/main.ts"))?.locs.map((l) => l.start)).toEqual([{ line: 1, offset: 10 }, { line: 3, offset: 20 }]);
  });

  it("marks every deprecated import at its specifier as a deprecation suggestion with the rule's message", async () => {
    const main = await suggestions("src/main.ts");
    const ours = main.filter((d) => d.code === 990001);
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatchObject({ start: { line: 1, offset: 45 }, end: { line: 1, offset: 59 }, category: "suggestion" });
    expect(ours[0].reportsDeprecated).toBeTruthy();
    expect(ours[0].text).toContain("Use the per-user context");
    expect((await suggestions("src/util/helper.ts")).filter((d) => d.code === 990001).map((d) => d.start.line)).toEqual([1, 2]);
    expect((await suggestions("src/unrelated.ts")).filter((d) => d.code === 990001)).toEqual([]);
  });

  it("offers quick fixes whose edits are exactly what `ssot-imports migrate` writes", async () => {
    const migrated = createProject({ ...FILES, "ssot-imports.json": JSON.stringify(RULES), "tsconfig.json": tsconfig({ module: "commonjs" }) }, `ls-migrate-${version}`);
    const cli = await runCli(migrated, ["migrate", "--write"]);
    expect(cli.code).toBe(0);
    // Editors ask which codes have fixes first, some of them without naming a file (VS Code).
    expect(await server.request<string[]>("getSupportedCodeFixes")).toContain("990001");
    expect(await server.request<string[]>("getSupportedCodeFixes", { file: at("src/main.ts") })).toContain("990001");
    type Fix = { fixName: string; description: string; changes: Array<{ fileName: string; textChanges: Parameters<typeof applyCodeEdits>[1] }> };
    for (const [source, lines] of [["src/main.ts", [1]], ["src/util/helper.ts", [1, 2]], ["src/typo.ts", [1]]] as const) {
      const original = FILES[source];
      const expected = fs.readFileSync(path.join(migrated, source), "utf8");
      expect(expected).not.toBe(original);
      const single: Fix["changes"][number]["textChanges"][number][] = [];
      for (const line of lines) {
        const fixes = await server.request<Fix[]>("getCodeFixes", { file: at(source), startLine: line, startOffset: 1, endLine: line, endOffset: 2, errorCodes: [990001] });
        expect(fixes.map((f) => f.description)).toEqual(["Migrate this import to ./src/services/ctx", "Migrate all deprecated imports in this file"]);
        expect(fixes.flatMap((f) => f.changes.map((c) => c.fileName))).toEqual([at(source), at(source)]);
        expect(applyCodeEdits(original, fixes[1].changes[0].textChanges)).toBe(expected);
        single.push(...fixes[0].changes[0].textChanges);
      }
      // Each import's own fix makes that import's part of the codemod's edits: together, all of them.
      expect(applyCodeEdits(original, single)).toBe(expected);
      // "Fix all" of the fixes' fixId, as an editor's source action asks for it.
      const combined = await server.request<{ changes: Fix["changes"] }>("getCombinedCodeFix", { scope: { type: "file", args: { file: at(source) } }, fixId: "ssot-imports-migrate-file" });
      expect(applyCodeEdits(original, combined.changes[0].textChanges)).toBe(expected);
    }
  });

  it("picks up an edit of ssot-imports.json; a broken one is a located error, not a crash; the plugin is never stacked", async () => {
    const rulesFile = path.join(dir, "ssot-imports.json");
    const message = async () => (await suggestions("src/main.ts")).filter((d) => d.code === 990001).map((d) => d.text).join();
    fs.writeFileSync(rulesFile, JSON.stringify({ rules: [{ ...RULES.rules[0], message: "Moved for issue 1126" }] }, null, 2));
    expect(await eventually(message, (m) => m.includes("Moved for issue 1126"))).toContain("Moved for issue 1126");

    fs.writeFileSync(rulesFile, `{ "rules": [ { "from": "./src/ws/factory", "to": "./src/services/nowhere" } ] }`);
    const configErrors = () => server.request<Array<{ text: string; code: number }>>("semanticDiagnosticsSync", { file: at("tsconfig.json"), projectFileName: at("tsconfig.json") });
    const broken = await eventually(configErrors, (d) => d.length > 0);
    expect(broken).toHaveLength(1);
    expect(broken[0].text).toMatch(/ssot-imports.*nowhere.*ssot-imports\.json:1:/);
    // Without rules, TypeScript's own view: the deleted module cannot be found.
    expect(await semantic("src/main.ts")).toContain("src/main.ts(1,45): TS2307");

    fs.writeFileSync(rulesFile, JSON.stringify(RULES, null, 2));
    expect(await eventually(() => semantic("src/main.ts"), (d) => d.length === 0)).toEqual([]);
    expect(await configErrors()).toEqual([]);

    await server.request("reloadProjects");
    await server.request("reloadProjects");
    expect((await suggestions("src/main.ts")).filter((d) => d.code === 990001)).toHaveLength(1);
    expect(await semantic("src/main.ts")).toEqual([]);

    // A tsconfig edit reloads the project (and calls the plugin's create again): a bad option is located there.
    const config = path.join(dir, "tsconfig.json");
    const original = fs.readFileSync(config, "utf8");
    fs.writeFileSync(config, original.replace('"name": "ssot-imports/language-service"', '"name": "ssot-imports/language-service", "severity": "loud"'));
    const badOption = await eventually(configErrors, (d) => d.length > 0);
    expect(badOption.map((d) => d.text)).toEqual([expect.stringMatching(/"severity" must be one of "suggestion", "warning", "error", not "loud"/)]);
    fs.writeFileSync(config, original);
    expect(await eventually(configErrors, (d) => d.length === 0)).toEqual([]);
    expect((await suggestions("src/main.ts")).filter((d) => d.code === 990001)).toHaveLength(1);
    expect(server.log()).not.toMatch(/ssot-imports: .* failed/);
  });

  it("reports at the configured severity", async () => {
    await server.request("configurePlugin", { pluginName: "ssot-imports/language-service", configuration: { severity: "warning" } });
    const warnings = await server.request<ProtocolDiagnostic[]>("semanticDiagnosticsSync", { file: at("src/main.ts") });
    expect(warnings.map((d) => [d.code, d.category, d.start.line, d.start.offset])).toEqual([[990001, "warning", 1, 45]]);
    await server.request("configurePlugin", { pluginName: "ssot-imports/language-service", configuration: { severity: "suggestion" } });
    expect(await semantic("src/main.ts")).toEqual([]);
  });
  it("never offers a facade: TypeScript's own import fix names the SSOT, navigate-to lists the user's files", async () => {
    const fresh = at("src/fresh.ts");
    fs.writeFileSync(fresh, `export const y = createContext;\n`);
    try {
      await server.open(fresh);
      const fixes = await eventually(
        () => server.request<Array<{ description: string; changes: Array<{ fileName: string; textChanges: Array<{ newText: string }> }> }>>("getCodeFixes", { file: fresh, startLine: 1, startOffset: 18, endLine: 1, endOffset: 31, errorCodes: [2304] }),
        (f) => f.length > 0,
      );
      expect(fixes.map((f) => f.description)).toEqual(['Add import from "./services/ctx"']);
      const navigation = await server.request<Array<{ file: string }>>("navto", { searchValue: "createManager", file: at("src/main.ts") });
      expect(navigation.length).toBeGreaterThan(0);
      for (const item of navigation) expect(item.file).not.toMatch(/ssot-facade/);
    } finally {
      await server.request("updateOpen", { closedFiles: [fresh] });
      fs.rmSync(fresh);
    }
  });
});

describe.each(TS_VERSIONS)("an import the build refuses, on TypeScript %s", (version) => {
  it("is the build's error at the build's position, and the rest of the file is typed as the build types it", async () => {
    const files = {
      ...FILES,
      // The whole namespace object escapes, so its members cannot be renamed: the build stops here.
      "src/whole.ts": `import * as factory from "./ws/factory";\nexport const all = factory;\nexport const n: number = factory.VERSION;\n`,
    };
    const dir = createProject({ ...files, "ssot-imports.json": JSON.stringify(RULES), "tsconfig.json": tsconfig({ module: "commonjs", noEmit: true, plugins: [{ transform: "ssot-imports/tsc", transformProgram: true }, { name: "ssot-imports/language-service" }] }) }, `ls-refused-${version}`);
    const build = runTspc(dir, ["-p", "."], version);
    const expected = locatedTscErrors(build.stdout);
    expect(expected).toEqual([expect.stringMatching(/^src\/whole\.ts\(\d+,\d+\): TS990001$/)]);
    const server = new TsServer(version, dir);
    try {
      const whole = file(dir, "src/whole.ts");
      await server.open(whole);
      const diagnostics = await server.request<ProtocolDiagnostic[]>("semanticDiagnosticsSync", { file: whole });
      expect(diagnostics.map((d) => located("src/whole.ts", d))).toEqual(expected);
      expect(diagnostics[0].text).toContain("Use the per-user context");
    } finally {
      server.close();
    }
  });
});
