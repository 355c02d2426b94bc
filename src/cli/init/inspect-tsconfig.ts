import * as fs from "node:fs";
import * as path from "node:path";
import type * as TS from "typescript";
import { pluginEntryOf, typescriptFor } from "../../project/load-project";
import { NO_TYPESCRIPT_API } from "../../project/typescript-api";
import type { PluginConfig } from "../../project/load-plugin-rules";
import { fromTsDiagnostic } from "../../project/read-tsconfig";
import { DEFAULT_RULES_FILE } from "../../rules/load";
import { withoutBom } from "./jsonc-edit";
import { UsageError } from "../errors";
import { relativePath } from "../paths";
import { ConfigError } from "../project-options";

/** What init needs to know of a tsconfig before editing it. */
export interface TsconfigFacts {
  file: string;
  text: string;
  /** Our plugin entry, in this file or one it extends. */
  pluginEntry?: PluginConfig;
  /** Plugins that come from `extends` while this file declares no `plugins` of its own. */
  inheritedPlugins: unknown[];
}

/**
 * Reads a tsconfig with the project's own TypeScript, so a syntax or configuration error is reported with
 * TypeScript's message and location (what `tsc` would say), and the plugin entry is looked for through
 * `extends` exactly as the compiler merges it. `cwd` is what paths in messages are relative to; `rulesFile`, the
 * rules file the user named (--rules), if any.
 */
export function inspectTsconfig(file: string, cwd: string, rulesFile?: string): TsconfigFacts {
  const ts = loadTypescript(path.dirname(file));
  // Read as it is on disk, byte-order mark included, so the edited file keeps it (ts.sys.readFile drops it).
  const text = readText(file);
  const json = ts.parseConfigFileTextToJson(file, withoutBom(text));
  if (json.error) throw new ConfigError([fromTsDiagnostic(ts, json.error, file)]);

  let fatal: TS.Diagnostic | undefined;
  // A rules file that `extends` names but that is gone (deleted after a migration, say) is what init recreates:
  // read as an empty config, so it does not stop the inspection.
  const missingRules = (f: string) => path.basename(f) === DEFAULT_RULES_FILE || (rulesFile !== undefined && path.resolve(f) === rulesFile);
  const host = {
    ...ts.sys,
    // Init needs the options, not the file list: no folder is walked.
    readDirectory: () => [],
    fileExists: (f: string) => ts.sys.fileExists(f) || missingRules(f),
    readFile: (f: string) => ts.sys.readFile(f) ?? (missingRules(f) ? "{}" : undefined),
    onUnRecoverableConfigFileDiagnostic: (d: TS.Diagnostic) => (fatal = d),
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(file, {}, host);
  // "No inputs were found" (18003) follows from walking no folder; a project may also simply be empty yet.
  const errors = [...(fatal ? [fatal] : []), ...(parsed?.errors ?? [])].filter((d) => d.category === ts.DiagnosticCategory.Error && d.code !== 18003);
  if (errors.length > 0 || !parsed) throw new ConfigError(errors.map((d) => fromTsDiagnostic(ts, d, file)));

  const raw = json.config as { compilerOptions?: { plugins?: unknown }; files?: unknown; include?: unknown } | undefined;
  if (Array.isArray(raw?.files) && raw.files.length === 0 && raw.include === undefined && (parsed.projectReferences?.length ?? 0) > 0) {
    // A plugin entry here would apply to no file: `tsc -b` compiles each referenced project with its own options.
    const members = parsed.projectReferences!.map((r) => relativePath(cwd, r.path));
    throw new UsageError(`${relativePath(cwd, file)} is a solution (no files of its own, only references): run init for each project it references (--project ${members.join(", --project ")})`);
  }
  const own = raw?.compilerOptions?.plugins;
  const effective = (parsed.options.plugins ?? []) as unknown[];
  return { file, text, pluginEntry: pluginEntryOf(parsed.options), inheritedPlugins: own === undefined ? effective : [] };
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

function loadTypescript(dir: string): typeof TS {
  const ts = typescriptFor(dir);
  if (!ts) throw new UsageError(NO_TYPESCRIPT_API);
  return ts;
}
