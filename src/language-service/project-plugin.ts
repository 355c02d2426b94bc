import type * as TS from "typescript";
import type { SsotDiagnostic } from "../diagnostic";
import { Matcher } from "../match/matcher";
import { pathAliasesOf } from "../project/resolver";
import { RuleIndex } from "../rules/targets";
import { toPosix, type FileSystem } from "../rules/module-paths";
import { SSOT_DIAGNOSTIC_CODE } from "../tsc/diagnostics";
import { Facades, isFacadeFile, serveFacadesFrom } from "./facades";
import { FilePlans } from "./file-plans";
import { loadProjectRules, readPluginOptions, type PluginOptions } from "./rules";

/** What one rules load gives the project; absent while the rules are broken (TypeScript's own behaviour then). */
interface ActiveRules {
  index: RuleIndex;
  /** Decides at resolution time, from TypeScript's own result: it is never asked to resolve anything itself. */
  matcher: Matcher;
  facades: Facades;
  plans: FilePlans;
  /**
   * For each importer, what each candidate specifier resolved to as the type checker sees it (the deprecated
   * module's path where a facade stands in): the plans ask this instead of resolving again.
   */
  decisions: Map<string, Map<string, string | undefined>>;
}

type ResolveLiterals = NonNullable<TS.LanguageServiceHost["resolveModuleNameLiterals"]>;

/**
 * The plugin's state for one tsserver project, made once: tsserver calls the plugin's `create` again each time
 * it reloads the project, and that must update this state, not stack a second plugin on the first.
 */
export class ProjectPlugin {
  options: PluginOptions = { severity: "suggestion" };
  active: ActiveRules | undefined;
  private configProblems: SsotDiagnostic[] = [];
  private optionProblems: string[] = [];
  private watchers = new Map<string, TS.FileWatcher>();
  private closed = false;
  /** SSOT_IMPORTS_LS_PROFILE=1: the time spent in the plugin's own work, for bench/language-service.mjs. */
  private readonly profile = process.env.SSOT_IMPORTS_LS_PROFILE === "1" ? { ms: 0, calls: 0, by: new Map<string, number>() } : undefined;

  constructor(
    readonly ts: typeof TS,
    readonly project: TS.server.Project,
    private readonly serverHost: TS.server.ServerHost,
  ) {}

  log(message: string): void {
    this.project.projectService.logger.info(`ssot-imports: ${message}`);
  }

  /** Runs `work`; any failure is logged and answered with `fallback`, TypeScript's own result. */
  guard<T>(what: string, fallback: () => T, work: () => T): T {
    const start = this.profile ? performance.now() : 0;
    try {
      return work();
    } catch (error) {
      this.log(`${what} failed, falling back to TypeScript's own answer: ${(error as Error)?.stack ?? String(error)}`);
      return fallback();
    } finally {
      if (this.profile) {
        const spent = performance.now() - start;
        this.profile.ms += spent;
        this.profile.calls++;
        this.profile.by.set(what, (this.profile.by.get(what) ?? 0) + spent);
      }
    }
  }

  /** With SSOT_IMPORTS_LS_PROFILE=1, the plugin's own time so far, in the tsserver log. */
  logProfile(): void {
    if (this.profile) this.log(`profile: ${this.profile.ms.toFixed(3)} ms in ${this.profile.calls} calls (${[...this.profile.by].map(([what, ms]) => `${what} ${ms.toFixed(1)}`).join(", ")})`);
  }

  configure(config: Record<string, unknown> | undefined): void {
    const { options, problems } = readPluginOptions(config);
    this.options = options;
    this.optionProblems = problems;
  }

