import * as path from "node:path";
import type { Node } from "jsonc-parser";
import type { SsotDiagnostic } from "../diagnostic";
import { parseJsonSource, properties, property, type JsonSource } from "../rules/json-source";
import { DEFAULT_RULES_FILE, loadRulesFile, loadRulesNode, type LoadResult } from "../rules/load";
import { projectRootFor, toPosix, type FileSystem } from "../rules/module-paths";
import { didYouMean } from "../rules/did-you-mean";
import { validateOptions } from "../rules/validate";

/** Keys ts-patch itself reads from a plugin entry; ours sit beside them. */
const TS_PATCH_KEYS = ["transform", "transformProgram", "import", "type", "after", "afterDeclarations", "name", "tsConfig", "resolvePathAliases", "isEsm"];
const OUR_KEYS = ["rules", "report", "mockFunctions", "allowOutsideProject"];

export type PluginConfig = Record<string, unknown>;

/**
 * Finds the rules for one tsconfig: `rules` in the plugin entry (a path, or the rules array inline), else
 * ssot-imports.json beside the tsconfig. A configured plugin without rules is an error, never a silent no-op.
 */
export function loadPluginRules(configFilePath: string | undefined, config: PluginConfig, fs: FileSystem): LoadResult {
  const projectDir = toPosix(configFilePath ? path.dirname(configFilePath) : process.cwd());
  const entry = findPluginEntry(configFilePath, config, fs);
  const errors: SsotDiagnostic[] = [];
  const fail = (node: Node | undefined, message: string) =>
    errors.push({ severity: "error", file: entry.source.file, ...entry.source.locate(node?.offset ?? 0), message });

  for (const [key, keyNode] of properties(entry.node)) {
    if (TS_PATCH_KEYS.includes(key) || OUR_KEYS.includes(key)) continue;
    const hint = didYouMean(key, OUR_KEYS);
    fail(keyNode, `unknown ssot-imports plugin option "${key}"${hint ? `; did you mean "${hint}"?` : ""} (known: ${OUR_KEYS.join(", ")})`);
  }
  const overrides = validateOptions(entry.node, fail);
  if (errors.length > 0) return { ok: false, errors };

  const rules = property(entry.node, "rules");
  const allowOutside = property(entry.node, "allowOutsideProject");
  if (allowOutside && rules?.type !== "array") {
    // The opt-in belongs to the rules it vouches for: beside a rules file's path it would vouch for nothing.
    fail(allowOutside, `"allowOutsideProject" belongs in the rules file itself (or beside inline "rules")`);
    return { ok: false, errors };
  }
  if (rules?.type === "array") {
    return loadRulesNode(entry.source, entry.node, projectDir, fs, overrides, [...TS_PATCH_KEYS]);
  }
  if (rules && rules.type !== "string") {
    fail(rules, `"rules" must be a path to a rules file or an array of rules`);
    return { ok: false, errors };
  }
  const rulesFile = path.resolve(projectDir, rules ? String(rules.value) : DEFAULT_RULES_FILE);
  if (!fs.fileExists(rulesFile)) {
    const folder = fs.directoryExists?.(rulesFile);
    fail(rules ?? entry.node, rules
      ? `rules file ${rulesFile} ${folder ? "is a folder, not a file" : "does not exist"}`
      : `no rules: create ${DEFAULT_RULES_FILE} next to ${path.basename(configFilePath ?? "tsconfig.json")} or set "rules" in this plugin entry`);
    return { ok: false, errors };
  }
  return loadRulesFile(rulesFile, fs, overrides, projectRootFor(projectDir, rulesFile));
}

interface PluginEntry {
  source: JsonSource;
  node: Node;
}

/** The plugin entry as a located JSON node in tsconfig.json, so option errors point at the line to fix. */
function findPluginEntry(configFilePath: string | undefined, config: PluginConfig, fs: FileSystem): PluginEntry {
  const text = configFilePath ? fs.readFile(configFilePath) : undefined;
  if (configFilePath && text !== undefined) {
    const { source } = parseJsonSource(toPosix(configFilePath), text);
    const plugins = source.root && property(source.root, "compilerOptions");
    const entries = (plugins && property(plugins, "plugins"))?.children ?? [];
    const node = entries.find((e) => e.type === "object" && property(e, "transform")?.value === config.transform);
    if (node) return { source, node };
  }
  // The entry came from an extended tsconfig or from the API: describe it from the object ts-patch handed us.
  const synthetic = JSON.stringify(config, null, 2);
  const { source } = parseJsonSource(toPosix(configFilePath ?? "tsconfig.json"), synthetic);
  return { source, node: source.root! };
}
