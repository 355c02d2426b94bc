/**
 * createTransformer in process, with a stand-in for the wrapped transformer that records what it is handed:
 * the rewritten text, its own options, a cacheFS that reads as rewritten; and cache keys that follow the rules.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTransformer, type InnerTransformOptions } from "../../src/jest/index";
import { createProject } from "../helpers/project";

const INNER = `let created = 0;
module.exports = {
  createTransformer(options) {
    created++;
    return {
      canInstrument: true,
      getCacheKey: (text, file, o) => "inner:" + JSON.stringify([text, o.transformerConfig]),
      process: (text, file, o) => ({ code: JSON.stringify({ text, config: o.transformerConfig, options, created, cached: o.cacheFS.get(o.seenFile) }) }),
    };
  },
};
`;
const RULES = { rules: [{ from: "./src/old", to: "./src/new", symbols: { greet: "greetUser" } }] };
const IMPORTER = `import { greet } from "./old";\nexport const hello = greet("ada");\n`;
const OTHER = `import { greet as g } from "./old";\nexport default g;\n`;

let dir: string;
const created: string[] = [];
afterAll(() => {
  for (const d of created) fs.rmSync(d, { recursive: true, force: true });
});
beforeEach(() => {
  dir = createProject(
    {
      "tsconfig.json": JSON.stringify({ compilerOptions: { module: "commonjs", strict: true, types: [] } }),
      "src/old.ts": `export function greet(name: string) { return name; }\n`,
      "src/new.ts": `export function greetUser(name: string) { return name; }\n`,
      "src/main.ts": IMPORTER,
      "src/other.ts": OTHER,
      "ssot-imports.json": JSON.stringify(RULES),
      "recording-transformer.js": INNER,
    },
    "jest-unit",
  );
  created.push(dir);
});

function jestOptions(cacheFS = new Map<string, string>(), seenFile = ""): InnerTransformOptions {
  return { config: { rootDir: dir }, cacheFS, transformerConfig: { ours: true }, seenFile, instrument: false };
}

function processed(transformer: ReturnType<typeof createTransformer>, file: string, text: string, options = jestOptions()) {
  const result = transformer.process(text, path.join(dir, file), options);
  return JSON.parse(typeof result === "string" ? result : result.code) as { text: string; config: unknown; options: unknown; created: number; cached?: string };
}

describe("ssot-imports/jest in process", () => {
  it("hands the rewritten text and the wrapped transformer's own options to it", () => {
    const transformer = createTransformer({ transformer: "./recording-transformer.js", transformerOptions: { theirs: 1 } });
    const out = processed(transformer, "src/main.ts", IMPORTER);
    expect(out.text).toBe(`import { greetUser as greet } from "./new";\nexport const hello = greet("ada");\n`);
    expect(out.config).toEqual({ theirs: 1 });
    expect(out.options).toEqual({ theirs: 1 });
    expect(transformer.canInstrument).toBe(true);
  });

  it("shows the wrapped transformer Jest's cacheFS with other files rewritten too (ts-jest type-checks from it)", () => {
    const transformer = createTransformer({ transformer: "./recording-transformer.js" });
    const other = path.join(dir, "src/other.ts");
    const out = processed(transformer, "src/main.ts", IMPORTER, jestOptions(new Map([[other, OTHER]]), other));
    expect(out.cached).toBe(`import { greetUser as g } from "./new";\nexport default g;\n`);
  });

  it("leaves a file without deprecated imports byte for byte as it is", () => {
    const transformer = createTransformer({ transformer: "./recording-transformer.js" });
    const text = `\uFEFFexport const x = "./old is only text here";\n`;
    expect(processed(transformer, "src/plain.ts", text).text).toBe(text);
  });

  it("gives a new cache key when the rules change, and the same one when nothing does", () => {
    const transformer = createTransformer({ transformer: "./recording-transformer.js" });
    const file = path.join(dir, "src/main.ts");
    const first = transformer.getCacheKey(IMPORTER, file, jestOptions());
    expect(transformer.getCacheKey(IMPORTER, file, jestOptions())).toBe(first);
    // Same rewritten text (the message is not part of it): the rules file's content alone must change the key.
    fs.writeFileSync(path.join(dir, "ssot-imports.json"), JSON.stringify({ rules: [{ ...RULES.rules[0], message: "now with a message" }] }));
    expect(transformer.getCacheKey(IMPORTER, file, jestOptions())).not.toBe(first);
  });

  it("follows an edited rules file within one worker (jest --watch)", () => {
    const transformer = createTransformer({ transformer: "./recording-transformer.js" });
    expect(processed(transformer, "src/main.ts", IMPORTER).text).toContain(`"./new"`);
    fs.writeFileSync(path.join(dir, "ssot-imports.json"), JSON.stringify({ rules: [{ from: "./src/old", to: "./src/newer" }] }));
    fs.writeFileSync(path.join(dir, "src/newer.ts"), `export function greet(name: string) { return name; }\n`);
    expect(processed(transformer, "src/main.ts", IMPORTER).text).toBe(`import { greet } from "./newer";\nexport const hello = greet("ada");\n`);
  });

  it("creates the wrapped transformer once per worker", () => {
    const transformer = createTransformer({ transformer: "./recording-transformer.js" });
    processed(transformer, "src/main.ts", IMPORTER);
    expect(processed(transformer, "src/other.ts", OTHER).created).toBe(1);
  });
});
