import * as path from "node:path";
import type { Node } from "jsonc-parser";
import type { SsotDiagnostic } from "../diagnostic";
import { parseJsonSource, type JsonSource } from "./json-source";
import { rulesFileProblem, toPosix, type FileSystem } from "./module-paths";
import { normaliseRules } from "./normalise";
import { DEFAULT_MOCK_FUNCTIONS, type RuleSet } from "./types";
import { validateRulesDocument, type RawOptions } from "./validate";

export type LoadResult = { ok: true; ruleSet: RuleSet } | { ok: false; errors: SsotDiagnostic[] };

export const DEFAULT_RULES_FILE = "ssot-imports.json";

/**
 * Reads, validates and normalises a rules file. `overrides` are options given inline by an adapter.
 * `projectRoot`: the folder the rules' paths must stay inside (see loadRulesNode); default the file's folder.
 */
export function loadRulesFile(file: string, fs: FileSystem, overrides: RawOptions = {}, projectRoot?: string): LoadResult {
  const absolute = toPosix(path.resolve(file));
  const text = fs.directoryExists?.(absolute) ? undefined : fs.readFile(absolute);
  if (text === undefined) {
    return { ok: false, errors: [{ severity: "error", file: absolute, line: 1, column: 1, message: rulesFileProblem(absolute, fs) }] };
  }
  return loadRulesText(absolute, text, fs, overrides, projectRoot);
}

export function loadRulesText(file: string, text: string, fs: FileSystem, overrides: RawOptions = {}, projectRoot?: string): LoadResult {
  const { source, errors } = parseJsonSource(file, text);
  if (errors.length > 0) return { ok: false, errors };
  return loadRulesNode(source, source.root, path.dirname(file), fs, overrides, [], projectRoot);
}

/**
 * The rules as a JSON node: the root of a rules file, or an object inside another document (inline options in
 * a tsconfig plugin entry), so messages still point at the right line of whichever file holds them.
 *
 * `projectRoot` is the folder no rule path may leave unless the rules say `"allowOutsideProject": true`: a
 * rewrite towards a module outside it makes tsc write output files outside the project. Default `baseDir`.
 */
export function loadRulesNode(
  source: JsonSource,
  node: Node | undefined,
  baseDir: string,
  fs: FileSystem,
  overrides: RawOptions,
  hostKeys: readonly string[] = [],
  projectRoot: string = baseDir,
): LoadResult {
  const validated = validateRulesDocument({ ...source, root: node }, hostKeys);
  if (validated.errors.length > 0) return { ok: false, errors: validated.errors };
  const options = {
    report: overrides.report ?? validated.options.report ?? "off",
    mockFunctions: overrides.mockFunctions ?? validated.options.mockFunctions ?? DEFAULT_MOCK_FUNCTIONS,
  };
  const scope = { root: toPosix(path.resolve(projectRoot)), allowOutside: validated.options.allowOutsideProject === true };
  const { ruleSet, errors } = normaliseRules(validated.rules, options, source, toPosix(baseDir), fs, scope);
  if (errors.length > 0) return { ok: false, errors };
  const warnings = validated.rulesNode?.children?.length === 0 ? [emptyRulesWarning(source, validated.rulesNode!)] : [];
  return { ok: true, ruleSet: { ...ruleSet, warnings } };
}

function emptyRulesWarning(source: JsonSource, rulesNode: Node): SsotDiagnostic {
  return { severity: "warning", file: source.file, ...source.locate(rulesNode.offset), message: `"rules" is empty: nothing will be rewritten` };
}
