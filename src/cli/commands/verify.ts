import { EXIT } from "../errors";
import { printDiagnostics } from "../format/diagnostics";
import { colorsFor, type Io } from "../io";
import { createProgress } from "../progress";
import { openProject, warnIfNothingScanned, type ProjectOptions } from "../project-options";
import { scanProject } from "../scan";
import { checkRenamedExports, checkSelfImports, checkTargetsExist, checkUnusedRules } from "../verify-checks";

/**
 * Checks the rules against the code. The loader already rejects what the rules file alone can show (syntax,
 * unknown keys, duplicates, cycles, missing path targets); this adds what needs the project: bare targets,
 * exported names, SSOT modules importing their own deprecated module, and rules that match nothing.
 */
export function runVerify(options: ProjectOptions, io: Io): number {
  // A rules file that does not load is a configuration error (2), as in every command: 1 is for what the rules say.
  const project = openProject(options, io);
  const scan = scanProject(project, "same-line", createProgress(io, "ssot-imports verify:"));
  warnIfNothingScanned(project, scan.scanned, io);
  // Every name the code imports from a deprecated module must exist where the rules send it.
  const forgotten = scan.files.flatMap((f) => f.plan.diagnostics.filter((d) => d.code === "forgotten-name"));
  const errors = [...checkTargetsExist(project), ...checkRenamedExports(project), ...checkSelfImports(project), ...forgotten];
  const warnings = [...scan.parseErrors.map((d) => ({ ...d, severity: "warning" as const })), ...checkUnusedRules(project, scan.violations)];
  printDiagnostics(io, [...errors, ...warnings]);
  const c = colorsFor(io.stdout, io.env);
  const rules = project.ruleSet.rules.length;
  if (errors.length > 0) {
    io.stdout.write(`${c.red(`${errors.length} ${errors.length === 1 ? "error" : "errors"}`)} in ${rules} ${rules === 1 ? "rule" : "rules"}\n`);
    return EXIT.failed;
  }
  const warned = warnings.length > 0 ? ` (${warnings.length} ${warnings.length === 1 ? "warning" : "warnings"})` : "";
  io.stdout.write(`${c.green(`${rules} ${rules === 1 ? "rule" : "rules"} verified`)}${warned}\n`);
  return EXIT.ok;
}
