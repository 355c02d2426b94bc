import type { SsotDiagnostic } from "../../diagnostic";
import { EXIT } from "../errors";
import { formatCliDiagnostic, printDiagnostics } from "../format/diagnostics";
import { unifiedDiff } from "../format/unified-diff";
import { colorsFor, type Io } from "../io";
import { editedRanges, formatEditedImports } from "../migrate/format-imports";
import { chooseFormatter, type FormatterChoice, type ImportFormatter } from "../migrate/formatters";
import { writeFiles, type FileWrite } from "../migrate/write-files";
import { relativePath } from "../paths";
import { createProgress } from "../progress";
import { openProject, warnIfNothingScanned, type ProjectOptions } from "../project-options";
import { scanProject, type ScannedFile } from "../scan";
import { encodeSource, isPortableInsert } from "../source-text";
import type { Project } from "../../project/load-project";

export interface MigrateOptions extends ProjectOptions {
  write?: boolean;
  formatWith: FormatterChoice;
}

/**
 * The codemod: the same plans the build applies, laid out for humans (`new-line`: split imports on their own
 * lines), the rewritten import statements formatted by the project's own formatter. Without `--write` a diff on
 * stdout; with it every changed file is replaced, all or none (migrate/write-files.ts). Sites the core cannot
 * rewrite safely, files that do not parse and files it cannot write back exactly are listed on stderr and
 * make the exit status 1.
 */
export async function runMigrate(options: MigrateOptions, io: Io): Promise<number> {
  const project = openProject(options, io);
  // Chosen before scanning: an ambiguous or missing formatter is a usage error that should not cost a scan first.
  const formatter = await chooseFormatter(options.formatWith, project.root, io.cwd);
  const scan = scanProject(project, "new-line", createProgress(io, "ssot-imports migrate:"));
  warnIfNothingScanned(project, scan.scanned, io);
  const skipped: SsotDiagnostic[] = [];
  const warnings: SsotDiagnostic[] = [];
  const writes: FileWrite[] = [];
  let rewritten = 0;
  const changed = scan.files.filter((f) => f.rewritten !== f.original);
  // A few at a time: Biome runs as one process per file, and most of that time is its start-up.
  const outputs = await mapConcurrently(changed, 4, (file) => outputOf(project, file, formatter, warnings));
  changed.forEach((file, i) => {
    const output = outputs[i];
    if (typeof output !== "string") {
      skipped.push(output);
      return;
    }
    rewritten += file.plan.rewrites.length;
    if (options.write) {
      writes.push({ file: file.file, shown: relativePath(io.cwd, file.file), original: encodeSource(file.original, file.encoding), bytes: encodeSource(output, file.encoding) });
    } else {
      io.stdout.write(unifiedDiff(file.path, file.path, file.original, output));
      if (file.encoding === "bytes") {
        warnings.push({ severity: "warning", file: file.file, line: 1, column: 1, message: "not valid UTF-8: its diff shows each byte as a Latin-1 character, so `git apply` may not apply it; `migrate --write` rewrites it byte for byte" });
      }
    }
  });
  // All or nothing: a file that cannot be written stops the run before any file is replaced.
  if (options.write) writeFiles(writes);

  const changedFiles = changed.length - skipped.length;
  const unsafe = [...scan.files.flatMap((f) => f.plan.diagnostics), ...skipped];
  // Formatting runs concurrently: its warnings are put back in file order.
  printDiagnostics(io, [...scan.parseErrors, ...warnings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))]);
  if (unsafe.length > 0) {
    io.stderr.write(`${unsafe.length} ${unsafe.length === 1 ? "import needs" : "imports need"} migrating by hand:\n`);
    for (const d of unsafe) io.stderr.write(`  ${formatCliDiagnostic(io, d)}\n`);
  }
  const verb = options.write ? "migrated" : "would migrate";
  const summary = changedFiles === 0 ? "nothing to migrate" : `${verb} ${rewritten} ${rewritten === 1 ? "import" : "imports"} in ${changedFiles} ${changedFiles === 1 ? "file" : "files"}`;
  const formatted = changedFiles > 0 && formatter ? `, imports formatted with ${formatter.label}` : "";
  const hint = !options.write && changedFiles > 0 ? " (run with --write to apply)" : "";
  // The diff owns stdout when there is one, so it stays pipeable into `git apply`; the summary goes to stderr.
  const target = options.write ? io.stdout : io.stderr;
  const c = colorsFor(target, io.env);
  target.write(`${c.bold(summary)}${formatted}${hint}\n`);
  return scan.parseErrors.length > 0 || unsafe.length > 0 ? EXIT.failed : EXIT.ok;
}

/** The new text of one file, or why it is left as it is. */
async function outputOf(project: Project, file: ScannedFile, formatter: ImportFormatter | undefined, warnings: SsotDiagnostic[]): Promise<string | SsotDiagnostic> {
  if (file.encoding === "bytes" && !file.plan.edits.every((e) => isPortableInsert(e.text))) {
    const first = file.plan.rewrites[0];
    return {
      severity: "error",
      file: file.file,
      line: first?.line ?? 1,
      column: first?.column ?? 1,
      rule: first?.rule.label,
      message: "this file is not valid UTF-8 and its rewrite would insert non-ASCII text, which cannot be encoded without knowing the file's encoding; skipped, nothing written",
    };
  }
  if (!formatter) return file.rewritten;
  const result = await formatEditedImports(project.ts, file.file, file.rewritten, editedRanges(file.plan.edits, file.bomLength), formatter);
  if (!result.ok) warnings.push({ severity: "warning", file: file.file, line: 1, column: 1, message: `${result.reason}; the rewritten imports are left as ssot-imports wrote them` });
  return result.text;
}

/** `map` with at most `limit` calls pending at once; results in input order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
