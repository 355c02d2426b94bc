import type { SsotDiagnostic } from "../diagnostic";
import type { RuleIndex } from "../rules/targets";
import type { ModuleRef, Rule, RuleSet } from "../rules/types";

/** How a name exists in a module: something with a run-time value, or a type only. */
export type ExportKind = "value" | "type";

/** Every name a module exports (`default` included). */
export type ModuleExportKinds = ReadonlyMap<string, ExportKind>;

export interface VirtualModuleInputs {
  ruleSet: RuleSet;
  index: RuleIndex;
  /** What a module exports; undefined when it cannot be known from here (then nothing is reported missing). */
  exportsOf(module: ModuleRef): ModuleExportKinds | undefined;
  /** How the module names another in `from "…"`, seen from where it lives. */
  specifierOf(module: ModuleRef): string;
}

export interface VirtualModule {
  text: string;
  /** Renamed or moved names that their destination does not export: the same words as the tsc plugin's. */
  errors: SsotDiagnostic[];
}

/**
 * The declaration module an editor's type checker sees in place of a deprecated one: the SSOT module
 * re-exported whole, and each renamed or moved name under its old name. Every import of the old module then
 * gets exactly the declarations the build gives it, while the importer's text (and every position in it) stays
 * as written. A declaration file, so it is never emitted and its re-exports of types need no `type` marker.
 * Pure: the caller says what each module exports and how to name it.
 */
export function virtualModuleText(rule: Rule, inputs: VirtualModuleInputs): VirtualModule {
  const { index, ruleSet } = inputs;
  const target = index.moduleTarget(rule);
  const listed = index.listedNames(rule);
  const lines = [`// ssot-imports: ${rule.label}`];
  const errors: SsotDiagnostic[] = [];
  if (target.kind === "bare" || target.file !== undefined) {
    const specifier = JSON.stringify(inputs.specifierOf(target));
    lines.push(`export * from ${specifier};`);
    // `export *` never carries `default`: the old module's default is the target's, unless the rules map it.
    if (!listed.includes("default") && inputs.exportsOf(target)?.has("default")) lines.push(`export { default } from ${specifier};`);
  }
  const byModule = new Map<string, string[]>();
  for (const name of listed) {
    const destination = index.symbolTarget(rule, name);
    if (!destination) continue; // a cycle, which the rules loader has already refused
    if (destination.module.key === target.key && destination.name === name && name !== "default") continue;
    const exports = inputs.exportsOf(destination.module);
    if (exports && !exports.has(destination.name)) {
      errors.push({
        severity: "error",
        file: ruleSet.file,
        ...(rule.symbolLocations.get(name) ?? { line: rule.line, column: rule.column }),
        rule: rule.label,
        message: `symbol "${name}" maps to "${destination.name}", which ${destination.module.written} does not export`,
      });
      continue;
    }
    const specifier = JSON.stringify(inputs.specifierOf(destination.module));
    const bindings = byModule.get(specifier) ?? [];
    byModule.set(specifier, bindings);
    bindings.push(destination.name === name ? name : `${destination.name} as ${name}`);
  }
  for (const [specifier, bindings] of byModule) lines.push(`export { ${bindings.join(", ")} } from ${specifier};`);
  return { text: lines.join("\n") + "\n", errors };
}
