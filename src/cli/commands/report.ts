import type { Io } from "../io";
import { formatGithub } from "../format/github";
import { formatJson } from "../format/json";
import { formatSarif } from "../format/sarif";
import { formatText, sortViolations } from "../format/text";
import { printDiagnostics } from "../format/diagnostics";
import { createProgress } from "../progress";
import { openProject, warnIfNothingScanned, type ProjectOptions } from "../project-options";
import { scanProject } from "../scan";
import { packageVersion } from "../version";
import { EXIT } from "../errors";

export const REPORT_FORMATS = ["text", "json", "sarif", "github"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOptions extends ProjectOptions {
  format: ReportFormat;
}

/**
 * Lists every deprecated import. Informational: exit 0 whatever it finds (`check` is the gate), 1 only when a
 * file could not be read or parsed, because then the list is incomplete.
 */
export function runReport(options: ReportOptions, io: Io): number {
  const project = openProject(options, io);
  const scan = scanProject(project, "same-line", createProgress(io, "ssot-imports report:"));
  warnIfNothingScanned(project, scan.scanned, io);
  const violations = sortViolations(scan.violations);
  const index = project.matcher.index;
  switch (options.format) {
    case "json":
      io.stdout.write(formatJson(violations));
      break;
    case "sarif":
      io.stdout.write(formatSarif(project.root, packageVersion(), index, violations));
      break;
    case "github":
      io.stdout.write(formatGithub(io.cwd, index, violations));
      break;
    default:
      io.stdout.write(formatText(io, index, violations, scan.scanned));
  }
  printDiagnostics(io, scan.parseErrors);
  return scan.parseErrors.length > 0 ? EXIT.failed : EXIT.ok;
}
