import type * as TS from "typescript";
import type { ExportsName } from "../check/forgotten-names";
import { collectExports, type ModuleExports } from "../scan/exports";
import { countWork } from "../work-counts";

/**
 * Does a module file export a name? Its own syntax answers most cases cheaply; a module that re-exports with
 * `export *`, assigns `export =`, or is JavaScript (whose CommonJS exports exist only at run time) is handed to
 * the type checker, which follows re-exports exactly. Shared by the tsc plugin and the CLI.
 */
export class ExportLookup {
  private readonly syntactic = new Map<string, ModuleExports | undefined>();
  private readonly bySourceFile = new WeakMap<TS.SourceFile, ModuleExports>();

  constructor(
    private readonly ts: typeof TS,
    private readonly sourceFileOf: (file: string) => TS.SourceFile | undefined,
    /** A Program that contains the file; asked only when the syntax is not conclusive. */
    private readonly checkerProgram: (file: string) => TS.Program,
    /**
     * Whether `sourceFileOf` may answer with another SourceFile later (a lookup kept across the Programs of a
     * watch session): then each answer is asked for, and its exports kept by the SourceFile object.
     */
    private readonly sourceFilesChange = false,
  ) {}

  /** undefined: the file could not be read, so nothing can be said (the caller reports missing files). */
  exports(file: string, name: string): boolean | undefined {
    const exports = this.sourceFilesChange ? this.exportsNow(file) : this.exportsOnce(file);
    if (!exports) return undefined;
    if (exports.names.has(name)) return true;
    const conclusive = exports.starSpecifiers.length === 0 && !exports.names.has("export=") && !/\.[cm]?jsx?$/.test(file);
    return conclusive ? false : this.checkerSays(file, name);
  }

  private exportsOnce(file: string): ModuleExports | undefined {
    if (!this.syntactic.has(file)) {
      const sourceFile = this.sourceFileOf(file);
      this.syntactic.set(file, sourceFile && collectExports(this.ts, sourceFile));
    }
    return this.syntactic.get(file);
  }

  private exportsNow(file: string): ModuleExports | undefined {
    const sourceFile = this.sourceFileOf(file);
    if (!sourceFile) return undefined;
    let exports = this.bySourceFile.get(sourceFile);
    if (!exports) this.bySourceFile.set(sourceFile, (exports = collectExports(this.ts, sourceFile)));
    return exports;
  }

  /** The lookup as the core's planner asks it. */
  get exportsName(): ExportsName {
    return (module, name) => (module.file ? this.exports(module.file, name) : undefined);
  }

  private checkerSays(file: string, name: string): boolean | undefined {
    const program = this.checkerProgram(file);
    const checker = program.getTypeChecker();
    const sourceFile = program.getSourceFile(file);
    const moduleSymbol = sourceFile && (checker.getSymbolAtLocation(sourceFile) ?? (sourceFile as TS.SourceFile & { symbol?: TS.Symbol }).symbol);
    // A JavaScript file without ES exports has no module symbol: its exports exist only at run time.
    if (!moduleSymbol) return undefined;
    return checker.getExportsOfModule(moduleSymbol).some((s) => s.name === name);
  }
}

/**
 * A lookup over files read on demand, for callers that hold no Program with the targets in it. The checker, when
 * the syntax is not conclusive, gets a Program of just those files: export names need no lib and no @types.
 */
export function standaloneExportLookup(
  ts: typeof TS,
  options: TS.CompilerOptions,
  readFile: (file: string) => string | undefined,
  host?: TS.CompilerHost,
  /** A tree the caller has already parsed (a Program's own file): not read and parsed a second time. */
  parsed?: (file: string) => TS.SourceFile | undefined,
): ExportLookup {
  const programs = new Map<string, TS.Program>();
  const checkerOptions: TS.CompilerOptions = { ...options, noEmit: true, noLib: true, types: [], skipLibCheck: true };
  return new ExportLookup(
    ts,
    (file) => {
      const known = parsed?.(file);
      if (known) return known;
      const text = readFile(file);
      if (text === undefined) return undefined;
      countWork("parse", file);
      return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
    },
    (file) => {
      let program = programs.get(file);
      if (!program) {
        program = ts.createProgram({ rootNames: [file], options: checkerOptions, host });
        programs.set(file, program);
      }
      return program;
    },
  );
}
