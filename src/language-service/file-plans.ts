import type * as TS from "typescript";
import { rewriteFile, type FileRewrite } from "../core";
import { Matcher, type ModuleResolver } from "../match/matcher";
import { planFile } from "../plan/plan-file";
import type { Rewrite, TextEdit } from "../plan/types";
import { extensionPolicyFor } from "../project/extension-policy";
import { createTypeScriptResolver, pathAliasesOf } from "../project/resolver";
import type { RuleIndex } from "../rules/targets";
import { SSOT_DIAGNOSTIC_CODE } from "../tsc/diagnostics";
import type { Severity } from "./rules";

export const FIX_IMPORT = "ssot-imports-migrate-import";
export const FIX_FILE = "ssot-imports-migrate-file";
const FIX_FILE_DESCRIPTION = "Migrate all deprecated imports in this file";

/**
 * What `ssot-imports migrate` would make of each file, computed the way the CLI computes it (the same core, the
 * `new-line` layout, the same extension policy), once per SourceFile: deprecation diagnostics and quick fixes
 * both come from it, so a fix's edits are exactly the codemod's.
 */
export class FilePlans {
  private readonly plans = new WeakMap<TS.SourceFile, FileRewrite | null>();
  private matcher: Matcher | undefined;
  private program: TS.Program | undefined;

  constructor(
    private readonly ts: typeof TS,
    private readonly index: RuleIndex,
    private readonly host: TS.ModuleResolutionHost,
    /** What the project's module resolution decided, by importer and specifier (see ProjectPlugin). */
    private readonly decisions: ReadonlyMap<string, ReadonlyMap<string, string | undefined>>,
  ) {}

  planOf(program: TS.Program, sourceFile: TS.SourceFile): FileRewrite | undefined {
    const cached = this.plans.get(sourceFile);
    if (cached !== undefined) return cached ?? undefined;
    // A file that does not parse is TypeScript's to report, and the CLI leaves it untouched too.
    const parseDiagnostics = (sourceFile as { parseDiagnostics?: readonly unknown[] }).parseDiagnostics;
    const plan =
      parseDiagnostics && parseDiagnostics.length > 0
        ? undefined
        : rewriteFile(this.ts, this.matcherFor(program), sourceFile.fileName, sourceFile.text, () => sourceFile, "new-line", {
            extensions: extensionPolicyFor(this.ts, program.getCompilerOptions(), sourceFile.impliedNodeFormat),
          });
    this.plans.set(sourceFile, plan ?? null);
    return plan;
  }

  /** The deprecated imports of a file, and the imports that the build refuses (always errors, as in the build). */
  diagnostics(program: TS.Program, sourceFile: TS.SourceFile, severity: Severity): { deprecations: TS.Diagnostic[]; errors: TS.Diagnostic[] } {
    const rewrite = this.planOf(program, sourceFile);
    if (!rewrite) return { deprecations: [], errors: [] };
    const { ts } = this;
    const category = { suggestion: ts.DiagnosticCategory.Suggestion, warning: ts.DiagnosticCategory.Warning, error: ts.DiagnosticCategory.Error }[severity];
    const deprecations = rewrite.plan.rewrites.map((r): TS.Diagnostic => ({
      ...at(sourceFile, r),
      category,
      messageText: deprecationMessage(r, this.index),
      // How TypeScript marks its own @deprecated hint, which editors draw struck through.
      ...(severity === "suggestion" ? { reportsDeprecated: {} } : {}),
    }));
    // Where the build reports it (the part of the import that cannot be rewritten), with the build's words.
    const errors = rewrite.plan.unsafe.map((r, i): TS.Diagnostic => {
      const d = rewrite.plan.diagnostics[i];
      const start = d ? sourceFile.getPositionOfLineAndCharacter(d.line - 1, d.column - 1) : r.site.specifier.start;
      return {
        ...at(sourceFile, r),
        ...(start === r.site.specifier.start ? {} : { start, length: 1 }),
        category: ts.DiagnosticCategory.Error,
        messageText: `ssot-imports [${r.rule.label}]: ${d?.message ?? "cannot be rewritten safely"}`,
      };
    });
    return { deprecations, errors };
  }

