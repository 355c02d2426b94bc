import { didYouMean } from "./did-you-mean";

/** How an adapter reports deprecated imports: one warning each (`warn`), one line per build, or not at all. */
export type ReportMode = "off" | "warn" | "summary";

/** `rules`: a path (relative to `cwd`), or the rules document inline. */
export type RulesOption = string | { rules: unknown[]; [key: string]: unknown };

/** The options every bundler adapter takes (esbuild's plugin and the unplugin-based ones). */
export interface AdapterOptions {
  /** Path to the rules file (relative to `cwd`; default `ssot-imports.json`), or the rules document inline. */
  rules?: RulesOption;
  /** Folder the rules path is relative to; default the bundler's root or working directory. */
  cwd?: string;
  /** `warn`: every rewritten import as a warning at its file:line:column; `summary`: one line per build. */
  report?: ReportMode;
}

const KNOWN_OPTIONS = ["rules", "cwd", "report"] as const;
const REPORT_MODES: readonly ReportMode[] = ["off", "warn", "summary"];

/**
 * The adapters' options as the user passed them, checked as the tsc plugin entry's are: an unknown key or a
 * value of the wrong kind is a problem with a did-you-mean, never ignored. The options are code, not a file,
 * so a problem names the option (`plugin` is how the user called the factory, e.g. `ssotImports()`), and each
 * adapter raises it in its bundler's own error format.
 */
export function validateAdapterOptions(options: unknown, plugin: string): string[] {
  if (options === undefined) return [];
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    return [`${plugin} takes an options object ({ rules, cwd, report }), not ${describe(options)}`];
  }
  const problems: string[] = [];
  const given = options as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if ((KNOWN_OPTIONS as readonly string[]).includes(key)) continue;
    const hint = didYouMean(key, KNOWN_OPTIONS);
    problems.push(`${plugin}: unknown option "${key}"${hint ? `; did you mean "${hint}"?` : ""} (known: ${KNOWN_OPTIONS.join(", ")})`);
  }
  const { rules, cwd, report } = given;
  if (rules !== undefined && typeof rules !== "string" && !isRulesDocument(rules)) {
    problems.push(`${plugin}: "rules" must be a path to a rules file or a rules document ({ rules: [...] }), not ${describe(rules)}`);
  }
  if (cwd !== undefined && (typeof cwd !== "string" || cwd === "")) problems.push(`${plugin}: "cwd" must be a folder path, not ${describe(cwd)}`);
  if (report !== undefined && !(REPORT_MODES as readonly unknown[]).includes(report)) {
    const hint = typeof report === "string" ? didYouMean(report, REPORT_MODES) : undefined;
    problems.push(`${plugin}: "report" must be one of ${REPORT_MODES.map((m) => `"${m}"`).join(", ")}, not ${describe(report)}${hint ? `; did you mean "${hint}"?` : ""}`);
  }
  return problems;
}

function isRulesDocument(value: unknown): boolean {
  return value !== null && typeof value === "object" && !Array.isArray(value) && Array.isArray((value as { rules?: unknown }).rules);
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "an array";
  return value === null ? "null" : typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}
