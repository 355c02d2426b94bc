import type * as TS from "typescript";
import { SSOT_DIAGNOSTIC_CODE } from "../tsc/diagnostics";
import { isFacadeFile } from "./facades";
import { FIX_FILE } from "./file-plans";
import type { ProjectPlugin } from "./project-plugin";

/**
 * The project's language service with the plugin's additions: deprecation diagnostics, the migrate fixes, and
 * no location inside a facade (a file that exists only for the type checker, which no editor can open). Every
 * addition runs guarded: on failure the answer is TypeScript's own.
 */
export function proxyLanguageService(plugin: ProjectPlugin, ls: TS.LanguageService): TS.LanguageService {
  const proxy = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(ls) as Array<keyof TS.LanguageService>) {
    const member = ls[key];
    proxy[key] = typeof member === "function" ? (...args: unknown[]) => (member as (...a: unknown[]) => unknown).apply(ls, args) : member;
  }
  const service = proxy as unknown as TS.LanguageService;
  const guard = plugin.guard.bind(plugin);
  const withFile = <T>(fileName: string, fallback: T, work: (program: TS.Program, sourceFile: TS.SourceFile, active: NonNullable<ProjectPlugin["active"]>) => T): T => {
    const active = plugin.active;
    if (!active || isFacadeFile(fileName)) return fallback;
    // The Program the request just used; getProgram() would first check every file's version again.
    const program = (ls as { getCurrentProgram?(): TS.Program | undefined }).getCurrentProgram?.() ?? ls.getProgram();
    const sourceFile = program?.getSourceFile(fileName);
    return program && sourceFile ? work(program, sourceFile, active) : fallback;
  };

  service.getSemanticDiagnostics = (fileName) => {
    const base = ls.getSemanticDiagnostics(fileName);
    plugin.logProfile();
    return guard("semantic diagnostics", () => base, () => {
      if (isFacadeFile(fileName)) return [];
      return withFile(fileName, base, (program, sourceFile, active) => {
        const { deprecations, errors } = active.plans.diagnostics(program, sourceFile, plugin.options.severity);
        return [...base, ...errors, ...(plugin.options.severity === "suggestion" ? [] : deprecations)];
      });
    });
  };

  service.getSuggestionDiagnostics = (fileName) => {
    const base = ls.getSuggestionDiagnostics(fileName);
    return guard("suggestion diagnostics", () => base, () => {
      if (isFacadeFile(fileName) || plugin.options.severity !== "suggestion") return isFacadeFile(fileName) ? [] : base;
      return withFile(fileName, base, (program, sourceFile, active) => [
        ...base,
        ...(active.plans.diagnostics(program, sourceFile, "suggestion").deprecations as TS.DiagnosticWithLocation[]),
      ]);
    });
  };

  service.getCompilerOptionsDiagnostics = () => {
    const base = ls.getCompilerOptionsDiagnostics();
    return guard("project diagnostics", () => base, () => [...base, ...plugin.configDiagnostics()]);
  };

  service.getSupportedCodeFixes = (fileName?: string) => {
    const base = ls.getSupportedCodeFixes(fileName);
    return base.includes(String(SSOT_DIAGNOSTIC_CODE)) ? base : [...base, String(SSOT_DIAGNOSTIC_CODE)];
  };

  service.getCodeFixesAtPosition = (fileName, start, end, errorCodes, formatOptions, preferences) => {
    const base = ls.getCodeFixesAtPosition(fileName, start, end, errorCodes, formatOptions, preferences);
    return guard("code fixes", () => base, () => {
      // TypeScript's own fixes (an import to add) must never name a facade.
      const own = base.filter((fix) => !fix.changes.some((c) => isFacadeFile(c.fileName) || c.textChanges.some((t) => /\.ssot-facade-/.test(t.newText))));
      if (!errorCodes.includes(SSOT_DIAGNOSTIC_CODE)) return own;
      return withFile(fileName, own, (program, sourceFile, active) => [...own, ...active.plans.fixes(program, sourceFile, start, end)]);
    });
  };

  service.getCombinedCodeFix = (scope, fixId, formatOptions, preferences) => {
    if (fixId !== FIX_FILE) return ls.getCombinedCodeFix(scope, fixId, formatOptions, preferences);
    return guard("migrating a file", (): TS.CombinedCodeActions => ({ changes: [] }), () =>
      withFile(scope.fileName, { changes: [] } as TS.CombinedCodeActions, (program, sourceFile, active) => {
        const changes = active.plans.fileChanges(program, sourceFile);
        return { changes: changes ? [changes] : [] };
      }),
    );
  };

  // Locations: a facade's are replaced by the module it stands for, or dropped.
  const definitions = <T extends TS.DocumentSpan>(list: readonly T[] | undefined): T[] | undefined =>
    list &&
    guard("definitions", () => [...list], () =>
      list.flatMap((d): T[] => {
        if (!isFacadeFile(d.fileName)) return [d];
        // The module itself (a definition of the specifier): the SSOT module it stands for. Its re-exports: none.
        const kind = (d as Partial<TS.DefinitionInfo>).kind;
        const isModule = kind === plugin.ts.ScriptElementKind.scriptElement || kind === plugin.ts.ScriptElementKind.moduleElement;
        const target = isModule ? plugin.facadeTarget(d.fileName) : undefined;
        return target ? [{ ...d, fileName: target, textSpan: { start: 0, length: 0 }, contextSpan: undefined }] : [];
      }),
    );
  service.getDefinitionAtPosition = (fileName, position, ...rest) =>
    definitions((ls.getDefinitionAtPosition as (...a: unknown[]) => readonly TS.DefinitionInfo[] | undefined)(fileName, position, ...rest));
  service.getDefinitionAndBoundSpan = (fileName, position, ...rest) => {
    const base = (ls.getDefinitionAndBoundSpan as (...a: unknown[]) => TS.DefinitionInfoAndBoundSpan | undefined)(fileName, position, ...rest);
    return base && { ...base, definitions: definitions(base.definitions) };
  };
  service.getTypeDefinitionAtPosition = (fileName, position) => definitions(ls.getTypeDefinitionAtPosition(fileName, position));
  service.getImplementationAtPosition = (fileName, position) => definitions(ls.getImplementationAtPosition(fileName, position));
  service.getReferencesAtPosition = (fileName, position) => definitions(ls.getReferencesAtPosition(fileName, position));
  service.findRenameLocations = ((...args: unknown[]) =>
    definitions((ls.findRenameLocations as (...a: unknown[]) => readonly TS.RenameLocation[] | undefined)(...args))) as TS.LanguageService["findRenameLocations"];
  service.findReferences = (fileName, position) => {
    const base = ls.findReferences(fileName, position);
    return base && guard("references", () => base, () =>
      base.flatMap((group) => {
        const references = group.references.filter((r) => !isFacadeFile(r.fileName));
        if (references.length === 0) return [];
        const definition = isFacadeFile(group.definition.fileName) ? { ...group.definition, fileName: references[0].fileName, textSpan: references[0].textSpan, contextSpan: undefined } : group.definition;
        return [{ definition, references }];
      }),
    );
  };
  service.getNavigateToItems = (...args) => {
    const base = ls.getNavigateToItems(...args);
    return guard("navigate to", () => base, () => base.filter((item) => !isFacadeFile(item.fileName)));
  };
  service.getCompletionsAtPosition = (fileName, position, options, formattingSettings) => {
    const base = ls.getCompletionsAtPosition(fileName, position, options, formattingSettings);
    return base && guard("completions", () => base, () => {
      const entries = base.entries.filter((e) => !isFacadeFile(e.data?.fileName) && !/\.ssot-facade-/.test(e.source ?? ""));
      return entries.length === base.entries.length ? base : { ...base, entries };
    });
  };
  service.dispose = () => {
    plugin.close();
    ls.dispose();
  };
  return service;
}
