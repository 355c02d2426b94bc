import * as path from "node:path";
import type * as TS from "typescript";
import type { SsotDiagnostic } from "../diagnostic";
import { loadPluginRules } from "../project/load-plugin-rules";
import { pluginEntryOf } from "../project/load-project";
import { didYouMean } from "../rules/did-you-mean";
import { DEFAULT_RULES_FILE, loadRulesFile, type LoadResult } from "../rules/load";
import { toPosix, type FileSystem } from "../rules/module-paths";

export type Severity = "suggestion" | "warning" | "error";
const SEVERITIES: readonly Severity[] = ["suggestion", "warning", "error"];
const KEYS = ["name", "severity"];
// `global` is tsserver's own mark on a plugin an editor enabled for every project.

export interface PluginOptions {
  severity: Severity;
}

/** The options of our entry in `compilerOptions.plugins`; each mistake becomes a message, never an exception. */
export function readPluginOptions(config: Record<string, unknown> | undefined): { options: PluginOptions; problems: string[] } {
  const problems: string[] = [];
  let severity: Severity = "suggestion";
  for (const [key, value] of Object.entries(config ?? {})) {
    if (key === "severity") {
      if (SEVERITIES.includes(value as Severity)) severity = value as Severity;
      else problems.push(`"severity" must be one of ${SEVERITIES.map((s) => `"${s}"`).join(", ")}, not ${JSON.stringify(value)}`);
    } else if (!KEYS.includes(key) && key !== "global") {
      const hint = didYouMean(key, KEYS);
      problems.push(`unknown option "${key}"${hint ? `; did you mean "${hint}"?` : ""} (known: ${KEYS.join(", ")})`);
    }
  }
  return { options: { severity }, problems };
}

export interface ProjectRules {
  result: LoadResult;
  /** Files whose change may change the rules (tsserver watches the tsconfig itself). */
  watched: string[];
}

/**
 * The rules exactly as the build finds them: the tsc plugin entry's (`rules` inline or a path), else
 * ssot-imports.json beside the tsconfig. The editor must never apply other rules than the build.
 */
export function loadProjectRules(configFile: string, options: TS.CompilerOptions, fs: FileSystem): ProjectRules {
  const dir = path.posix.dirname(toPosix(configFile));
  const entry = pluginEntryOf(options);
  let result: LoadResult;
  let expected: string | undefined;
  if (entry) {
    result = loadPluginRules(configFile, entry, fs);
    expected = typeof entry.rules === "string" ? toPosix(path.resolve(dir, entry.rules)) : Array.isArray(entry.rules) ? undefined : `${dir}/${DEFAULT_RULES_FILE}`;
  } else {
    expected = `${dir}/${DEFAULT_RULES_FILE}`;
    result = fs.fileExists(expected)
      ? loadRulesFile(expected, fs)
      : { ok: false, errors: [noRules(configFile, expected)] };
  }
  const named = result.ok ? [result.ruleSet.file] : result.errors.map((e) => e.file);
  const watched = [...new Set([expected, ...named].filter((f): f is string => f !== undefined && toPosix(f) !== toPosix(configFile)))];
  return { result, watched };
}

function noRules(configFile: string, expected: string): SsotDiagnostic {
  return {
    severity: "error",
    file: toPosix(configFile),
    line: 1,
    column: 1,
    message: `no rules: ${expected} does not exist and this tsconfig has no ssot-imports/tsc plugin entry with "rules"`,
  };
}
