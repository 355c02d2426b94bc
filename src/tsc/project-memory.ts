import type * as TS from "typescript";
import type { FileRewrite } from "../core";
import type { ExportsName } from "../check/forgotten-names";
import { ExportLookup } from "../project/export-lookup";
import type { ResolvedSymbol } from "../rules/targets";
import type { RuleSet } from "../rules/types";
import { countWork } from "../work-counts";
import { RulesMemo } from "./rules-memo";

/** How the plugin rewrites one original: kept from the last build, for the file the next edit touches. */
export type FileRewriter = (original: TS.SourceFile, isTypeOnly: (target: ResolvedSymbol) => boolean) => FileRewrite | undefined;

/** Thrown by a rewrite between builds that needs a type checker: that file is left to the plugin. */
const NEEDS_PROGRAM = new Error("a type-only check needs the Program");

/** What one project file came to at the last build that asked for it. */
interface FileEntry {
  /** The SourceFile the compiler host gave for the file's own text: the same object means the same text. */
  original: TS.SourceFile;
  result: FileRewrite | undefined;
}

/** What one SourceFile of a Program came to: null for a file that is not the user's own (lib, packages). */
export type FileOutcome = FileEntry | null;

/**
 * What the tsc plugin remembers of one `--watch` session between rebuilds, so that a rebuild after a one-file
 * edit scans and plans that file only. A file's rewrite depends on its own text and on the "world": the rules
 * (whatever the loader read), the compiler options, the set of files in the Program (module resolution), and
 * the text of the files whose exports plans asked about (rule targets). Any change to the world forgets every
 * file; a change to one file's text forgets that file. Results computed with a type checker (a rewritten
 * `export *`, a target that re-exports with `export *`) depend on the whole Program and are never kept.
 */
export class ProjectMemory {
  private worldKey: string | undefined;
  private fileNames = new Set<string>();
  private entries = new Map<string, FileEntry>();
  /**
   * Each SourceFile a Program of this world held, with what it came to: at a rebuild, the Program holds the very
   * objects of the last one for every file that did not change, and one lookup answers for each of them.
   */
  private outcomes = new WeakMap<TS.SourceFile, FileOutcome>();
  /** The rules, loaded again only when what the loader read changed (rules-memo.ts). */
  readonly rules = new RulesMemo();
  /** Target exports read for the rules' own check (export-check.ts), kept while each target's SourceFile is. */
  private targetExports: ExportLookup | undefined;
  /** Only while the check runs, for the reason `build` is. */
  private targetsProgram: TS.Program | undefined;
  /** Files whose exports a plan asked about, with the text it saw (undefined: not readable). */
  private dependencies = new Map<string, string | undefined>();
  private ruleSet: RuleSet | undefined;
  private lookup: ExportLookup | undefined;
  /** The rewritten SourceFile each original was served as at the last build, and back. */
  private servedAs = new WeakMap<TS.SourceFile, TS.SourceFile>();
  private originals = new WeakMap<TS.SourceFile, TS.SourceFile>();
  /** Only while a build runs: kept past it, these would keep a whole Program alive until the next edit. */
  private build: { program: TS.Program; originals: Map<string, TS.SourceFile>; checkerPrograms: Map<string, TS.Program> } | undefined;
  /** Set while a file is rewritten if its result came from a type checker. */
  private askedChecker = false;
  private rewriter: FileRewriter | undefined;
  /** The edited file the host is rewriting, between builds. */
  private editing: TS.SourceFile | undefined;

  constructor(
    private readonly ts: typeof TS,
    private readonly host: TS.CompilerHost,
  ) {}

