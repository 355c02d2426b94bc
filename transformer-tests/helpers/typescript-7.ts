import { spawn } from "node:child_process";
import * as path from "node:path";
import type * as TS from "typescript";
import { REPO_ROOT } from "./project";

/** TypeScript 7's `tsc` (the native compiler), installed apart by tools/install-compat.mjs. */
export const TSC_7 = path.join(REPO_ROOT, "compat", "typescript-7", "node_modules", "typescript", "bin", "tsc");

/** `file(line,col): TS1234`, or `TS1234` for a diagnostic without a file: what two compilers must agree on. */
export type DiagnosticKey = string;

/** Keys of tsc's `--pretty false` lines (`src/a.ts(3,7): error TS2322: …`); continuation lines are skipped. */
export function keysOfTscOutput(output: string): DiagnosticKey[] {
  const keys: DiagnosticKey[] = [];
  for (const line of output.split("\n")) {
    const located = /^(\S[^(]*)\((\d+),(\d+)\): (?:error|warning) (TS\d+):/.exec(line);
    if (located) keys.push(`${located[1]}(${located[2]},${located[3]}): ${located[4]}`);
    else if (/^(?:error|warning) (TS\d+):/.test(line)) keys.push(/TS\d+/.exec(line)![0]);
  }
  return keys.sort();
}

/** Keys of the helpers' formatted diagnostics (`file(line,col): error TS…: message`). */
export function keysOfFormatted(diagnostics: readonly string[]): DiagnosticKey[] {
  return keysOfTscOutput(diagnostics.join("\n"));
}

/** `tsc -p <config> --noEmit` of TypeScript 7, asynchronously, so it runs while this process does other work. */
export function checkWithTsc7(dir: string, config: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSC_7, ["-p", config, "--noEmit", "--pretty", "false"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += String(d)));
    child.stderr.on("data", (d) => (output += String(d)));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, output }));
  });
}

/** `tsc -p <config> --noEmit` of a JavaScript TypeScript (6.0, 5.9) in this process: its diagnostics' keys. */
export function checkInProcess(ts: typeof TS, dir: string, config: string): DiagnosticKey[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(dir, config), { noEmit: true }, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  })!;
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, configFileParsingDiagnostics: parsed.errors });
  const all = ts.getPreEmitDiagnostics(program);
  return all
    .map((d) => {
      if (!d.file || d.start === undefined) return `TS${d.code}`;
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
      return `${path.relative(dir, d.file.fileName).split(path.sep).join("/")}(${line + 1},${character + 1}): TS${d.code}`;
    })
    .sort();
}
