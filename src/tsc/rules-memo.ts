import type { LoadResult } from "../rules/load";
import type { FileSystem } from "../rules/module-paths";

/** One question the rules loader asked of the file system, and the answer it got. */
interface Answer {
  kind: "exists" | "read" | "folder";
  file: string;
  answer: boolean | string | undefined;
}

/**
 * The rules of a `tsc --watch` session, loaded again only when something the loader read has changed. A load's
 * result is a function of the plugin entry and of the file system's answers to the loader's questions (the
 * tsconfig's text, the rules file's text, which of the candidate module files exist); asking the same questions
 * again (a few reads and stats) is what a rebuild costs instead of parsing, validating and resolving the rules.
 * `generation` changes exactly when the result may differ, so a caller can key what it derived from the rules on it.
 */
export class RulesMemo {
  private last: { entryKey: string; answers: Answer[]; result: LoadResult; generation: number } | undefined;
  private generations = 0;

  load(entryKey: string, fs: FileSystem, loadFresh: (fs: FileSystem) => LoadResult): { result: LoadResult; generation: number } {
    const last = this.last;
    if (last && last.entryKey === entryKey && last.answers.every((a) => answerNow(fs, a) === a.answer)) return last;
    const answers: Answer[] = [];
    const result = loadFresh(recording(fs, answers));
    this.last = { entryKey, answers, result, generation: ++this.generations };
    return this.last;
  }
}

function answerNow(fs: FileSystem, { kind, file }: Answer): Answer["answer"] {
  if (kind === "read") return fs.readFile(file);
  if (kind === "exists") return fs.fileExists(file);
  return fs.directoryExists?.(file);
}

function recording(fs: FileSystem, answers: Answer[]): FileSystem {
  const note = <T extends Answer["answer"]>(kind: Answer["kind"], file: string, answer: T): T => {
    answers.push({ kind, file, answer });
    return answer;
  };
  return {
    fileExists: (file) => note("exists", file, fs.fileExists(file)),
    readFile: (file) => note("read", file, fs.readFile(file)),
    directoryExists: fs.directoryExists && ((folder) => note("folder", folder, fs.directoryExists!(folder))),
  };
}
