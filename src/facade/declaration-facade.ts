import type { SsotDiagnostic } from "../diagnostic";
import type { RuleIndex } from "../rules/targets";
import type { ModuleRef, Rule, RuleSet } from "../rules/types";
import { listedReexports, missingListedExport } from "./listed-reexports";

/** How a name exists in a module: something with a run-time value, or a type only. */
export type ExportKind = "value" | "type";

/** Every name a module exports (its `default` included), as a type checker sees it. */
export type ModuleExportKinds = ReadonlyMap<string, ExportKind>;

export interface DeclarationFacadeInputs {
  ruleSet: RuleSet;
  index: RuleIndex;
  /** The facade's first line, a comment saying what wrote it and whether it may be edited. */
  header: string;
  /**
   * What a module exports; undefined when nothing can be known (an external module without types). A caller
   * that cannot tell types from values may report every name as a value: a plain re-export of a type is
   * valid in a `.d.ts`, and only a `.ts` facade under `isolatedModules` needs the `export type` spelling.
   */
  exportsOf(module: ModuleRef): ModuleExportKinds | undefined;
  /** How the facade names a module in `from "…"`, relative to where the facade file is written. */
  specifierOf(module: ModuleRef): string;
}

export interface DeclarationFacade {
  text: string;
  errors: SsotDiagnostic[];
}

/**
 * The type-level stand-in for a deprecated module, for a type checker that runs no plugin (TypeScript 7 and
 * plain tsc through `ssot-imports facades`) or that an editor plugin points at it (a virtual `.d.ts`): it
 * re-exports the module the rule's chain ends at, and each renamed or moved name under its old
 * name, so every import of the old module sees exactly the SSOT's declarations, values and types alike.
 * `export type` marks the type-only names: `verbatimModuleSyntax` and `isolatedModules` reject a plain
 * re-export of a type. The importer's text (and every position in it) stays as written. Pure: the caller says
 * what each module exports, how to name it, and what the facade's header says.
 */
export function declarationFacade(rule: Rule, inputs: DeclarationFacadeInputs): DeclarationFacade {
  const { index, ruleSet } = inputs;
  const target = index.moduleTarget(rule);
  const listed = index.listedNames(rule);
  const lines = [inputs.header];
  const errors: SsotDiagnostic[] = [];
  // A split rule whose module is gone has nothing left to pass through; every other target is re-exported whole.
  const targetExists = target.kind === "bare" || target.file !== undefined;
  if (targetExists) {
    const specifier = JSON.stringify(inputs.specifierOf(target));
    lines.push(`export * from ${specifier};`);
    // `export *` never carries `default`: the old module's default is the target's unless the rules map it.
    if (!listed.includes("default") && inputs.exportsOf(target)?.has("default")) lines.push(`export { default } from ${specifier};`);
  }

  const reexports = new Map<string, { values: string[]; types: string[] }>();
  for (const { name, destination } of listedReexports(index, rule)) {
    const kind = kindOf(inputs.exportsOf(destination.module), destination.name);
    if (kind === "missing") {
      errors.push(missingListedExport(ruleSet, rule, name, destination));
      continue;
    }
    const specifier = JSON.stringify(inputs.specifierOf(destination.module));
    const group = reexports.get(specifier) ?? { values: [], types: [] };
    reexports.set(specifier, group);
    const binding = destination.name === name ? name : `${destination.name} as ${name}`;
    (kind === "type" ? group.types : group.values).push(binding);
  }
  for (const [specifier, { values, types }] of reexports) {
    if (values.length > 0) lines.push(`export { ${values.join(", ")} } from ${specifier};`);
    if (types.length > 0) lines.push(`export type { ${types.join(", ")} } from ${specifier};`);
  }
  return { text: lines.join("\n") + "\n", errors };
}

/** Unknown exports are re-exported as values: the one spelling that works for a value and, mostly, a type. */
function kindOf(exports: ModuleExportKinds | undefined, name: string): ExportKind | "missing" {
  if (!exports) return "value";
  return exports.get(name) ?? "missing";
}
