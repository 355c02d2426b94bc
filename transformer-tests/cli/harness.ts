/**
 * Runs the CLI in-process (`main(argv, io)`, fast: one TypeScript load per worker) or as the real bin
 * (`node dist/cli/main.js`, for what only a process shows: exit status, no stack trace, the shebang).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { Readable } from "node:stream";
import { main } from "../../src/cli/main";
import type { Io } from "../../src/cli/io";
import { createProject, REPO_ROOT } from "../helpers/project";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Pretend stdout and stderr are terminals. */
  tty?: boolean;
  env?: Record<string, string | undefined>;
  now?: () => number;
  /** What is typed on stdin, and whether stdin is a terminal (init's confirmation). */
  stdin?: { text: string; isTTY: boolean };
}

export async function runCli(cwd: string, args: string[], options: RunOptions = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty ?? false },
    cwd,
    env: options.env ?? {},
    now: options.now,
    stdin: options.stdin && Object.assign(Readable.from([options.stdin.text]), { isTTY: options.stdin.isTTY }),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

export const BIN = path.join(REPO_ROOT, "dist/cli/main.js");

export function runBin(cwd: string, args: string[], env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { PATH: process.env.PATH ?? "", ...env } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function read(dir: string, file: string): string {
  return fs.readFileSync(path.join(dir, file), "utf8");
}

/** A small project mid-migration: one deprecated factory, its SSOT module, importers of several forms. */
export const FACTORY_RULES = {
  rules: [
    {
      from: "./src/ws/factory",
      to: "./src/services/ctx",
      symbols: { createManager: "createContext", Manager: "Context" },
      message: "Use the per-user context",
    },
  ],
};

export const FACTORY_FILES: Record<string, string> = {
  "src/ws/factory.ts": `const shared = { user: "", log: [] as string[] };
export interface Manager { user: string; log: string[] }
export function createManager(user: string): Manager { shared.user = user; return shared; }
export const VERSION = 1;
`,
  "src/services/ctx.ts": `export interface Context { user: string; log: string[] }
export function createContext(user: string): Context { return { user, log: [] }; }
export const VERSION = 1;
`,
  "src/main.ts": `import { createManager, type Manager } from "./ws/factory";
import { helper } from "./util/helper";
const a: Manager = createManager("alice");
console.log(a.user, helper());
`,
  "src/util/helper.ts": `import * as factory from "../ws/factory";
export function helper(): string { return factory.createManager("bob").user + factory.VERSION; }
`,
  "src/unrelated.ts": `export const nothing = 0;
`,
};

export function factoryProject(extra: Record<string, string> = {}, rules: unknown = FACTORY_RULES, name = "cli"): string {
  return createProject(
    {
      "tsconfig.json": JSON.stringify({ compilerOptions: { module: "commonjs", target: "es2022", rootDir: "src", outDir: "out", strict: true, types: [] }, include: ["src"] }, null, 2),
      "ssot-imports.json": JSON.stringify(rules, null, 2),
      ...FACTORY_FILES,
      ...extra,
    },
    name,
  );
}
