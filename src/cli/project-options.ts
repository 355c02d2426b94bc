import type { Command } from "commander";
import type { SsotDiagnostic } from "../diagnostic";
import { loadProject, type Project } from "../project/load-project";
import { UsageError } from "./errors";
import type { Io } from "./io";
import { printDiagnostics } from "./format/diagnostics";
import { fromCwd } from "./paths";

export interface ProjectOptions {
  project: string;
  rules?: string;
}

/** `--project` and `--rules`, the same on every command. */
export function addProjectOptions(command: Command): Command {
  return command
    .option("-p, --project <tsconfig>", "the tsconfig.json of the project (or its folder)", "tsconfig.json")
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
    project: fromCwd(io.cwd, options.project),
    rules: options.rules === undefined ? undefined : fromCwd(io.cwd, options.rules),
  });
  if (result.ok) {
    printDiagnostics(io, result.project.ruleSet.warnings ?? []);
    return result.project;
  }
  if (result.kind === "missing") throw new UsageError(result.errors[0].message);
  throw new ConfigError(result.errors);
}

/** Prints a ConfigError's diagnostics; the caller picks the exit code (2 for most commands, 1 for verify). */
export function reportConfigError(error: ConfigError, io: Io): void {
  printDiagnostics(io, error.diagnostics);
}
