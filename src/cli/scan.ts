import * as fs from "node:fs";
import { rewriteFile } from "../core";
import { lineLocator, type SsotDiagnostic } from "../diagnostic";
import type { Layout, RewritePlan, RewriteTarget } from "../plan/types";
import type { Project, ProjectUnit } from "../project/load-project";
import { extensionPolicyFor } from "../project/extension-policy";
import { standaloneExportLookup } from "../project/export-lookup";
import type { ExportsName } from "../check/forgotten-names";
import type { Rule } from "../rules/types";
import type { Progress } from "./progress";
import { relativePath } from "./paths";
import { decodeSource, type SourceEncoding, type SourceText } from "./source-text";

/** One deprecated import, as every command and format sees it. */
export interface Violation {
  /** Absolute, `/`-separated. */
  file: string;
  /** Relative to the project root, `/`-separated. */
  path: string;
  line: number;
  column: number;
  /** The specifier as the importer wrote it. */
  specifier: string;
  rule: Rule;
  symbols: string[];
  /** Where the import goes, as the importer would write it, and where each name goes (see Rewrite). */
  replacement: string;
  targets: RewriteTarget[];
  /** Set when the core could not rewrite this site safely: its diagnostic's message. */
  unsafe?: string;
}

/** A file with at least one deprecated import, and what the core would make of it. */
export interface ScannedFile {
  file: string;
  path: string;
  /** The file as read, byte order mark included. */
  original: string;
  /** The rewritten file, byte order mark restored: equal to `original` when no site could be rewritten. */
  rewritten: string;
  /** Where the edits of `plan` start: after the byte order mark, if any. */
  bomLength: number;
  /** How `original` was decoded; the rewrite is written back the same way. */
  encoding: SourceEncoding;
  plan: RewritePlan;
}

export interface ScanResult {
  violations: Violation[];
  files: ScannedFile[];
  /** Files that do not parse: never planned, never written. */
  parseErrors: SsotDiagnostic[];
  scanned: number;
}

const BOM = "\uFEFF";

/**
 * Runs the core over every project file. The cheap text pre-filter rejects most files before they are parsed,
 * and only specifiers that may match are resolved, so this costs module resolution, never type checking.
 */
export function scanProject(project: Project, layout: Layout, progress?: Progress): ScanResult {
  const result: ScanResult = { violations: [], files: [], parseErrors: [], scanned: 0 };
  const total = project.fileNames.length;
  for (const unit of project.units) {
    for (const file of unit.fileNames) {
      result.scanned++;
      progress?.tick(result.scanned, total);
      scanFile(project, unit, file, layout, result);
    }
  }
  progress?.done();
  return result;
}

function scanFile(project: Project, unit: ProjectUnit, file: string, layout: Layout, result: ScanResult): void {
  const { ts } = project;
  const { matcher } = unit;
  let source: SourceText;
  try {
    source = decodeSource(fs.readFileSync(file));
  } catch (error) {
    result.parseErrors.push({ severity: "error", file, line: 1, column: 1, message: `cannot read: ${(error as Error).message}` });
    return;
  }
  const original = source.text;
  // The BOM is not part of the code: offsets, lines and columns are the editor's, and the BOM goes back on write.
  const bom = original.startsWith(BOM) ? BOM : "";
  const text = bom ? original.slice(1) : original;
  if (!matcher.fileMayMatch(text)) return;
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const parseError = firstParseError(sourceFile);
  if (parseError) {
    // A recovered tree could place edits anywhere: such a file is reported and left exactly as it is.
    const { line, column } = lineLocator(text)(parseError.start ?? 0);
    const bytes = source.encoding === "bytes" ? " (not valid UTF-8: read byte by byte)" : "";
    result.parseErrors.push({ severity: "error", file, line, column, message: `does not parse${bytes} (${ts.flattenDiagnosticMessageText(parseError.messageText, " ")}); skipped` });
    return;
  }
  const extensions = extensionPolicyFor(ts, unit.options, unit.formatOf(file));
  // Names the rules forgot are refused by the planner, as in the builds: listed as unsafe, never rewritten.
  const rewrite = rewriteFile(ts, matcher, file, text, () => sourceFile, layout, { extensions, exportsName: exportLookupOf(project, unit) });
  if (!rewrite) return;
  const path = relativePath(project.root, file);
  const sites = [
    ...rewrite.plan.rewrites.map((r) => ({ r, unsafe: undefined as string | undefined })),
    // planFile pushes an unsafe site and its diagnostic together, so they pair by position.
    ...rewrite.plan.unsafe.map((r, i) => ({ r, unsafe: rewrite.plan.diagnostics[i].message })),
  ].sort((a, b) => a.r.line - b.r.line || a.r.column - b.r.column);
  if (sites.length === 0) return;
  for (const { r, unsafe } of sites) {
    result.violations.push({ file, path, line: r.line, column: r.column, specifier: r.site.specifier.value, rule: r.rule, symbols: r.symbols, replacement: r.replacement, targets: r.targets, unsafe });
  }
  result.files.push({ file, path, original, rewritten: bom + rewrite.text, bomLength: bom.length, encoding: source.encoding, plan: rewrite.plan });
}

const exportLookups = new WeakMap<ProjectUnit, ExportsName>();

function exportLookupOf(project: Project, unit: ProjectUnit): ExportsName {
  let lookup = exportLookups.get(unit);
  if (!lookup) {
    lookup = standaloneExportLookup(project.ts, unit.options, (file) => project.fs.readFile(file)).exportsName;
    exportLookups.set(unit, lookup);
  }
  return lookup;
}

function firstParseError(sourceFile: import("typescript").SourceFile): import("typescript").DiagnosticWithLocation | undefined {
  // Not in TypeScript's public types, but stable for a decade and what the tsc adapter relies on too.
  return (sourceFile as { parseDiagnostics?: import("typescript").DiagnosticWithLocation[] }).parseDiagnostics?.[0];
}
