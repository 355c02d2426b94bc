#!/usr/bin/env node
import { CommanderError } from "commander";
import { EXIT, isEnvironmentError, reasonOf, UsageError } from "./errors";
import { processIo, type Io } from "./io";
import { relativePath } from "./paths";
import { buildProgram } from "./program";
import { ConfigError, reportConfigError } from "./project-options";

/**
 * The whole CLI as a function: arguments (without `node` and the script) in, exit status out. The bin calls it
 * with the process's streams; tests call it in-process with buffers and their own cwd.
 */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const result = { code: EXIT.ok as number };
  const program = buildProgram(io, result);
  if (argv.length === 0) {
    io.stderr.write(program.helpInformation());
    return EXIT.usage;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its one-line message (or the help/version text that ends a run normally).
      const normal = error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help";
      return normal && error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`ssot-imports: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof ConfigError) {
      reportConfigError(error, io);
      return EXIT.usage;
    }
    if (isEnvironmentError(error)) {
      // A file the user named or owns that cannot be read or written: their machine's state, not our defect.
      const file = (error as { dest?: string }).dest ?? error.path ?? "a file";
      io.stderr.write(`ssot-imports: cannot ${error.syscall === "rename" ? "write" : error.syscall} ${relativePath(io.cwd, file)}: ${reasonOf(error)}\n`);
      return EXIT.usage;
    }
    // Our bug, not the user's mistake: say so in one line; the stack only on request.
    const debug = io.env.SSOT_IMPORTS_DEBUG ? `\n${(error as Error).stack}` : " (set SSOT_IMPORTS_DEBUG=1 for the stack trace)";
    io.stderr.write(`ssot-imports: internal error: ${(error as Error).message}${debug}\n`);
    return EXIT.internal;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
