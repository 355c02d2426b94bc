/**
 * What the bundle itself must keep: tree shaking through the facade, a metafile that names the SSOT module
 * (not the deprecated file) as the input, source maps that still point at the user's lines, and the
 * `report` option's warnings and summary.
 */
import * as path from "node:path";
import * as esbuild from "esbuild";
import type { BuildOptions, Metafile, OutputFile } from "esbuild";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { SsotImportsOptions } from "../../src/esbuild/index";
import { loadPlugin } from "../helpers/esbuild-build";
import { createProject } from "../helpers/project";

const RULES = { rules: [{ from: "./src/legacy/factory", to: "./src/services/context", symbols: { createManager: "createContext" } }] };
const CONTEXT = `export function createContext(user: string): string { return "ctx:" + user; }\n`;
const FACTORY = `export function createManager(user: string): string { return "mgr:" + user; }\n`;

async function build(dir: string, extra: BuildOptions, plugin?: SsotImportsOptions) {
  return esbuild.build({
    absWorkingDir: dir,
    entryPoints: ["src/main.ts"],
    bundle: true,
    write: false,
    outdir: path.join(dir, "out"),
    format: "esm",
    logLevel: "silent",
    ...extra,
    plugins: plugin ? [loadPlugin(dir)(plugin)] : [],
  });
}

const jsOutput = (files: OutputFile[] | undefined, name = "main.js") => files!.find((f) => f.path.endsWith(`${path.sep}${name}`))!.text;
const inputsOf = (metafile: Metafile | undefined) => Object.keys(metafile!.inputs).sort();

describe("tree shaking through the facade", () => {
  const big = Array.from({ length: 40 }, (_, i) => `export function helper${i}(): string { return "UNUSED_MARKER_${i}"; }`).join("\n");
  const shared = {
    "src/services/big.ts": `export function used(): string { return "USED_MARKER"; }\n${big}\nexport const table = ["UNUSED_MARKER_TABLE"];\nexport default function whole(): string { return "UNUSED_MARKER_DEFAULT"; }\n`,
  };
  const pluginDir = createProject({
    ...shared,
    "src/legacy/big_old.ts": `export function oldUsed(): string { return "OLD_MARKER"; }\n`,
    "src/main.ts": `import { oldUsed } from "./legacy/big_old";\nconsole.log(oldUsed());\n`,
    "ssot-imports.json": JSON.stringify({ rules: [{ from: "./src/legacy/big_old", to: "./src/services/big", symbols: { oldUsed: "used" } }] }),
  });
  const plainDir = createProject({ ...shared, "src/main.ts": `import { used as oldUsed } from "./services/big";\nconsole.log(oldUsed());\n` });

  for (const format of ["esm", "iife", "cjs"] as const) {
    it(`keeps only the used export of a large SSOT module, like the plain bundle (${format})`, async () => {
      const [withPlugin, plain] = await Promise.all([build(pluginDir, { format }, {}), build(plainDir, { format })]);
      const pluginText = jsOutput(withPlugin.outputFiles);
      const plainText = jsOutput(plain.outputFiles);
      expect(pluginText).toContain("USED_MARKER");
      expect(pluginText).not.toContain("OLD_MARKER");
      expect(plainText).not.toContain("UNUSED_MARKER");
      expect(pluginText).not.toContain("UNUSED_MARKER");
    });
  }

  it("the metafile names the SSOT module as the input that carries the code; the deprecated path is only its facade", async () => {
    const [withPlugin, plain] = await Promise.all([build(pluginDir, { metafile: true }, {}), build(plainDir, { metafile: true })]);
    const inputs = withPlugin.metafile!.inputs;
    expect(inputsOf(withPlugin.metafile)).toEqual([...inputsOf(plain.metafile), "src/legacy/big_old.ts"].sort());
    // The deprecated file's own text is not read: what esbuild loaded at its path is the facade, which imports
    // nothing but the SSOT module.
    expect(new Set(inputs["src/legacy/big_old.ts"].imports.map((i) => i.path))).toEqual(new Set(["src/services/big.ts"]));
    expect(inputs["src/legacy/big_old.ts"].bytes).not.toBe(`export function oldUsed(): string { return "OLD_MARKER"; }\n`.length);
    const output = Object.values(withPlugin.metafile!.outputs).find((o) => o.entryPoint === "src/main.ts")!;
    expect(output.inputs["src/services/big.ts"].bytesInOutput).toBeGreaterThan(0);
    expect(output.inputs["src/legacy/big_old.ts"]?.bytesInOutput ?? 0).toBe(0);
  });

  it("with imports reported, the facade is a virtual module and the deprecated path is no input at all", async () => {
    const [withPlugin, plain] = await Promise.all([build(pluginDir, { metafile: true }, { report: "warn" }), build(plainDir, { metafile: true })]);
    const inputs = inputsOf(withPlugin.metafile);
    expect(inputs).not.toContain("src/legacy/big_old.ts");
    expect(inputs.filter((i) => !i.startsWith("ssot-imports-facade:"))).toEqual(inputsOf(plain.metafile));
    // Named relative to the rules file's folder: the bundle carries no path of this machine.
    expect(inputs).toContain("ssot-imports-facade:./src/legacy/big_old");
    expect(jsOutput(withPlugin.outputFiles)).not.toContain(pluginDir);
  });
});

