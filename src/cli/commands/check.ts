import * as path from "node:path";
import { compareBaseline, DEFAULT_BASELINE_FILE, readBaseline, writeBaseline, type BaselineEntry } from "../baseline";
import { EXIT, UsageError } from "../errors";
import { printDiagnostics } from "../format/diagnostics";
import { countPhrase } from "../format/targets";
import { sortViolations } from "../format/text";
import { colorsFor, type Io } from "../io";
import { fromCwd, relativePath } from "../paths";
import { createProgress } from "../progress";
import { openProject, warnIfNothingScanned, type ProjectOptions } from "../project-options";
import { scanProject } from "../scan";

export interface CheckOptions extends ProjectOptions {
  baseline?: string;
  update?: boolean;
}

/**
 * The ratchet for CI: violations may only go down, and when they do the baseline must follow (`--update`), so a
 * fixed import cannot quietly come back later under the old allowance.
 */
export function runCheck(options: CheckOptions, io: Io): number {
  const project = openProject(options, io);
  const baselineFile = options.baseline !== undefined ? fromCwd(io.cwd, options.baseline) : path.join(project.root, DEFAULT_BASELINE_FILE);
  // Read before scanning: a missing baseline is a usage error and should not cost a scan first.
  const baseline = options.update ? tryRead(baselineFile) : readBaseline(baselineFile);
  const scan = scanProject(project, "same-line", createProgress(io, "ssot-imports check:"));
  warnIfNothingScanned(project, scan.scanned, io);
  // A baseline of nothing would make the gate pass forever, whatever the code imports later.
  if (options.update && scan.scanned === 0) throw new UsageError(`refusing to write ${relativePath(io.cwd, baselineFile)} from 0 scanned files; fix the tsconfig's "include" or "files" (or pass --project)`);
  printDiagnostics(io, scan.parseErrors);
  const violations = sortViolations(scan.violations);
  const delta = compareBaseline(baseline ?? {}, violations);
  const c = colorsFor(io.stdout, io.env);
  const out = (line: string) => io.stdout.write(line + "\n");
  const total = countPhrase(violations.length, new Set(violations.map((v) => v.path)).size);
  const shownBaseline = relativePath(io.cwd, baselineFile);

  if (options.update) {
    writeBaseline(baselineFile, violations);
    for (const entry of delta.added) out(`${c.yellow("+")} ${describe(entry)}`);
    for (const entry of delta.stale) out(`${c.green("-")} ${describe(entry)}`);
    const accepted = delta.added.length > 0 ? c.yellow(" (new violations accepted: review this diff)") : "";
    out(`${baseline ? "updated" : "created"} ${shownBaseline}: ${total}${accepted}`);
    return scan.parseErrors.length > 0 ? EXIT.failed : EXIT.ok;
  }

  for (const entry of delta.added) {
    out(`${c.red("error")} ${entry.file}: ${entry.current} ${imports(entry.current)} of ${entry.rule} where the baseline allows ${entry.baseline}; migrate the new ${entry.current - entry.baseline === 1 ? "one" : "ones"}:`);
    for (const v of entry.violations) out(`  ${c.cyan(`${relativePath(io.cwd, v.file)}:${v.line}:${v.column}`)}  import "${v.specifier}"`);
  }
  for (const entry of delta.stale) {
    out(`${c.red("stale")} ${entry.file}: the baseline records ${entry.baseline} ${imports(entry.baseline)} of ${entry.rule}, ${entry.current} remain`);
  }
  if (delta.stale.length > 0) out(`run \`ssot-imports check --update\` to shrink ${shownBaseline} and lock in the progress`);
  const removed = delta.stale.reduce((n, e) => n + e.baseline - e.current, 0);
  const added = delta.added.reduce((n, e) => n + e.current - e.baseline, 0);
  out(`${total}; delta against ${shownBaseline}: +${added} -${removed}`);
  if (delta.added.length > 0 || delta.stale.length > 0 || scan.parseErrors.length > 0) return EXIT.failed;
  return EXIT.ok;
}

function describe(entry: BaselineEntry): string {
  return `${entry.file}: ${entry.rule} ${entry.baseline} → ${entry.current}`;
}

function imports(n: number): string {
  return n === 1 ? "import" : "imports";
}

function tryRead(file: string) {
  try {
    return readBaseline(file);
  } catch {
    // --update recreates a missing or broken baseline: that is what it is for.
    return undefined;
  }
}