  /** Reads the rules as the build does; on a change, tsserver re-resolves every import and checks again. */
  reload(reason: string): void {
    const configFile = this.configFile();
    if (!configFile) return;
    const fs: FileSystem = { fileExists: (f) => this.project.fileExists(f), readFile: (f) => this.project.readFile(f) };
    const { result, watched } = loadProjectRules(configFile, this.project.getCompilerOptions(), fs);
    this.watch(watched);
    if (result.ok) {
      const index = new RuleIndex(result.ruleSet);
      const decisions = new Map<string, Map<string, string | undefined>>();
      this.active = {
        index,
        matcher: new Matcher(index, { resolve: () => undefined }, pathAliasesOf(this.project.getCompilerOptions())),
        facades: new Facades(this.ts, index, (f) => this.project.readFile(f)),
        plans: new FilePlans(this.ts, index, this.project, decisions),
        decisions,
      };
      this.configProblems = [];
      this.log(`${result.ruleSet.rules.length} rules from ${result.ruleSet.file} (${reason})`);
    } else {
      this.active = undefined;
      this.configProblems = result.errors;
      this.log(`rules not loaded (${reason}): ${result.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`).join("; ")}`);
    }
  }

  /** Makes tsserver build the next program from scratch as far as module resolution goes, and tell the client. */
  invalidate(): void {
    const internal = this.project as unknown as { resolutionCache?: { onChangesAffectModuleResolution?(): void } };
    if (internal.resolutionCache?.onChangesAffectModuleResolution) internal.resolutionCache.onChangesAffectModuleResolution();
    else this.log("this TypeScript has no resolutionCache.onChangesAffectModuleResolution; imports re-resolve as files change");
    (this.project as unknown as { markAsDirty(): void }).markAsDirty();
    this.project.refreshDiagnostics();
  }

  /** Deprecated imports resolve to their facade; the facades' own imports to the modules they name. */
  decorateHost(host: TS.LanguageServiceHost): void {
    serveFacadesFrom(this.serverHost);
    const original = host.resolveModuleNameLiterals?.bind(host);
    if (!original) {
      this.log("this TypeScript's project has no resolveModuleNameLiterals: deprecated imports keep TypeScript's resolution");
      return;
    }
    const decorated: ResolveLiterals = (literals, containingFile, ...rest) => {
      const results = original(literals, containingFile, ...rest);
      return this.guard("module resolution", () => results, () => this.redirect(literals, containingFile, results));
    };
    host.resolveModuleNameLiterals = decorated;
  }

  private redirect(
    literals: readonly TS.StringLiteralLike[],
    containingFile: string,
    results: readonly TS.ResolvedModuleWithFailedLookupLocations[],
  ): readonly TS.ResolvedModuleWithFailedLookupLocations[] {
    const active = this.active;
    if (!active) return results;
    if (isFacadeFile(containingFile)) {
      const facade = active.facades.made().find((f) => f.file === toPosix(containingFile));
      if (!facade) return results;
      return results.map((result, i) => {
        const resolved = facade.imports.get(literals[i].text);
        return resolved ? { ...result, resolvedModule: resolved } : result;
      });
    }
    let redirected: TS.ResolvedModuleWithFailedLookupLocations[] | undefined;
    const importer = toPosix(containingFile);
    const decided = new Map<string, string | undefined>();
    active.decisions.set(importer, decided);
    for (let i = 0; i < literals.length; i++) {
      const specifier = literals[i].text;
      const { matcher } = active;
      const bare = matcher.bareRule(specifier);
      const candidate = !bare && matcher.specifierMayMatch(specifier);
      const resolved = results[i].resolvedModule?.resolvedFileName;
      const rule = bare ?? (candidate ? matcher.matchResolved(specifier, importer, resolved) : undefined);
      if (candidate) decided.set(specifier, rule?.from.kind === "path" ? (rule.from.file ?? `${rule.from.key}.ts`) : resolved);
      if (!rule) continue;
      const facade = active.facades.forRule(rule);
      redirected ??= [...results];
      redirected[i] = {
        ...results[i],
        resolvedModule: { resolvedFileName: facade.file, extension: facade.extension, isExternalLibraryImport: false },
      };
    }
    return redirected ?? results;
  }

  /** The SSOT module a facade stands for. */
  facadeTarget(file: string): string | undefined {
    return this.active?.facades.made().find((f) => f.file === toPosix(file))?.targetFile;
  }

  /** Rules and option problems, each located in the tsconfig at our plugin entry (where editors show them). */
  configDiagnostics(): TS.Diagnostic[] {
    const problems: Array<{ message: string }> = [
      ...this.optionProblems.map((message) => ({ message: `ssot-imports/language-service: ${message}` })),
      ...this.configProblems.map((d) => ({ message: `ssot-imports${d.rule ? ` [${d.rule}]` : ""}: ${d.message} (${d.file}:${d.line}:${d.column})` })),
      ...(this.active?.facades.made().flatMap((f) => f.errors) ?? []).map((d) => ({
        message: `ssot-imports [${d.rule}]: ${d.message} (${d.file}:${d.line}:${d.column})`,
      })),
    ];
    if (problems.length === 0) return [];
    const configFile = this.project.getCompilerOptions().configFile as TS.TsConfigSourceFile | undefined;
    const entry = configFile?.text.indexOf('"ssot-imports/language-service"') ?? -1;
    return problems.map(({ message }) => ({
      category: this.ts.DiagnosticCategory.Error,
      code: SSOT_DIAGNOSTIC_CODE,
      source: "ssot-imports",
      file: configFile,
      start: configFile ? Math.max(entry, 0) : undefined,
      length: configFile ? (entry >= 0 ? '"ssot-imports/language-service"'.length : 0) : undefined,
      messageText: message,
    }));
  }

  close(): void {
    this.closed = true;
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  private configFile(): string | undefined {
    const file = this.project.getCompilerOptions().configFilePath;
    return typeof file === "string" ? toPosix(file) : undefined;
  }

  /** Watches the rules files through tsserver's own host, as it watches the tsconfig. */
  private watch(files: readonly string[]): void {
    for (const [file, watcher] of this.watchers) {
      if (files.includes(file)) continue;
      watcher.close();
      this.watchers.delete(file);
    }
    for (const file of files) {
      if (this.watchers.has(file) || this.closed) continue;
      this.watchers.set(
        file,
        this.serverHost.watchFile(file, () =>
          this.guard("reloading the rules", () => undefined, () => {
            if (this.closed) return;
            this.reload(`${file} changed`);
            this.invalidate();
          }),
        ),
      );
    }
  }
}