/** Decodes a source map's `mappings` into, per generated line, its segments [column, source, line, column]. */
function decodeMappings(mappings: string): number[][][] {
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const state = [0, 0, 0, 0];
  return mappings.split(";").map((line) => {
    state[0] = 0;
    return line
      .split(",")
      .filter(Boolean)
      .map((segment) => {
        const values: number[] = [];
        let value = 0;
        let shift = 0;
        for (const char of segment) {
          const digit = chars.indexOf(char);
          value += (digit & 31) << shift;
          shift += 5;
          if ((digit & 32) === 0) {
            values.push(value & 1 ? -(value >>> 1) : value >>> 1);
            value = 0;
            shift = 0;
          }
        }
        return values.map((v, i) => (state[i] += v));
      });
  });
}

describe("source maps", () => {
  // Type declarations before the statement vanish from the output, so a map that skipped the user's
  // file (pointing at type-stripped JavaScript) would name another line.
  const main = `import { createManager } from "./legacy/factory";
interface Shape {
  user: string;
  id: number;
}
type Alias = Shape;
const shape: Alias = { user: "x", id: 1 };
console.log("SENTINEL", createManager(shape.user));
`;
  const sentinelLine = 8;
  const dir = createProject({
    "src/legacy/factory.ts": FACTORY,
    "src/services/context.ts": CONTEXT,
    "src/main.ts": main,
    "ssot-imports.json": JSON.stringify(RULES),
  });

  for (const bundle of [true, false]) {
    it(`map the statement after a rewritten import back to its original line (${bundle ? "bundle" : "bundle: false"})`, async () => {
      const result = await build(dir, { bundle, sourcemap: true }, {});
      const js = jsOutput(result.outputFiles);
      const map = JSON.parse(jsOutput(result.outputFiles, "main.js.map")) as { sources: string[]; sourcesContent: string[]; mappings: string };
      expect(js).not.toContain("legacy/factory");
      const generatedLine = js.split("\n").findIndex((l) => l.includes("SENTINEL"));
      const segment = decodeMappings(map.mappings)[generatedLine].find((s) => s.length >= 4)!;
      expect(map.sources[segment[1]]).toMatch(/src\/main\.ts$/);
      expect(segment[2] + 1).toBe(sentinelLine);
      expect(map.sourcesContent[segment[1]]).toBe(main);
    });
  }
});

describe("report", () => {
  const files = {
    "src/legacy/factory.ts": FACTORY,
    "src/services/context.ts": CONTEXT,
    "src/chat.ts": `// greeting\n\nimport { createManager } from "./legacy/factory";\nexport const chat = createManager("chat");\n`,
    "src/main.ts": `import { chat } from "./chat";\n  import { createManager as make } from './legacy/factory';\nconsole.log(chat, make("main"));\n`,
  };
  const expected = [
    { file: "src/chat.ts", line: 3, column: `import { createManager } from `.length },
    { file: "src/main.ts", line: 2, column: `  import { createManager as make } from `.length },
  ];
  const dir = createProject({ ...files, "ssot-imports.json": JSON.stringify(RULES) });

  afterEach(() => vi.restoreAllMocks());

  for (const bundle of [true, false]) {
    const entryPoints = bundle ? ["src/main.ts"] : ["src/main.ts", "src/chat.ts", "src/legacy/factory.ts", "src/services/context.ts"];
    const mode = bundle ? "bundle" : "bundle: false";

    it(`"warn" gives one warning at the file:line:column of each rewritten import (${mode})`, async () => {
      const result = await build(dir, { bundle, entryPoints }, { report: "warn" });
      const located = result.warnings.map((w) => ({ file: w.location?.file, line: w.location?.line, column: w.location?.column }));
      expect(located.sort((a, b) => a.file!.localeCompare(b.file!))).toEqual(expected);
      for (const warning of result.warnings) expect(warning.text).toContain("./legacy/factory");
    });

    it(`is silent by default (${mode})`, async () => {
      const log = vi.spyOn(console, "log").mockImplementation(() => {});
      const result = await build(dir, { bundle, entryPoints }, {});
      expect(result.warnings).toEqual([]);
      expect(log).not.toHaveBeenCalled();
    });

    it(`"summary" prints one line counting the rewritten imports (${mode})`, async () => {
      const log = vi.spyOn(console, "log").mockImplementation(() => {});
      await build(dir, { bundle, entryPoints }, { report: "summary" });
      expect(log.mock.calls.map((c) => String(c[0]))).toEqual(["ssot-imports: rewrote 2 imports in 2 files (rule 1: 2 in 2 files)"]);
    });
  }

  it(`the rules file's own "report": "summary" applies when the plugin option is absent, as it does for tsc`, async () => {
    const withReport = createProject({ ...files, "ssot-imports.json": JSON.stringify({ ...RULES, report: "summary" }) });
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await build(withReport, {}, {});
    expect(log.mock.calls.map((c) => String(c[0]))).toEqual(["ssot-imports: rewrote 2 imports in 2 files (rule 1: 2 in 2 files)"]);
  });
});
