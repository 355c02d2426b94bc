import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { loadRulesText } from "../../src/rules/load";
import { REPO_ROOT } from "../helpers/project";

/**
 * Editors check ssot-imports.json against schema.json; builds check it with the loader. The two must agree on
 * every document's shape, or users see red squiggles on files that build (or none on files that fail).
 */
const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true }).compile(schema);
// Shape only: every path exists in this in-memory file system, so the loader's existence checks pass.
const everythingExists = { fileExists: () => true, readFile: () => "" };

const accepted: Record<string, unknown> = {
  "rename and message": { $schema: "./node_modules/ssot-imports/schema.json", rules: [{ from: "./a", to: "./b", symbols: { x: "y" }, message: "use b" }] },
  "default on both sides": { rules: [{ from: "./a", to: "./b", symbols: { default: "named", other: "default" } }] },
  "symbol moved elsewhere": { rules: [{ from: "./a", to: "./b", symbols: { x: { to: "./c", name: "z" }, w: { to: "./c" } } }] },
  "symbols only, no to": { rules: [{ from: "./a", symbols: { x: { to: "./c" } } }] },
  "bare specifiers": { rules: [{ from: "legacy-ws", to: "@app/ws" }] },
  "options": { rules: [], report: "summary", mockFunctions: ["vi.mock", "jest.requireActual"] },
  "paths outside the project, opted in": { allowOutsideProject: true, rules: [{ from: "../a", to: "../../b" }] },
};

const rejected: Record<string, unknown> = {
  "no rules": {},
  "rules not an array": { rules: {} },
  "unknown top-level key": { rules: [], rulez: [] },
  "unknown rule key": { rules: [{ from: "./a", too: "./b" }] },
  "missing from": { rules: [{ to: "./b" }] },
  "neither to nor symbols": { rules: [{ from: "./a" }] },
  "from not a string": { rules: [{ from: 1, to: "./b" }] },
  "empty from": { rules: [{ from: "", to: "./b" }] },
  "symbols not an object": { rules: [{ from: "./a", to: "./b", symbols: ["x"] }] },
  "symbol value a number": { rules: [{ from: "./a", to: "./b", symbols: { x: 1 } }] },
  "new name not an identifier": { rules: [{ from: "./a", to: "./b", symbols: { x: "not-a-name" } }] },
  "old name not an identifier": { rules: [{ from: "./a", to: "./b", symbols: { "1x": "y" } }] },
  "moved symbol without to": { rules: [{ from: "./a", to: "./b", symbols: { x: { name: "y" } } }] },
  "unknown key in moved symbol": { rules: [{ from: "./a", to: "./b", symbols: { x: { to: "./c", nmae: "y" } } }] },
  "bad report": { rules: [], report: "verbose" },
  "a rename with no to to rename into": { rules: [{ from: "./a", symbols: { x: "y" } }] },
  "blank from": { rules: [{ from: "  ", to: "./b" }] },
  "allowOutsideProject not a boolean": { rules: [], allowOutsideProject: "yes" },
  "bad mockFunctions": { rules: [], mockFunctions: "vi.mock" },
};

describe("schema.json and the rules loader agree", () => {
  it.each(Object.entries(accepted))("both accept: %s", (_name, document) => {
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    const loaded = loadRulesText("/p/ssot-imports.json", JSON.stringify(document), everythingExists);
    expect(loaded.ok ? [] : loaded.errors).toEqual([]);
  });

  it.each(Object.entries(rejected))("both reject: %s", (_name, document) => {
    expect(validate(document)).toBe(false);
    const loaded = loadRulesText("/p/ssot-imports.json", JSON.stringify(document), everythingExists);
    expect(loaded.ok).toBe(false);
  });

  it("accepts the rules files shipped in examples/", () => {
    const files = rulesFilesUnder(path.join(REPO_ROOT, "examples"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const document = JSON.parse(fs.readFileSync(file, "utf8"));
      expect(validate(document), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });
});

/** Examples link node_modules/ssot-imports back to this repo, so the walk must not follow node_modules. */
function rulesFilesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name.startsWith(".") ? [] : rulesFilesUnder(full);
    return entry.name === "ssot-imports.json" ? [full] : [];
  });
}
