import * as fs from "node:fs";
import * as path from "node:path";
import { canAsk, confirm } from "../confirm";
import { EXIT } from "../errors";
import { unifiedDiff } from "../format/unified-diff";
import { planInit, type FileChange, type InitOptions } from "../init/plan-init";
import { colorsFor, type Io } from "../io";
import { relativePath } from "../paths";
import { writeFileAtomic } from "../write-atomic";

export type { InitOptions };

/**
 * Sets a project up: the rules file, the tsc plugin entry, the rules file in `extends`. It shows the diff
 * first and writes only with --yes or a "y" typed on a terminal; without either it writes nothing and exits 1,
 * so a script that forgot --yes fails visibly instead of passing with nothing done.
 */
export async function runInit(options: InitOptions, io: Io): Promise<number> {
  const plan = planInit(options, io);
  const c = colorsFor(io.stdout, io.env);
  const name = (file: string) => relativePath(io.cwd, file);
  if (plan.changes.length === 0) {
    io.stdout.write(`${c.bold("nothing to change")}: ${plan.upToDate}.\n`);
    if (plan.steps.length > 0) printSteps(io, plan.steps);
    return EXIT.ok;
  }
  for (const change of plan.changes) io.stdout.write(diffOf(change, name(change.file)));
  for (const change of plan.changes) io.stdout.write(`${name(change.file)}: ${change.what.join("; ")}\n`);

  if (!options.yes) {
    if (!canAsk(io)) {
      io.stderr.write(`ssot-imports: nothing written: there is no terminal to confirm on; run again with --yes to write these changes\n`);
      return EXIT.failed;
    }
    if (!(await confirm(io, `Write ${plan.changes.length === 1 ? "this change" : "these changes"}? [y/N] `))) {
      io.stderr.write(`ssot-imports: nothing written\n`);
      return EXIT.failed;
    }
  }
  const moved = plan.changes.find((change) => (fs.existsSync(change.file) ? fs.readFileSync(change.file, "utf8") : undefined) !== change.before);
  if (moved) {
    io.stderr.write(`ssot-imports: nothing written: ${name(moved.file)} changed while init was waiting; run init again\n`);
    return EXIT.failed;
  }
  // The rules file first: a tsconfig that extends a missing file would break every build in between.
  for (const change of plan.changes) {
    fs.mkdirSync(path.dirname(change.file), { recursive: true });
    writeFileAtomic(change.file, change.after);
  }
  io.stdout.write(`${c.bold("wrote")} ${plan.changes.map((change) => name(change.file)).join(", ")}\n`);
  printSteps(io, plan.steps);
  return EXIT.ok;
}

/** A new file is diffed against /dev/null, as git prints it, so the output still applies with `git apply`. */
function diffOf(change: FileChange, shown: string): string {
  const diff = unifiedDiff(shown, shown, change.before ?? "", change.after);
  return change.before === undefined ? diff.replace(`--- a/${shown}\n`, "--- /dev/null\n") : diff;
}

function printSteps(io: Io, steps: readonly string[][]): void {
  const c = colorsFor(io.stdout, io.env);
  io.stdout.write(`\n${c.bold("Next steps")}\n`);
  for (const step of steps) io.stdout.write(step.map((line) => `  ${line}`).join("\n") + "\n");
}
