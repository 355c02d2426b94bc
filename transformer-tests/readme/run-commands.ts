import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Readable } from "node:stream";
import type { Io } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { installPatchedTsc, removePatchedTsc, runNodeScript, runTspc } from "../helpers/processes";
import { REPO_ROOT } from "../helpers/project";

/**
 * Runs the shell lines of a README snippet the way a reader would type them, in a copy of a fixture project:
 * `npx ssot-imports …` in-process (with a terminal that answers "y", as the reader at a prompt would), tspc,
 * tsc and node as processes. Commands that install or patch (`npm install`, `npx ts-patch install`) are not run:
 * the fixture links this repository's package instead.
 */

export const FIXTURES = path.join(REPO_ROOT, "transformer-tests/readme/fixtures");
export const DEFAULT_FIXTURE = "quick-start";
/** `fixture=repository`: the repository itself, read-only (its `npm run` scripts are checked, not run). */
export const REPOSITORY = "repository";
const TSC = path.join(REPO_ROOT, "node_modules/typescript/bin/tsc");
/** The `ssot-imports-tsc` bin (package.json "bin"): it runs the project's own, `ts-patch install`ed, TypeScript. */
const COLD_BIN = path.join(REPO_ROOT, "dist/tsc/cold-bin.js");

export interface CommandResult {
  command: string;
  code: number;
  stdout: string;
  stderr: string;
}

export type CommandOutcome = { ran: CommandResult } | { skipped: string } | { problem: string };

/** A fresh copy of a fixture folder (a name under fixtures/, or a path from the repository root). */
export function prepareFixture(name: string | undefined): string {
  if (name === REPOSITORY) return REPO_ROOT;
  const source = fixtureSource(name);
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `ssot-snippet-${path.basename(source)}-`)));
  fs.cpSync(source, dir, { recursive: true, filter: (file) => !/[\\/](node_modules|out|dist)$/.test(file) });
  fs.mkdirSync(path.join(dir, "node_modules"), { recursive: true });
  fs.symlinkSync(REPO_ROOT, path.join(dir, "node_modules", "ssot-imports"), "dir");
  return dir;
}

export function fixtureSource(name: string | undefined): string {
  const source = name === undefined ? path.join(FIXTURES, DEFAULT_FIXTURE) : name.includes("/") ? path.join(REPO_ROOT, name) : path.join(FIXTURES, name);
  if (!fs.existsSync(source)) throw new Error(`no fixture ${name}: expected a folder at ${path.relative(REPO_ROOT, source)}`);
  return source;
}

/** The commands of a shell block: continuation lines joined, `# comments` dropped, `&&` and `;` split. */
export function shellCommands(block: string): string[][] {
  const commands: string[][] = [];
  for (const line of block.replace(/\\\r?\n/g, " ").split(/\r?\n/)) {
    let words: string[] = [];
    for (const token of tokenize(line.replace(/^\s*\$\s+/, ""))) {
      if (token === "&&" || token === ";") {
        if (words.length > 0) commands.push(words);
        words = [];
      } else words.push(token);
    }
    if (words.length > 0) commands.push(words);
  }
  return commands;
}

/** Words with their quotes removed; `&&` and `;` as tokens of their own; a `#` that starts a word ends the line. */
function tokenize(line: string): string[] {
  const tokens: string[] = [];
  const pattern = /\s*(?:(&&|;)|((?:"[^"]*"|'[^']*'|[^\s"';&])+))/y;
  for (let match = pattern.exec(line); match && match[0] !== ""; match = pattern.exec(line)) {
    if (match[1] !== undefined) tokens.push(match[1]);
    else if (match[2].startsWith("#")) break;
    else tokens.push(match[2].replace(/"([^"]*)"|'([^']*)'/g, (_, double, single) => double ?? single));
  }
  return tokens;
}

const NOT_RUN: Array<[RegExp, string]> = [
  [/^npm (ci|install|i|add)\b/, "installs packages (the fixture links this repository's package)"],
  [/^npx ts-patch install\b/, "patches the installed TypeScript (tested by the tsc mode tests)"],
];

export async function runCommand(words: string[], dir: string): Promise<CommandOutcome> {
  const command = words.join(" ");
  for (const [pattern, why] of NOT_RUN) if (pattern.test(command)) return { skipped: `${command}: not run, it ${why}` };
  const npmScript = /^npm (?:run(?:-script)? (\S+)|(test))\b/.exec(command);
  if (npmScript) return checkNpmScript(npmScript[1] ?? npmScript[2], dir, command);
  if (dir === REPO_ROOT) return { problem: `${command}: only npm scripts are checked in fixture=${REPOSITORY}` };

  const [first, ...rest] = words[0] === "npx" ? words.slice(1) : words;
  const env = { ...process.env, NO_COLOR: "1" };
  if (first === "ssot-imports") return { ran: { command, ...(await runCli(rest, dir)) } };
  if (first === "cat") return { ran: { command, ...readFiles(rest, dir) } };
  if (first === "ssot-imports-tsc") return { ran: { command, ...asResult(runNodeScript(COLD_BIN, rest, withPatchedTypeScript(dir), env)) } };
  if (first === "tspc") return { ran: { command, ...asResult(runTspc(dir, rest)) } };
  if (first === "tsc") return { ran: { command, ...asResult(runNodeScript(TSC, rest, dir, env)) } };
  if (first === "node" && rest.length > 0) return { ran: { command, ...asResult(runNodeScript(rest[0], rest.slice(1), dir, env)) } };
  return { problem: `${command}: a command this test does not know how to run; teach transformer-tests/readme/run-commands.ts, or keep it out of a cli snippet` };
}

async function runCli(args: string[], cwd: string): Promise<Omit<CommandResult, "command">> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    stdin: Object.assign(Readable.from(["y\n"]), { isTTY: true }),
    cwd,
    env: {},
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

let patchedTsc: string | undefined;

/**
 * The reader ran `npx ts-patch install` in their project; the fixture gets a patched copy of the repository's
 * TypeScript 6.0 as its own `typescript` instead (one copy per test process, removed when it exits).
 */
function withPatchedTypeScript(dir: string): string {
  if (patchedTsc === undefined) {
    const tsc = installPatchedTsc("6.0");
    process.once("exit", () => removePatchedTsc(tsc));
    patchedTsc = tsc;
  }
  const link = path.join(dir, "node_modules", "typescript");
  if (!fs.existsSync(link)) fs.symlinkSync(path.dirname(path.dirname(patchedTsc)), link, "dir");
  return dir;
}

/** `cat file…`, for an output snippet that shows a file a command wrote. */
function readFiles(files: string[], dir: string): Omit<CommandResult, "command"> {
  const missing = files.filter((file) => !fs.existsSync(path.join(dir, file)));
  if (missing.length > 0) return { code: 1, stdout: "", stderr: `cat: ${missing.join(", ")}: no such file\n` };
  return { code: 0, stdout: files.map((file) => fs.readFileSync(path.join(dir, file), "utf8")).join(""), stderr: "" };
}

function asResult(result: { status: number | null; stdout: string; stderr: string }): Omit<CommandResult, "command"> {
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function checkNpmScript(name: string, dir: string, command: string): CommandOutcome {
  const file = path.join(dir, "package.json");
  const scripts = fs.existsSync(file) ? ((JSON.parse(fs.readFileSync(file, "utf8")) as { scripts?: Record<string, string> }).scripts ?? {}) : {};
  return name in scripts ? { skipped: `${command}: the script exists (not run here)` } : { problem: `${command}: package.json has no "${name}" script` };
}
