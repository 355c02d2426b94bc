import type { Command } from "commander";
import type { SsotDiagnostic } from "../diagnostic";
import { loadProject, type Project } from "../project/load-project";
import { UsageError } from "./errors";
import type { Io } from "./io";
import { printDiagnostics } from "./format/diagnostics";
import { fromCwd, relativePath } from "./paths";
import { findTsconfig } from "../project/read-tsconfig";
import { typescriptFor } from "../project/load-project";

export interface ProjectOptions {
  /** Absent: tsconfig.json in the working folder or the nearest folder above it, as tsc finds it. */
  project?: string;
  rules?: string;
}

/** `--project` and `--rules`, the same on every command. */
export function addProjectOptions(command: Command): Command {
  return command
    .option("-p, --project <tsconfig>", "the tsconfig.json of the project, or its folder (default: tsconfig.json in the working folder or the nearest one above, as tsc finds it)")
    .option("-r, --rules <file>", "the rules file (default: the tsc plugin entry's, else ssot-imports.json beside the tsconfig)");
}

/** Raised when the tsconfig or rules are wrong: the diagnostics are printed, the command exits with `exitCode`. */
export class ConfigError extends Error {
  constructor(readonly diagnostics: SsotDiagnostic[]) {
    super(diagnostics[0]?.message ?? "invalid configuration");
  }
}

/** Loads the project, or throws: a missing file is a usage error, a broken config a ConfigError. */
export function openProject(options: ProjectOptions, io: Io): Project {
  const result = loadProject({
    project: options.project !== undefined ? fromCwd(io.cwd, options.project) : findProject(io.cwd),
    rules: options.rules === undefined ? undefined : fromCwd(io.cwd, options.rules),
  });
  if (result.ok) {
    printDiagnostics(io, result.project.ruleSet.warnings ?? []);
    return result.project;
  }
  if (result.kind === "missing") throw new UsageError(result.errors[0].message);
  throw new ConfigError(result.errors);
}

/** tsc's search without `-p`: the nearest tsconfig.json from the working folder up. */
function findProject(cwd: string): string {
  const found = findTsconfig(typescriptFor(cwd), cwd);
  if (found === undefined) throw new UsageError(`no tsconfig.json in ${cwd} or any folder above it; pass --project`);
  return found;
}

/**
 * Zero files scanned is never a pass: a tsconfig whose `include` matches nothing would make every command
 * succeed without looking at anything.
 */
export function warnIfNothingScanned(project: Project, scanned: number, io: Io): void {
  if (scanned > 0) return;
  io.stderr.write(`ssot-imports: warning: ${relativePath(io.cwd, project.configFile)} includes no source files: nothing was scanned\n`);
}

/** Prints a ConfigError's diagnostics. */
export function reportConfigError(error: ConfigError, io: Io): void {
  printDiagnostics(io, error.diagnostics);
}
