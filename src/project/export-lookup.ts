import type * as TS from "typescript";
import { collectExports, type ModuleExports } from "../scan/exports";

/**
 * Does a module file export a name? Its own syntax answers most cases cheaply; a module that re-exports with
 * `export *`, assigns `export =`, or is JavaScript (whose CommonJS exports exist only at run time) is handed to
 * the type checker, which follows re-exports exactly. Shared by the tsc plugin and `ssot-imports verify`.
 */
export class ExportLookup {
  private readonly syntactic = new Map<string, ModuleExports | undefined>();

  constructor(
    private readonly ts: typeof TS,
    private readonly sourceFileOf: (file: string) => TS.SourceFile | undefined,
    /** A Program that contains the file; asked only when the syntax is not conclusive. */
    private readonly checkerProgram: () => TS.Program,
  ) {}

  /** undefined: the file could not be read, so nothing can be said (the caller reports missing files). */
  exports(file: string, name: string): boolean | undefined {
    if (!this.syntactic.has(file)) {
      const sourceFile = this.sourceFileOf(file);
      this.syntactic.set(file, sourceFile && collectExports(this.ts, sourceFile));
    }
    const exports = this.syntactic.get(file);
    if (!exports) return undefined;
    if (exports.names.has(name)) return true;
    const conclusive = exports.starSpecifiers.length === 0 && !exports.names.has("export=") && !/\.[cm]?jsx?$/.test(file);
    return conclusive ? false : this.checkerSays(file, name);
  }

  private checkerSays(file: string, name: string): boolean {
    const program = this.checkerProgram();
    const checker = program.getTypeChecker();
    const sourceFile = program.getSourceFile(file);
    const moduleSymbol = sourceFile && (checker.getSymbolAtLocation(sourceFile) ?? (sourceFile as TS.SourceFile & { symbol?: TS.Symbol }).symbol);
    return moduleSymbol !== undefined && checker.getExportsOfModule(moduleSymbol).some((s) => s.name === name);
  }
}
