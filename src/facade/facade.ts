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
}

/**
 * The virtual module that stands in for a deprecated one: it re-exports the SSOT module, and each renamed or
 * moved export under its old name. Importers are untouched, so every import form (named, default, namespace,
 * `export *`, `import()`, `require()`) keeps working, and esbuild still tree-shakes through the re-exports.
 */
export async function facadeSource(rule: Rule, inputs: FacadeInputs): Promise<{ contents: string; errors: SsotDiagnostic[] }> {
  const { index, importPathOf } = inputs;
  const target = index.moduleTarget(rule);
  const lines = [`// ssot-imports: ${rule.label}`, `export * from ${JSON.stringify(importPathOf(target))};`];
  const errors: SsotDiagnostic[] = [];
  const listed = index.listedNames(rule);
  const targetExports = await inputs.exportsOf(target);
  // `export *` never carries `default`, so it is re-exported explicitly when the target has one. An external or
  // CommonJS target's exports are known only at run time: its `default` is read off the namespace object, which
  // gives what a hand-migrated default import would get (`module.exports` for CommonJS) and, unlike
  // `export { default } from`, does not fail to link when an external ES module has no default export.
  if (!listed.includes("default")) {
    const specifier = JSON.stringify(importPathOf(target));
    if (!targetExports || !targetExports.exact) lines.push(`import * as ssotImportsTarget from ${specifier};`, `export default ssotImportsTarget.default;`);
    else if (targetExports.values.has("default")) lines.push(`export { default } from ${specifier};`);
  }
  for (const { name, destination } of listedReexports(index, rule)) {
    const status = await exportStatus(inputs.exportsOf, destination);
    // Types vanish from a bundle, so a renamed type needs no re-export; a missing value would be undefined.
    if (status === "type") continue;
    if (status === "missing") {
      errors.push(missingListedExport(inputs.ruleSet, rule, name, destination));
      continue;
    }
    lines.push(`export { ${destination.name} as ${name} } from ${JSON.stringify(importPathOf(destination.module))};`);
  }
  return { contents: lines.join("\n") + "\n", errors };
}
