import type { FileSystem } from "../rules/module-paths";
import { nodeFileSystem } from "./load-rules";
import { realPath } from "./real-path";

/** What loading the rules may ask of the file system. */
export interface RulesFileSystem extends FileSystem {
  realPath(file: string): string | undefined;
}

export const nodeRulesFileSystem: RulesFileSystem = { ...nodeFileSystem, realPath };

type Question = "fileExists" | "readFile" | "directoryExists" | "realPath";

/**
 * Besides the plugin's options, loading the rules reads only what it asks the file system: the rules file, each
 * rule's module with every extension tried, real paths, the tsconfig's `paths`. Recorded, those answers are the
 * whole input of a load: when every one of them is still the same at a rebuild, loading again cannot give other
 * rules, so the previous load is kept, and with it what each file's rewrite remembered (rebuild-memo.ts). One
 * changed answer (the rules file edited, a deprecated file deleted or restored, the tsconfig's `paths`) loads
 * them again. Asking again costs a few system calls; loading again costs parsing, validating and indexing.
 */
export class RulesInputs implements RulesFileSystem {
  private readonly answers: Array<{ question: Question; file: string; answer: unknown }> = [];

  readonly fileExists = (file: string) => this.ask("fileExists", file) as boolean;
  readonly readFile = (file: string) => this.ask("readFile", file) as string | undefined;
  readonly directoryExists = (folder: string) => this.ask("directoryExists", folder) as boolean;
  readonly realPath = (file: string) => this.ask("realPath", file) as string | undefined;

  /** Whether the file system still gives every answer the load read. */
  unchanged(): boolean {
    return this.answers.every(({ question, file, answer }) => nodeRulesFileSystem[question]!(file) === answer);
  }

  private ask(question: Question, file: string): unknown {
    const answer = nodeRulesFileSystem[question]!(file);
    this.answers.push({ question, file, answer });
    return answer;
  }
}
