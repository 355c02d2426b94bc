/** The public API: the pure core, for tools that want to apply ssot-imports rules themselves. */
export { formatDiagnostic, type SsotDiagnostic } from "./diagnostic";
export { loadRulesFile, loadRulesText, DEFAULT_RULES_FILE, type LoadResult } from "./rules/load";
export type { FileSystem } from "./rules/module-paths";
export { RuleIndex, type ResolvedSymbol } from "./rules/targets";
export type { Rule, RuleSet, ModuleRef } from "./rules/types";
export { scanImports } from "./scan/scan-imports";
export type { ImportSite } from "./scan/types";
export { importUseOf, type ImportUse } from "./scan/import-use";
export { Matcher, type ModuleResolver } from "./match/matcher";
export { planFile } from "./plan/plan-file";
export { applyEdits } from "./plan/apply-edits";
export type { RewritePlan, Rewrite, TextEdit, ExtensionPolicy } from "./plan/types";
export { rewriteFile } from "./core";
