import { EXIT } from "../errors";
import { formatCliDiagnostic, printDiagnostics } from "../format/diagnostics";
import { unifiedDiff } from "../format/unified-diff";
import { colorsFor, type Io } from "../io";
import { createProgress } from "../progress";
import { openProject, type ProjectOptions } from "../project-options";
import { scanProject } from "../scan";
import { writeFileAtomic } from "../write-atomic";

export interface MigrateOptions extends ProjectOptions {
  write?: boolean;
}

/**
 * The codemod: the same plans the build applies, laid out for humans (`new-line`: split imports on their own
 * lines). Without `--write` a diff on stdout; with it each changed file is replaced atomically. Sites the core
 * cannot rewrite safely and files that do not parse are listed on stderr and make the exit status 1.
 */
export function runMigrate(options: MigrateOptions, io: Io): number {
  const project = openProject(options, io);
  const scan = scanProject(project, "new-line", createProgress(io, "ssot-imports migrate:"));
  let changedFiles = 0;
  let rewritten = 0;
  for (const file of scan.files) {
    if (file.rewritten === file.original) continue;
    changedFiles++;
    rewritten += file.plan.rewrites.length;
    if (options.write) writeFileAtomic(file.file, file.rewritten);
    else io.stdout.write(unifiedDiff(file.path, file.path, file.original, file.rewritten));
  }
  const unsafe = scan.files.flatMap((f) => f.plan.diagnostics);
  printDiagnostics(io, scan.parseErrors);
  if (unsafe.length > 0) {
    io.stderr.write(`${unsafe.length} ${unsafe.length === 1 ? "import needs" : "imports need"} migrating by hand:\n`);
    for (const d of unsafe) io.stderr.write(`  ${formatCliDiagnostic(io, d)}\n`);
  }
  const verb = options.write ? "migrated" : "would migrate";
  const summary = changedFiles === 0 ? "nothing to migrate" : `${verb} ${rewritten} ${rewritten === 1 ? "import" : "imports"} in ${changedFiles} ${changedFiles === 1 ? "file" : "files"}`;
  const hint = !options.write && changedFiles > 0 ? " (run with --write to apply)" : "";
  // The diff owns stdout when there is one, so it stays pipeable into `git apply`; the summary goes to stderr.
  const target = options.write ? io.stdout : io.stderr;
  const c = colorsFor(target, io.env);
  target.write(`${c.bold(summary)}${hint}\n`);
  return scan.parseErrors.length > 0 || unsafe.length > 0 ? EXIT.failed : EXIT.ok;
}