  /**
   * Starts a build of `program`. `rulesKey` names everything the rules loader read; while it, the options, the
   * files and the dependencies stay the same, the rules loaded at an earlier build are kept (plans and reports
   * refer to their Rule objects) and so is every file's result.
   */
  begin(program: TS.Program, ruleSet: RuleSet, rulesKey: string): RuleSet {
    this.build = { program, originals: new Map(), checkerPrograms: new Map() };
    const key = `${rulesKey}\0${JSON.stringify(program.getCompilerOptions())}`;
    const files = program.getSourceFiles();
    const sameFiles = files.length === this.fileNames.size && files.every((file) => this.fileNames.has(file.fileName));
    if (key !== this.worldKey || !sameFiles || !this.ruleSet || this.dependencyChanged()) {
      this.worldKey = key;
      this.fileNames = new Set(files.map((file) => file.fileName));
      this.entries = new Map();
      this.outcomes = new WeakMap();
      this.dependencies = new Map();
      this.ruleSet = ruleSet;
      this.lookup = undefined;
    }
    return this.ruleSet;
  }

  /** The resolution mode of an importer, for module resolution: asked of the Program while there is one. */
  readonly modeOf = (importer: string): TS.ResolutionMode =>
    importer === this.editing?.fileName ? this.editing.impliedNodeFormat : this.build?.program.getSourceFile(importer)?.impliedNodeFormat;

  keepRewriter(rewriter: FileRewriter): void {
    this.rewriter = rewriter;
  }

  /**
   * Between builds, as the host hands TypeScript the new SourceFile of an edited project file: its rewritten
   * text, made with the last build's rules, so the Program tsc builds already holds it (the plugin still checks
   * it against the rules then). Undefined leaves the file to the plugin: a file the last build did not have,
   * a syntax error, nothing to rewrite, a plan with errors, or one that needs a type checker.
   */
  rewriteEdited(original: TS.SourceFile): string | undefined {
    const rewriter = this.rewriter;
    if (this.build || !rewriter) return undefined;
    const entry = this.entries.get(original.fileName);
    if (!entry || entry.original === original || hasParseErrors(original)) return undefined;
    this.editing = original;
    try {
      const result = this.rewrite(original, () => rewriter(original, needsProgram));
      return result && result.plan.diagnostics.length === 0 && result.text !== original.text ? result.text : undefined;
    } catch (error) {
      if (error === NEEDS_PROGRAM) return undefined;
      throw error;
    } finally {
      this.editing = undefined;
    }
  }

  /** `rewritten` is what the host hands TypeScript for `original` until the file changes. */
  serve(original: TS.SourceFile, rewritten: TS.SourceFile): void {
    this.servedAs.set(original, rewritten);
    this.originals.set(rewritten, original);
  }

  /** The SourceFile of the file's own text: a rewritten one this memory served stands for its original. */
  originalOf(sourceFile: TS.SourceFile): TS.SourceFile {
    return this.originals.get(sourceFile) ?? sourceFile;
  }

  /**
   * What a SourceFile of this build's Program comes to: remembered for the very object while the world is the
   * same, else `compute`'s (remembered unless it asked a type checker). A rewritten file is noted, so that
   * `finish` serves what the final Program holds for it.
   */
  outcomeOf(sourceFile: TS.SourceFile, compute: () => FileOutcome): FileOutcome {
    let outcome = this.outcomes.get(sourceFile);
    if (outcome === undefined) {
      this.askedChecker = false;
      outcome = compute();
      if (!this.askedChecker) this.outcomes.set(sourceFile, outcome);
    }
    if (outcome?.result && outcome.result.text !== outcome.original.text) this.build?.originals.set(outcome.original.fileName, outcome.original);
    return outcome;
  }

  /** The remembered result while the file's text is unchanged; else `compute`'s, remembered unless it asked a checker. */
  rewrite(original: TS.SourceFile, compute: () => FileRewrite | undefined): FileRewrite | undefined {
    const entry = this.entries.get(original.fileName);
    if (entry?.original === original) return entry.result;
    const askedBefore = this.askedChecker;
    this.askedChecker = false;
    const result = compute();
    if (this.askedChecker) this.entries.delete(original.fileName);
    else this.entries.set(original.fileName, { original, result });
    this.askedChecker ||= askedBefore;
    return result;
  }

