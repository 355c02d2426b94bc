import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import Ajv from "ajv";
import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";
import * as ts from "typescript";
import { unifiedDiff } from "../../src/cli/format/unified-diff";
import { formatDiagnostic } from "../../src/diagnostic";
import { loadPluginRules } from "../../src/project/load-plugin-rules";
import { loadRulesText } from "../../src/rules/load";
import type { FileSystem } from "../../src/rules/module-paths";
import { REPO_ROOT } from "../helpers/project";
import type { Snippet } from "./extract-snippets";
import { prepareFixture, runCommand, shellCommands, type CommandResult } from "./run-commands";

/**
 * What each snippet kind promises, checked against the code as it is: a problem is a sentence naming the
 * markdown line and what drifted; no problems means the snippet is still true. The kinds are listed in
 * snippets.test.ts's header.
 */
export async function checkSnippet(snippet: Snippet): Promise<string[]> {
  const check = KINDS[snippet.kind];
  if (!check) return [`${where(snippet)}: unknown snippet kind "${snippet.kind}" (known: ${Object.keys(KINDS).join(", ")})`];
  const known = [...check.attributes, "expect-problem"];
  const unknown = Object.keys(snippet.attributes).filter((key) => !known.includes(key));
  if (unknown.length > 0) return [`${where(snippet)}: unknown attribute ${unknown.map((k) => `"${k}"`).join(", ")} for a ${snippet.kind} snippet (known: ${check.attributes.join(", ") || "none"})`];
  try {
    const problems = [...(await check.run(snippet)), ...(snippet.kind === "none" ? [] : entryPointProblems(snippet))];
    return problems.map((problem) => `${where(snippet)}: ${problem}`);
  } catch (error) {
    return [`${where(snippet)}: ${(error as Error).message}`];
  }
}

interface Kind {
  attributes: string[];
  run(snippet: Snippet): Promise<string[]> | string[];
}

const KINDS: Record<string, Kind> = {
  cli: { attributes: ["fixture", "allow-exit"], run: checkCli },
  output: { attributes: ["fixture", "command", "stream"], run: checkOutput },
  rules: { attributes: ["fixture"], run: checkRules },
  tsconfig: { attributes: ["fixture"], run: checkTsconfig },
  code: { attributes: ["fixture"], run: checkCode },
  // Any other JSON (a Jest config, package.json scripts): it parses; its "ssot-imports/…" strings are checked below.
  json: { attributes: [], run: (s) => parseJsonc(s.text).problems },
  none: { attributes: ["reason"], run: (s) => (s.attributes.reason ? [] : [`a snippet kept out of the checks says why: <!-- snippet: none reason="…" -->`]) },
};

function where(snippet: Snippet): string {
  return `${snippet.file}:${snippet.line}`;
}

/** Every shell command runs in one fresh copy of the fixture, in order, and exits as allowed (default 0). */
async function checkCli(snippet: Snippet): Promise<string[]> {
  const allowed = (snippet.attributes["allow-exit"] ?? "0").split(",").map(Number);
  const dir = prepareFixture(snippet.attributes.fixture);
  const problems: string[] = [];
  const commands = shellCommands(snippet.text);
  if (commands.length === 0) return ["a cli snippet with no command"];
  for (const words of commands) {
    const outcome = await runCommand(words, dir);
    if ("problem" in outcome) problems.push(outcome.problem);
    else if ("ran" in outcome && !allowed.includes(outcome.ran.code)) problems.push(failed(outcome.ran, `allowed: ${allowed.join(", ")}`));
  }
  return problems;
}

/** The block is what `command` prints (its last command, after the others ran) in a fresh copy of the fixture. */
async function checkOutput(snippet: Snippet): Promise<string[]> {
  const command = snippet.attributes.command;
  if (!command) return [`an output snippet names the command that prints it: <!-- snippet: output command="npx ssot-imports report" -->`];
  const dir = prepareFixture(snippet.attributes.fixture);
  let last: CommandResult | undefined;
  for (const words of shellCommands(command)) {
    const outcome = await runCommand(words, dir);
    if ("problem" in outcome) return [outcome.problem];
    if ("skipped" in outcome) return [`${outcome.skipped}; an output snippet must run its command`];
    last = outcome.ran;
  }
  if (!last) return ["an output snippet with an empty command"];
  const stream = snippet.attributes.stream ?? "both";
  const printed = stream === "stdout" ? last.stdout : stream === "stderr" ? last.stderr : last.stdout + last.stderr;
  const actual = normaliseOutput(printed, dir);
  const expected = normaliseOutput(snippet.text, dir);
  if (actual === expected) return [];
  return [`"${command}" prints something else now (- ${snippet.file}, + actual):\n${unifiedDiff(snippet.file, "actual", expected, actual)}`];
}

