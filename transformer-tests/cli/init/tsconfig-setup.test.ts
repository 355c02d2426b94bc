import { describe, expect, it } from "vitest";
import { setUpTsconfig, type TsconfigSetup } from "../../../src/cli/init/tsconfig-setup";

/**
 * The tsconfig edit as a table, text in → text out: every byte outside the inserted text stays, a new member
 * sits where a person would put it (after a comment that ends the last member's line, inline in a one-line
 * container), and a shape with no place for the entry is refused with an offset, never guessed at.
 */
const PLUGIN = { transform: "ssot-imports/tsc", transformProgram: true };
const ENTRY = `{ "transform": "ssot-imports/tsc", "transformProgram": true }`;
const setup: TsconfigSetup = {
  pluginEntry: PLUGIN,
  inheritedPlugins: [],
  extendsPath: "./ssot-imports.json",
  namesRulesFile: (entry) => entry === "./ssot-imports.json" || entry === "./ssot-imports",
};

const edits: Array<[string, string, string, Partial<TsconfigSetup>?]> = [
  ["an empty object", `{}`, `{\n  "extends": "./ssot-imports.json",\n  "compilerOptions": {\n    "plugins": [${ENTRY}]\n  }\n}`],
  [
    "a comment after the last option stays with that option",
    `{\n  "compilerOptions": {\n    "strict": true // why\n  }\n}`,
    `{\n  "extends": "./ssot-imports.json",\n  "compilerOptions": {\n    "strict": true, // why\n    "plugins": [${ENTRY}]\n  }\n}`,
  ],
  [
    "a trailing comma is kept, and no second comma is added",
    `{\n  "compilerOptions": {\n    "strict": true,\n  },\n}`,
    `{\n  "extends": "./ssot-imports.json",\n  "compilerOptions": {\n    "strict": true,\n    "plugins": [${ENTRY}]\n  },\n}`,
  ],
  [
    "a comment on the opening brace's line stays there",
    `{ // the app\n  "compilerOptions": {}\n}`,
    `{ // the app\n  "extends": "./ssot-imports.json",\n  "compilerOptions": {\n    "plugins": [${ENTRY}]\n  }\n}`,
  ],
  [
    "an object holding only a comment keeps it, below the new member",
    `{\n  "compilerOptions": {\n    // nothing yet\n  }\n}`,
    `{\n  "extends": "./ssot-imports.json",\n  "compilerOptions": {\n    "plugins": [${ENTRY}]\n    // nothing yet\n  }\n}`,
  ],
  [
    "an empty plugins array",
    `{\n  "compilerOptions": { "plugins": [] }\n}`,
    `{\n  "extends": "./ssot-imports.json",\n  "compilerOptions": { "plugins": [${ENTRY}] }\n}`,
  ],
  [
    "inherited plugins are written along with ours",
    `{\n  "compilerOptions": {\n    "strict": true\n  }\n}`,
    `{\n  "extends": "./ssot-imports.json",\n  "compilerOptions": {\n    "strict": true,\n    "plugins": [{ "name": "editor-plugin" }, ${ENTRY}]\n  }\n}`,
    { inheritedPlugins: [{ name: "editor-plugin" }] },
  ],
  ["a plugin entry already there (maybe inherited): only extends", `{ "extends": "./base.json" }`, `{ "extends": ["./base.json", "./ssot-imports.json"] }`, { pluginEntry: undefined }],
  ["extends written without .json", `{ "extends": "./ssot-imports" }`, `{ "extends": "./ssot-imports" }`, { pluginEntry: undefined }],
  ["an extends array on one line", `{ "extends": ["./a.json", "./b.json"] }`, `{ "extends": ["./a.json", "./b.json", "./ssot-imports.json"] }`, { pluginEntry: undefined }],
  ["an escaped extends string keeps its spelling", `{ "extends": "./b\\u0061se.json" }`, `{ "extends": ["./b\\u0061se.json", "./ssot-imports.json"] }`, { pluginEntry: undefined }],
];

describe("setUpTsconfig", () => {
  for (const [what, before, after, overrides] of edits) {
    it(what, () => {
      const result = setUpTsconfig(before, { ...setup, ...overrides });
      expect(result.ok && result.text).toBe(after);
    });
  }

  it("names each change, and none when there is nothing to do", () => {
    const first = setUpTsconfig(`{}`, setup);
    expect(first.ok && first.changes).toEqual(["add the tsc plugin entry to compilerOptions.plugins", "add ./ssot-imports.json to extends, so tsc -b and --watch see rules edits"]);
    const second = setUpTsconfig(first.ok ? first.text : "", { ...setup, pluginEntry: undefined });
    expect(second.ok && second.changes).toEqual([]);
  });

  const refusals: Array<[string, string, RegExp, number]> = [
    ["a tsconfig that is not an object", `[]`, /must hold a JSON object/, 0],
    ["compilerOptions that is not an object", `{ "compilerOptions": 1 }`, /"compilerOptions" must be an object/, 21],
    ["plugins that is not an array", `{ "compilerOptions": { "plugins": {} } }`, /"compilerOptions.plugins" must be an array/, 34],
    ["extends that is neither a string nor an array", `{ "extends": 5 }`, /"extends" must be a string or an array/, 13],
  ];
  for (const [what, text, message, offset] of refusals) {
    it(`refuses ${what}, pointing at it`, () => {
      const result = setUpTsconfig(text, setup);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message).toMatch(message);
        expect(result.offset).toBe(offset);
      }
    });
  }
});
