import { lineLocator, type SsotDiagnostic } from "../diagnostic";
import type { ResolvedSymbol, RuleIndex } from "../rules/targets";
import type { ModuleRef, Rule } from "../rules/types";
import type { ExportsName } from "../check/forgotten-names";
import type { Binding, ImportSite } from "../scan/types";
import { specifierFor } from "./specifier";
import type { ExtensionPolicy, Layout, Rewrite, TextEdit } from "./types";

export interface TargetedBinding {
  binding: Binding;
  target: ResolvedSymbol;
}

export interface ModuleGroup {
  module: ModuleRef;
  items: TargetedBinding[];
}

/** How the caller's setting shapes the plan: what planFile takes beside the file and its matches. */
export interface PlanSettings {
  /**
   * Targets that exist only as types. `export *` re-exports renamed and moved names under their old names; a
   * caller planning JavaScript (types already stripped, as esbuild's unbundled mode does) passes this so
   * type-only ones are left out rather than re-exported as values that do not exist at run time.
   */
  isTypeOnly?: (target: ResolvedSymbol) => boolean;
  /**
   * The text is TypeScript (the tsc adapter): a type-only target of a rewritten `export *` is re-exported as
   * `type Old` instead of being left out, since importers of the old name may use it as a type. The `type`
   * modifier is what isolatedModules and verbatimModuleSyntax require of a type re-export (TS1205).
   */
  typeSyntax?: boolean;
  /** What extensions rewritten specifiers carry: the adapter knows the module setting and the output's names. */
  extensions?: ExtensionPolicy;
  /**
   * What the rules' target modules export. Given, an import that asks for a name the rules forgot (its target
   * does not export it and no `symbols` entry maps it) is refused, located at the name, instead of being
   * rewritten into an import that fails. Absent: not checked.
   */
  exportsName?: ExportsName;
}

/** What planning one site needs and produces; one per site so a failed site leaves no partial edits behind. */
export class SitePlan {
  readonly edits: TextEdit[] = [];
  readonly symbols: string[] = [];
  error?: SsotDiagnostic;

  constructor(
    readonly file: string,
    readonly text: string,
    readonly index: RuleIndex,
    readonly layout: Layout,
    readonly site: ImportSite,
    readonly rule: Rule,
    private readonly locate: ReturnType<typeof lineLocator>,
    private readonly settings: PlanSettings = {},
  ) {}

  get exportsName(): ExportsName | undefined {
    return this.settings.exportsName;
  }

  /** Where an offset of the file is, for diagnostics. */
  position(offset: number): { line: number; column: number } {
    return this.locate(offset);
  }

  isTypeOnly(target: ResolvedSymbol): boolean {
    return this.settings.isTypeOnly?.(target) ?? false;
  }

  get typeSyntax(): boolean {
    return this.settings.typeSyntax ?? false;
  }

  get moduleTarget(): ModuleRef {
    return this.index.moduleTarget(this.rule);
  }

  get reshapes(): boolean {
    return this.index.reshapesExports(this.rule);
  }

  target(name: string): ResolvedSymbol {
    // The loader rejected cycles, so every name has an end.
    return this.index.symbolTarget(this.rule, name)!;
  }

  /** The specifier to write for `module`; the importer's own text when the module does not change. */
  specifierText(module: ModuleRef): string {
    if (module.key === this.rule.from.key) return this.site.specifier.value;
    const { requiresExtension, outputExtension } = this.settings.extensions ?? {};
    return specifierFor(module, this.file, this.site.specifier.value, { extensionRequired: requiresExtension?.(this.site), outputExtension });
  }

  replaceSpecifier(module: ModuleRef): void {
    if (module.key === this.rule.from.key) return;
    const { start, end } = this.site.specifier;
    this.edits.push({ start: start + 1, end: end - 1, text: this.specifierText(module) });
  }

  /** Renames the export name of one binding in place, keeping its local name: `a` → `b as a`. */
  renameBinding(binding: Binding, newName: string): void {
    if (newName === binding.imported) return;
    const separator = binding.aliasSyntax === "as" ? " as " : ": ";
    const text = binding.hasAlias ? newName : `${newName}${separator}${binding.local}`;
    this.edits.push({ start: binding.importedRange.start, end: binding.importedRange.end, text });
  }

  /** Bindings grouped by the module each ends up in, in source order of first appearance. */
  group(bindings: readonly Binding[]): ModuleGroup[] {
    const groups = new Map<string, ModuleGroup>();
    for (const binding of bindings) {
      const target = this.target(binding.imported);
      const group = groups.get(target.module.key) ?? { module: target.module, items: [] };
      group.items.push({ binding, target });
      groups.set(target.module.key, group);
    }
    return [...groups.values()];
  }

  fail(offset: number, message: string): void {
    const hint = this.rule.message ? ` (${this.rule.message})` : "";
    this.error = { severity: "error", file: this.file, ...this.locate(offset), rule: this.rule.label, message: message + hint };
  }

  rewrite(): Rewrite | undefined {
    return this.edits.length === 0 ? undefined : this.located();
  }

  /** The site as a report names it, whether or not it could be rewritten. */
  located(): Rewrite {
    const { line, column } = this.locate(this.site.specifier.start);
    const symbols = [...new Set(this.symbols)];
    const targets = symbols
      .filter((name) => name !== "*")
      .map((name) => {
        const target = this.target(name);
        return { name, module: this.specifierText(target.module), newName: target.name };
      });
    return { file: this.file, rule: this.rule, site: this.site, line, column, symbols, replacement: this.specifierText(this.moduleTarget), targets };
  }
}
