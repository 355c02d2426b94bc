import type { SsotDiagnostic } from "../diagnostic";
import type { RuleIndex } from "../rules/targets";
import type { ModuleRef, Rule, RuleSet } from "../rules/types";
import { listedReexports, missingListedExport } from "./listed-reexports";
import { exportStatus, type ExportsOf } from "./export-status";

export interface FacadeInputs {
  ruleSet: RuleSet;
  index: RuleIndex;
  /** Where the facade imports a module from (an absolute file, or a bare specifier). */
  importPathOf(module: ModuleRef): string;
  exportsOf: ExportsOf;
  /**
   * The modules this facade may load, in the order it loads them: a facade for importers that ask only for
   * names living there (see src/esbuild/importer-facades.ts), so that a bundle evaluates exactly the modules
   * the hand-migrated program imports. Absent: every module the rule sends names to, its module target first.
   */
  only?: readonly ModuleRef[];
}

/**
 * The virtual module that stands in for a deprecated one: it re-exports the SSOT module, and each renamed or
 * moved export under its old name. Importers are untouched, so every import form (named, default, namespace,
 * `export *`, `import()`, `require()`) keeps working, and esbuild still tree-shakes through the re-exports.
 */
export async function facadeSource(rule: Rule, inputs: FacadeInputs): Promise<{ contents: string; errors: SsotDiagnostic[] }> {
  const { index, importPathOf } = inputs;
  const target = index.moduleTarget(rule);
  const specifierOf = (module: ModuleRef) => JSON.stringify(importPathOf(module));
  // Lines by the module they import, each module's in the order found: a module is evaluated where the facade
  // first imports it, so grouping keeps the order of first appearance.
  const byModule = new Map<string, { module: ModuleRef; lines: string[] }>();
  const linesOf = (module: ModuleRef) => {
    let group = byModule.get(module.key);
    if (!group) byModule.set(module.key, (group = { module, lines: [] }));
    return group.lines;
  };
  for (const module of inputs.only ?? [target]) linesOf(module);
  const wanted = (module: ModuleRef) => !inputs.only || inputs.only.some((m) => m.key === module.key);
  const errors: SsotDiagnostic[] = [];
  const listed = index.listedNames(rule);
  if (wanted(target)) {
    linesOf(target).push(`export * from ${specifierOf(target)};`);
    // `export *` never carries `default`, so it is re-exported explicitly when the target has one. An external or
    // CommonJS target's exports are known only at run time: its `default` is read off the namespace object, which
    // gives what a hand-migrated default import would get (`module.exports` for CommonJS) and, unlike
    // `export { default } from`, does not fail to link when an external ES module has no default export.
    if (!listed.includes("default")) {
      const targetExports = await inputs.exportsOf(target);
      const specifier = specifierOf(target);
      if (!targetExports || !targetExports.exact) linesOf(target).push(`import * as ssotImportsTarget from ${specifier};`, `export default ssotImportsTarget.default;`);
      else if (targetExports.values.has("default")) linesOf(target).push(`export { default } from ${specifier};`);
    }
  }
  for (const { name, destination } of listedReexports(index, rule)) {
    if (!wanted(destination.module)) continue;
    const status = await exportStatus(inputs.exportsOf, destination);
    // Types vanish from a bundle, so a renamed type needs no re-export; a missing value would be undefined.
    if (status === "type") continue;
    if (status === "missing") {
      errors.push(missingListedExport(inputs.ruleSet, rule, name, destination));
      continue;
    }
    linesOf(destination.module).push(`export { ${destination.name} as ${name} } from ${specifierOf(destination.module)};`);
  }
  const lines = [`// ssot-imports: ${rule.label}`];
  // A module asked for that gives no value to re-export still runs, as the migrated import of it does.
  for (const { module, lines: own } of byModule.values()) lines.push(...(own.length > 0 ? own : [`import ${specifierOf(module)};`]));
  return { contents: lines.join("\n") + "\n", errors };
}