  /** "Migrate this import" for each deprecated import in the range, and "Migrate all … in this file". */
  fixes(program: TS.Program, sourceFile: TS.SourceFile, start: number, end: number): TS.CodeFixAction[] {
    const rewrite = this.planOf(program, sourceFile);
    if (!rewrite || rewrite.plan.rewrites.length === 0) return [];
    const here = rewrite.plan.rewrites.filter((r) => r.site.statement.start <= end && start <= r.site.statement.end);
    if (here.length === 0) return [];
    const actions = here.map((r): TS.CodeFixAction => ({
      fixName: FIX_IMPORT,
      description: `Migrate this import to ${this.index.moduleTarget(r.rule).written}`,
      changes: [changesOf(sourceFile.fileName, this.siteEdits(program, sourceFile, r))],
      fixId: FIX_FILE,
      fixAllDescription: FIX_FILE_DESCRIPTION,
    }));
    actions.push({ fixName: FIX_FILE, description: FIX_FILE_DESCRIPTION, changes: [this.fileChanges(program, sourceFile)!] });
    return actions;
  }

  /** Every edit the codemod makes to the file; undefined when it makes none. */
  fileChanges(program: TS.Program, sourceFile: TS.SourceFile): TS.FileTextChanges | undefined {
    const rewrite = this.planOf(program, sourceFile);
    return rewrite && rewrite.plan.edits.length > 0 ? changesOf(sourceFile.fileName, rewrite.plan.edits) : undefined;
  }

  /** One site planned alone: the plan is made site by site, so these are that site's edits in the whole plan. */
  private siteEdits(program: TS.Program, sourceFile: TS.SourceFile, r: Rewrite): readonly TextEdit[] {
    return planFile({
      file: sourceFile.fileName,
      text: sourceFile.text,
      index: this.index,
      matches: [{ site: r.site, rule: r.rule }],
      layout: "new-line",
      extensions: extensionPolicyFor(this.ts, program.getCompilerOptions(), sourceFile.impliedNodeFormat),
    }).edits;
  }

  /**
   * The program's own resolution decides, as it decided for the type checker (a facade counts as the module it
   * stands for), so a hint appears exactly where a facade does. An import it has no record of is resolved by
   * TypeScript here, as the CLI resolves it.
   */
  private matcherFor(program: TS.Program): Matcher {
    this.program = program;
    if (!this.matcher) {
      const options = program.getCompilerOptions();
      const typescript = createTypeScriptResolver(this.ts, options, this.host, (file) => this.program?.getSourceFile(file)?.impliedNodeFormat);
      const resolver: ModuleResolver = {
        resolve: (specifier, importer, use) => {
          const decided = this.decisions.get(importer);
          return decided?.has(specifier) ? decided.get(specifier) : typescript.resolve(specifier, importer, use);
        },
      };
      this.matcher = new Matcher(this.index, resolver, pathAliasesOf(options));
    }
    return this.matcher;
  }
}

function at(sourceFile: TS.SourceFile, r: Rewrite): Pick<TS.Diagnostic, "file" | "start" | "length" | "code" | "source"> {
  const { start, end } = r.site.specifier;
  return { file: sourceFile, start, length: end - start, code: SSOT_DIAGNOSTIC_CODE, source: "ssot-imports" };
}

function deprecationMessage(r: Rewrite, index: RuleIndex): string {
  const advice = r.rule.message ?? `import ${index.moduleTarget(r.rule).written} instead`;
  return `'${r.site.specifier.value}' is deprecated: ${advice} (ssot-imports ${r.rule.label})`;
}

function changesOf(fileName: string, edits: readonly TextEdit[]): TS.FileTextChanges {
  return { fileName, textChanges: edits.map((e) => ({ span: { start: e.start, length: e.end - e.start }, newText: e.text })) };
}