  /**
   * The rules' own check asks whether each renamed name exists in its target: a target's exports are read once
   * for as long as the Program holds the same SourceFile for it, across rebuilds. The type checker, which the
   * syntax sends a module with `export *` to, is asked of the Program at hand every time.
   */
  withTargetExports<T>(program: TS.Program, use: (lookup: ExportLookup) => T): T {
    this.targetsProgram = program;
    try {
      this.targetExports ??= new ExportLookup(this.ts, (file) => this.targetsProgram?.getSourceFile(file), () => this.targetsProgram!, true);
      return use(this.targetExports);
    } finally {
      this.targetsProgram = undefined;
    }
  }

  /** The planner's question "does this target export that name?", answered once per world from the originals. */
  exportsName(options: TS.CompilerOptions): ExportsName {
    this.lookup ??= new ExportLookup(
      this.ts,
      (file) => {
        const sourceFile = this.originalText(file);
        this.dependencies.set(file, sourceFile?.text);
        return sourceFile;
      },
      (file) => {
        this.askedChecker = true;
        return this.checkerProgram(file, options);
      },
    );
    return this.lookup.exportsName;
  }

  /** A type-only check asks the Program's checker: its answer may change with any file. */
  isTypeOnly(isTypeOnly: (target: ResolvedSymbol) => boolean): (target: ResolvedSymbol) => boolean {
    return (target) => {
      this.askedChecker = true;
      return isTypeOnly(target);
    };
  }

  /**
   * Ends the build with the Program tsc will keep: from now on the host serves each rewritten file in it for
   * its original, so the next Program tsc builds already holds it, and needs no second createProgram.
   */
  finish(program: TS.Program): void {
    if (!this.build) return;
    const servedAs = new WeakMap<TS.SourceFile, TS.SourceFile>();
    const originals = new WeakMap<TS.SourceFile, TS.SourceFile>();
    for (const [fileName, original] of this.build.originals) {
      const final = program.getSourceFile(fileName);
      if (!final || final === original) continue;
      servedAs.set(original, final);
      originals.set(final, original);
    }
    this.servedAs = servedAs;
    this.originals = originals;
    this.build = undefined;
  }

  /** Last build's rewritten SourceFile for this original, while the file has not changed. */
  servedFor(original: TS.SourceFile): TS.SourceFile | undefined {
    return this.servedAs.get(original);
  }

  /** The text a target's exports were read from, as it is now: the Program's original, else the file on disk. */
  private originalText(file: string): TS.SourceFile | undefined {
    const inProgram = this.build?.program.getSourceFile(file);
    if (inProgram) return this.originalOf(inProgram);
    const text = this.host.readFile(file);
    if (text === undefined) return undefined;
    countWork("parse", file);
    return this.ts.createSourceFile(file, text, this.ts.ScriptTarget.Latest, false);
  }

  private dependencyChanged(): boolean {
    for (const [file, text] of this.dependencies) {
      const inProgram = this.build?.program.getSourceFile(file);
      const now = inProgram ? (this.originals.get(inProgram) ?? inProgram).text : this.host.readFile(file);
      if (now !== text) return true;
    }
    return false;
  }

  /** As the standalone lookup does: a Program of the one file, for export names only, for this build only. */
  private checkerProgram(file: string, options: TS.CompilerOptions): TS.Program {
    const programs = this.build?.checkerPrograms ?? new Map<string, TS.Program>();
    let program = programs.get(file);
    if (!program) {
      program = this.ts.createProgram({ rootNames: [file], options: { ...options, noEmit: true, noLib: true, types: [], skipLibCheck: true }, host: this.host });
      programs.set(file, program);
    }
    return program;
  }
}

function needsProgram(): boolean {
  throw NEEDS_PROGRAM;
}

/** TypeScript reports a file's syntax errors itself; a rewrite of a recovered tree could only confuse them. */
export function hasParseErrors(sourceFile: TS.SourceFile): boolean {
  return ((sourceFile as TS.SourceFile & { parseDiagnostics?: readonly unknown[] }).parseDiagnostics?.length ?? 0) > 0;
}
