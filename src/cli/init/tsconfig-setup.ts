import { parseTree, type Edit, type Node } from "jsonc-parser";
import { property } from "../../rules/json-source";
import { appendMember, applyEdits, inlineJson, splitBom, layoutOf, prependProperty, replaceValue, type JsonLayout } from "./jsonc-edit";

export interface TsconfigSetup {
  /** The plugin entry to add, or undefined when the tsconfig (or one it extends) already has one. */
  pluginEntry?: Record<string, unknown>;
  /**
   * Plugins the tsconfig inherits through `extends` while declaring none itself: declaring `plugins` replaces
   * the inherited array, so they are written along with ours, or the user's other plugins would be dropped.
   */
  inheritedPlugins: readonly unknown[];
  /** The rules file as `extends` should name it (`./ssot-imports.json`). */
  extendsPath: string;
  /** Whether an existing `extends` entry already names the rules file (entries are resolved by the caller). */
  namesRulesFile(entry: string): boolean;
}

export type SetupResult =
  | { ok: true; text: string; changes: string[] }
  /** The tsconfig's shape leaves no place for the entry (`plugins` that is not an array, …): `offset` says where. */
  | { ok: false; message: string; offset: number };

/**
 * The tsconfig text with the tsc plugin entry in `compilerOptions.plugins` and the rules file in `extends`,
 * every other byte unchanged. Pure: the caller reads and writes the file.
 */
export function setUpTsconfig(file: string, setup: TsconfigSetup): SetupResult {
  const [bom, text] = splitBom(file);
  const result = setUpText(text, setup);
  return result.ok ? { ...result, text: bom + result.text } : { ...result, offset: result.offset + bom.length };
}

function setUpText(text: string, setup: TsconfigSetup): SetupResult {
  const layout = layoutOf(text);
  const changes: string[] = [];
  let current = text;
  // Each step parses the text the previous one produced, so its offsets are right.
  const step = (edit: (text: string, root: Node) => Edit[] | Refusal): Refusal | undefined => {
    const result = edit(current, parseTree(current, [], { allowTrailingComma: true })!);
    if (!Array.isArray(result)) return result;
    current = applyEdits(current, result);
    return undefined;
  };
  const root = parseTree(text, [], { allowTrailingComma: true });
  if (root?.type !== "object") return { ok: false, message: "the tsconfig must hold a JSON object", offset: root?.offset ?? 0 };

  const entry = setup.pluginEntry;
  if (entry) {
    const refusal = step((text, root) => addPlugin(text, root, entry, setup.inheritedPlugins, layout));
    if (refusal) return { ok: false, ...refusal };
    changes.push("add the tsc plugin entry to compilerOptions.plugins");
  }
  const before = current;
  const refusal = step((text, root) => addExtends(text, root, setup, layout));
  if (refusal) return { ok: false, ...refusal };
  if (current !== before) changes.push(`add ${setup.extendsPath} to extends, so tsc -b and --watch see rules edits`);
  return { ok: true, text: current, changes };
}

interface Refusal {
  message: string;
  offset: number;
}

function addPlugin(text: string, root: Node, entry: unknown, inherited: readonly unknown[], layout: JsonLayout): Edit[] | Refusal {
  const options = property(root, "compilerOptions");
  const plugins = [...inherited, entry];
  if (!options) {
    const indent = layout.indentUnit;
    return appendMember(text, root, `"compilerOptions": {${layout.eol}${indent}${indent}"plugins": ${inlineJson(plugins)}${layout.eol}${indent}}`, layout);
  }
  if (options.type !== "object") return { message: `"compilerOptions" must be an object to add the ssot-imports plugin entry`, offset: options.offset };
  const list = property(options, "plugins");
  if (!list) return appendMember(text, options, `"plugins": ${inlineJson(plugins)}`, layout);
  if (list.type !== "array") return { message: `"compilerOptions.plugins" must be an array to add the ssot-imports plugin entry`, offset: list.offset };
  return appendMember(text, list, inlineJson(entry), layout);
}

function addExtends(text: string, root: Node, setup: TsconfigSetup, layout: JsonLayout): Edit[] | Refusal {
  const current = property(root, "extends");
  const ours = JSON.stringify(setup.extendsPath);
  if (!current) return prependProperty(text, root, `"extends": ${ours}`, layout);
  if (current.type === "string") {
    if (setup.namesRulesFile(current.value as string)) return [];
    // A single base becomes the first of two (later entries override earlier ones; the rules file sets no option).
    return replaceValue(current, `[${text.slice(current.offset, current.offset + current.length)}, ${ours}]`);
  }
  if (current.type === "array") {
    if ((current.children ?? []).some((e) => e.type === "string" && setup.namesRulesFile(e.value as string))) return [];
    return appendMember(text, current, ours, layout);
  }
  return { message: `"extends" must be a string or an array of strings`, offset: current.offset };
}
