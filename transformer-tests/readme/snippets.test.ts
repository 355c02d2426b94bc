/**
 * README snippets are tested: a command, config or output in README.md that no longer matches the code fails
 * `npm test`, naming the README line. The same holds for every page in docs/ that uses the markers.
 *
 * THE MARKER. An HTML comment on the line right before a fenced code block (invisible on GitHub):
 *
 *     <!-- snippet: KIND key=value key="value with spaces" key='value with "quotes"' -->
 *     ```sh
 *     npx ssot-imports report
 *     ```
 *
 * KINDS, and what each checks against the code as it is:
 * - `cli`: every shell command runs, in order, in one fresh copy of a fixture project, and must exit 0
 *   (`allow-exit=0,1` allows more). `npx ssot-imports …` runs in-process at a pretend terminal that answers "y"
 *   (init's prompt); `npx tspc`, `npx tsc` and `node file` run as processes; `npm run x` / `npm test` check that
 *   the script exists (they are not run); `npm install`, `npm ci` and `npx ts-patch install` are not run (the
 *   fixture links this repository's package). Anything else is a problem until run-commands.ts learns it.
 *   `# comments`, `\` continuations, `&&` and `;` are understood.
 * - `output command="…"`: the block is exactly what the command prints (its last command, after the others
 *   ran) in a fresh fixture, compared line by line after trimming line ends and colours; the fixture's path
 *   prints as `<project>`. `stream=stdout|stderr|both` (default both, stdout first).
 * - `rules`: a rules file (JSONC): schema.json accepts it and the rules loader accepts it. Without `fixture`
 *   only its shape is checked (every path exists); with one, its paths must exist in that fixture.
 * - `tsconfig`: TypeScript reads it and accepts its compilerOptions, and each ssot-imports plugin entry loads as
 *   the tsc plugin loads it (unknown options, bad values; a missing ssot-imports.json is supplied empty).
 * - `code` (JavaScript/TypeScript: an esbuild script, a Vite config): it parses, and every
 *   `import { name } from "ssot-imports/…"` names an entry point that exports `name`.
 * - `json`: any other JSON(C), e.g. a Jest config: it parses (and its entry points resolve, as below).
 * - `none reason="…"`: not checked (an illustration, a before/after pair), and says why.
 * In every kind but `none`, each quoted "ssot-imports/…" (a Jest transform, a tsserver plugin name) must be an
 * entry point of the package.
 *
 * FIXTURES. `fixture=NAME` is a folder under transformer-tests/readme/fixtures/ (default `quick-start`), or a
 * path from the repository root when it contains a `/` (`examples/websocket-factory`); it is copied to a temp
 * folder with node_modules/ssot-imports linked to this repository (so `npm run build` first, as `npm test`
 * does). `fixture=repository` is the repository itself, read-only: only `npm run`/`npm test` lines, checked.
 *
 * POLICY. A marker not followed by a block, an unknown kind or attribute is a failure. Once README.md has any
 * marker, every fenced block in it must have one (`none` for those that cannot be run), so a new block cannot
 * slip in unchecked. `expect-problem` is for fixtures/sample.md, which tests this mechanism with snippets that
 * must be reported; README.md may not use it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/project";
import { checkSnippet } from "./check-snippet";
import { extractSnippets } from "./extract-snippets";
import { FIXTURES } from "./run-commands";

/** The README and the pages it links to: each file that uses the markers is held to them. */
const DOCUMENTS = ["README.md", ...(fs.existsSync(path.join(REPO_ROOT, "docs")) ? fs.readdirSync(path.join(REPO_ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`) : [])];

describe.each(DOCUMENTS)("%s: its snippets match the code", (document) => {
  const found = extractSnippets(fs.readFileSync(path.join(REPO_ROOT, document), "utf8"), document);

  it("has no broken markers, and no untagged block once any block is tagged", () => {
    expect(found.problems).toEqual([]);
    if (found.snippets.length > 0) {
      expect(found.untagged.map((block) => `${document}:${block.line}: a \`${block.lang}\` block without a snippet marker`)).toEqual([]);
    }
    expect(found.snippets.filter((s) => "expect-problem" in s.attributes).map((s) => `${document}:${s.line}: expect-problem is for fixtures/sample.md only`)).toEqual([]);
  });

  for (const snippet of found.snippets) {
    it(`${document}:${snippet.line} (${snippet.kind})`, async () => {
      expect(await checkSnippet(snippet)).toEqual([]);
    });
  }
});

describe("README.md is a guide", () => {
  it("stays under 250 lines: measurements and history go to bench/README.md, depth to docs/", () => {
    const lines = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8").trimEnd().split("\n").length;
    expect(lines).toBeLessThan(250);
  });
});

describe("the snippet checks, on fixtures/sample.md", () => {
  const sample = extractSnippets(fs.readFileSync(path.join(FIXTURES, "sample.md"), "utf8"), "sample.md");

  it("reads every marker, and reports the one not followed by a block", () => {
    expect(sample.snippets.length).toBe(24);
    expect(sample.problems).toEqual(["sample.md:152: snippet marker not followed by a fenced code block"]);
    expect(sample.untagged).toEqual([{ line: 155, lang: "sh" }]);
    const tsconfig = sample.snippets.find((s) => s.attributes["expect-problem"]?.includes("rulez"));
    expect(tsconfig?.attributes).toEqual({ "expect-problem": `unknown ssot-imports plugin option "rulez"` });
  });

  for (const snippet of sample.snippets) {
    const expected = snippet.attributes["expect-problem"];
    it(`sample.md:${snippet.line} (${snippet.kind}) ${expected ? `is reported: ${expected}` : "passes"}`, async () => {
      const problems = await checkSnippet(snippet);
      if (expected === undefined) expect(problems).toEqual([]);
      else {
        expect(problems.length, "the drifted snippet must be reported").toBeGreaterThan(0);
        expect(problems.join("\n")).toContain(expected);
        expect(problems.every((p) => p.startsWith(`sample.md:${snippet.line}: `))).toBe(true);
      }
    });
  }
});
