import * as fs from "node:fs";
import * as path from "node:path";
import { rewriteFile } from "../core";
import type { SsotDiagnostic } from "../diagnostic";
import type { Project } from "../project/load-project";
import type { ModuleRef, Rule } from "../rules/types";
import { ExportLookup } from "../project/export-lookup";
import { missingListedExportMessage } from "../messages";
import type { Violation } from "./scan";

/** The file a rule's module names: its own file for a path, the resolver's answer for a bare specifier. */
function fileOf(project: Project, module: ModuleRef): string | undefined {
  if (module.kind === "path") return module.file;
  return project.resolve(module.key, path.posix.join(project.root, "__ssot_imports_verify__.ts"));
}

/** Every module a rule sends names to: its module target and each listed symbol's, chains followed. */
function targetsOf(project: Project, rule: Rule): ModuleRef[] {
  const index = project.matcher.index;
  const targets = [index.moduleTarget(rule)];
  for (const name of rule.symbols.keys()) {
    const target = index.symbolTarget(rule, name);
    if (target) targets.push(target.module);
  }
  return targets.filter((m, i) => m.key !== rule.from.key && targets.findIndex((o) => o.key === m.key) === i);
}

function ruleError(project: Project, rule: Rule, message: string, at?: { line: number; column: number }): SsotDiagnostic {
  return { severity: "error", file: project.ruleSet.file, line: at?.line ?? rule.line, column: at?.column ?? rule.column, rule: rule.label, message };
}

/** Path targets were checked by the loader; a bare one (a package, an alias) only the resolver can find. */
export function checkTargetsExist(project: Project): SsotDiagnostic[] {
  const errors: SsotDiagnostic[] = [];
  for (const rule of project.ruleSet.rules) {
    for (const module of targetsOf(project, rule)) {
      if (module.kind === "bare" && fileOf(project, module) === undefined) {
        errors.push(ruleError(project, rule, `"${module.written}" does not resolve from ${project.root} (not installed, or no such path alias)`));
      }
    }
  }
  return errors;
}

/**
 * Every listed symbol's final name must be exported by its final module. The syntax answers most cases; the
 * rest share one Program of all target files, created only when needed.
 */
export function checkRenamedExports(project: Project): SsotDiagnostic[] {
  const { ts } = project;
  const index = project.matcher.index;
  const checks: Array<{ rule: Rule; name: string; target: string; file: string; module: ModuleRef }> = [];
  for (const rule of project.ruleSet.rules) {
    for (const name of rule.symbols.keys()) {
      const target = index.symbolTarget(rule, name);
      const file = target && fileOf(project, target.module);
      // A missing file is reported by checkTargetsExist (or the loader).
      if (target && file) checks.push({ rule, name, target: target.name, file, module: target.module });
    }
  }
  // Export names need no lib and no @types: leaving them out makes this Program a fraction of a full one.
  let program: import("typescript").Program | undefined;
  const programOfTargets = () =>
    (program ??= ts.createProgram({
      rootNames: [...new Set(checks.map((c) => c.file))],
      options: { ...project.options, noEmit: true, noLib: true, types: [], skipLibCheck: true },
    }));
  const lookup = new ExportLookup(ts, (file) => {
    const text = project.fs.readFile(file);
    return text === undefined ? undefined : ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  }, programOfTargets);
  return checks
    .filter((c) => lookup.exports(c.file, c.target) === false)
    .map((c) => ruleError(project, c.rule, missingListedExportMessage(c.name, c.target, c.module), c.rule.symbolLocations.get(c.name)));
}

/**
 * An SSOT module that imports a module deprecated in its favour would, once rewritten, import itself. The core
 * says what each of its imports matches; this only compares that with the module's own identity.
 */
export function checkSelfImports(project: Project): SsotDiagnostic[] {
  const { ts, matcher } = project;
  const errors: SsotDiagnostic[] = [];
  const files = new Set<string>();
  for (const rule of project.ruleSet.rules) for (const m of targetsOf(project, rule)) if (m.kind === "path" && m.file) files.add(m.file);
  for (const file of files) {
    const text = readText(file);
    if (text === undefined) continue;
    const result = rewriteFile(ts, matcher, file, text, () => ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false));
    if (!result) continue;
    for (const site of [...result.plan.rewrites, ...result.plan.unsafe]) {
      if (!targetsOf(project, site.rule).some((m) => m.kind === "path" && m.file === file)) continue;
      errors.push({
        severity: "error",
        file,
        line: site.line,
        column: site.column,
        rule: site.rule.label,
        message: `this SSOT module imports "${site.site.specifier.value}", the module its own rule deprecates; once migrated it would import itself`,
      });
    }
  }
  return errors;
}

/** A rule nothing matches is either finished (delete it) or mistyped (fix it): worth a warning, not a failure. */
export function checkUnusedRules(project: Project, violations: readonly Violation[]): SsotDiagnostic[] {
  const used = new Set(violations.map((v) => v.rule));
  return project.ruleSet.rules
    .filter((rule) => !used.has(rule))
    .map((rule) => ({
      severity: "warning" as const,
      file: project.ruleSet.file,
      line: rule.line,
      column: rule.column,
      rule: rule.label,
      message: `matches no import in ${project.fileNames.length} project files: finished (remove the rule) or mistyped "from"?`,
    }));
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  } catch {
    return undefined;
  }
}