/** A rules document: valid for the JSON Schema editors use and for the loader builds use (paths exist in the fixture, if one is named). */
function checkRules(snippet: Snippet): string[] {
  const { value, problems } = parseJsonc(snippet.text);
  if (problems.length > 0) return problems;
  const validate = new Ajv({ allErrors: true }).compile(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "schema.json"), "utf8")));
  if (!validate(value)) problems.push(...(validate.errors ?? []).map((e) => `schema.json rejects it: ${e.instancePath || "(root)"} ${e.message}`));
  const dir = snippet.attributes.fixture ? prepareFixture(snippet.attributes.fixture) : REPO_ROOT;
  // Without a fixture only the shape is checked: every path exists.
  const files: FileSystem = snippet.attributes.fixture ? diskFs : { fileExists: () => true, readFile: () => "" };
  const loaded = loadRulesText(path.join(dir, "ssot-imports.json"), snippet.text, files);
  if (!loaded.ok) problems.push(...loaded.errors.map((d) => `the rules loader rejects it: ${formatDiagnostic({ ...d, file: "snippet" })}`));
  return problems;
}

/** A tsconfig: TypeScript reads it and its options, and each ssot-imports plugin entry loads as the tsc plugin loads it. */
function checkTsconfig(snippet: Snippet): string[] {
  const dir = prepareFixture(snippet.attributes.fixture);
  const file = path.join(dir, "tsconfig.json");
  const json = ts.parseConfigFileTextToJson(file, snippet.text);
  if (json.error) return [`TypeScript cannot read it: ${ts.flattenDiagnosticMessageText(json.error.messageText, " ")}`];
  const options = (json.config as { compilerOptions?: Record<string, unknown> }).compilerOptions ?? {};
  const problems = ts.convertCompilerOptionsFromJson(options, dir).errors.map((d) => `TypeScript rejects an option: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
  const rulesFile = path.join(dir, "ssot-imports.json");
  const files: FileSystem = {
    fileExists: (f) => path.resolve(f) === file || (path.resolve(f) === rulesFile && !diskFs.fileExists(f)) || diskFs.fileExists(f),
    readFile: (f) => (path.resolve(f) === file ? snippet.text : path.resolve(f) === rulesFile && !diskFs.fileExists(f) ? `{ "rules": [] }` : diskFs.readFile(f)),
  };
  for (const entry of (options.plugins ?? []) as Array<Record<string, unknown>>) {
    if (typeof entry.transform !== "string" || !entry.transform.startsWith("ssot-imports")) continue;
    const loaded = loadPluginRules(file, entry, files);
    if (!loaded.ok) problems.push(...loaded.errors.map((d) => `the tsc plugin rejects its entry: ${d.message}`));
  }
  return problems;
}

/** JavaScript or TypeScript: each `import { names } from "ssot-imports/…"` names an entry point and exports it has. */
function checkCode(snippet: Snippet): string[] {
  const dir = prepareFixture(snippet.attributes.fixture);
  const source = ts.createSourceFile(`snippet.${snippet.lang === "js" || snippet.lang === "mjs" ? "mjs" : "ts"}`, snippet.text, ts.ScriptTarget.Latest, true);
  const syntax = ts.transpileModule(snippet.text, { reportDiagnostics: true, fileName: source.fileName }).diagnostics ?? [];
  const problems = syntax.map((d) => `it does not parse: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
  const load = createRequire(path.join(dir, "package.json"));
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const specifier = statement.moduleSpecifier.text;
    if (!/^ssot-imports(\/|$)/.test(specifier)) continue;
    let exported: Record<string, unknown>;
    try {
      exported = load(specifier) as Record<string, unknown>;
    } catch (error) {
      problems.push(`"${specifier}" cannot be loaded: ${(error as Error).message.split("\n")[0]}`);
      continue;
    }
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        const name = (element.propertyName ?? element.name).text;
        if (!(name in exported)) problems.push(`"${specifier}" has no export "${name}" (it exports ${Object.keys(exported).join(", ") || "nothing"})`);
      }
    }
  }
  return problems;
}

/** Every quoted "ssot-imports/…" in any snippet (a tsconfig transform, a Jest transform, an import) must resolve. */
function entryPointProblems(snippet: Snippet): string[] {
  const load = createRequire(path.join(prepareFixtureOnce(), "package.json"));
  const problems: string[] = [];
  for (const [, specifier] of snippet.text.matchAll(/["'`](ssot-imports(?:\/[\w.@-]+)*)["'`]/g)) {
    try {
      load.resolve(specifier);
    } catch {
      problems.push(`"${specifier}" is not an entry point of the package (package.json "exports")`);
    }
  }
  return problems;
}

let sharedFixture: string | undefined;
function prepareFixtureOnce(): string {
  sharedFixture ??= prepareFixture(undefined);
  return sharedFixture;
}

function failed(result: CommandResult, expectation: string): string {
  const said = (result.stderr || result.stdout).trim().split("\n").slice(0, 5).join("\n    ");
  return `"${result.command}" exited ${result.code} (${expectation}):\n    ${said}`;
}

function normaliseOutput(text: string, dir: string): string {
  return text
    .replace(/\x1b\[[0-9;]*m/g, "")
    .split(dir)
    .join("<project>")
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();
}

function parseJsonc(text: string): { value: unknown; problems: string[] } {
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: true });
  return { value, problems: errors.map((e) => `not valid JSONC: ${printParseErrorCode(e.error)} at offset ${e.offset}`) };
}

const diskFs: FileSystem = {
  fileExists: (file) => fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false,
  readFile: (file) => (diskFs.fileExists(file) ? fs.readFileSync(file, "utf8") : undefined),
};
