import type { Node } from "jsonc-parser";
import type { SsotDiagnostic } from "../diagnostic";
import { didYouMean } from "./did-you-mean";
import { jsonType, properties, property, type JsonSource } from "./json-source";

/** A rule as written, checked for shape only: paths are not looked at yet. */
export interface RawRule {
  index: number;
  node: Node;
  from: string;
  fromNode: Node;
  to?: string;
  toNode?: Node;
  symbols: RawSymbol[];
  message?: string;
}

export interface RawSymbol {
  oldName: string;
  newName: string;
  /** Set when the symbol moves to a module other than the rule's `to`. */
  to?: string;
  node: Node;
}

export interface RawOptions {
  report?: "off" | "summary";
  mockFunctions?: string[];
  /** The rules' own opt-in to paths outside the project (see loadRulesNode); never an adapter override. */
  allowOutsideProject?: boolean;
}

const TOP_LEVEL_KEYS = ["$schema", "rules", "report", "mockFunctions", "allowOutsideProject"] as const;
const RULE_KEYS = ["from", "to", "symbols", "message"] as const;
const SYMBOL_OBJECT_KEYS = ["to", "name"] as const;
const REPORT_VALUES = ["off", "summary"];
const EXPORT_NAME = /^(?:default|[A-Za-z_$][\w$]*)$/;

/** Checks the document's shape; every problem is reported with its location, not only the first. */
export function validateRulesDocument(
  source: JsonSource,
  hostKeys: readonly string[] = [],
): { rules: RawRule[]; options: RawOptions; errors: SsotDiagnostic[]; rulesNode?: Node } {
  const errors: SsotDiagnostic[] = [];
  const fail = (node: Node | undefined, message: string, rule?: RawRule | number) =>
    errors.push({
      severity: "error",
      file: source.file,
      ...source.locate(node?.offset ?? 0),
      rule: typeof rule === "number" ? `rule ${rule}` : rule ? `rule ${rule.index}` : undefined,
      message,
    });

  const root = source.root;
  if (!root || root.type !== "object") {
    fail(root, `the rules file must hold an object with a "rules" array, found ${jsonType(root)}`);
    return { rules: [], options: {}, errors };
  }
  checkKeys(root, [...TOP_LEVEL_KEYS, ...hostKeys], hostKeys.length > 0 ? "plugin option" : "top-level key", fail);
  const options = validateOptions(root, fail);
  const allowOutside = property(root, "allowOutsideProject");
  if (allowOutside) {
    if (allowOutside.type === "boolean") options.allowOutsideProject = allowOutside.value;
    else fail(allowOutside, `"allowOutsideProject" must be true or false, found ${jsonType(allowOutside)}`);
  }

  const rulesNode = property(root, "rules");
  const rules: RawRule[] = [];
  if (!rulesNode) fail(root, `missing "rules": an array of { "from", "to", "symbols" } objects`);
  else if (rulesNode.type !== "array") fail(rulesNode, `"rules" must be an array, found ${jsonType(rulesNode)}`);
  else {
    (rulesNode.children ?? []).forEach((node, i) => {
      const rule = validateRule(node, i + 1, fail);
      if (rule) rules.push(rule);
    });
  }
  return { rules, options, errors, rulesNode };
}

type Fail = (node: Node | undefined, message: string, rule?: RawRule | number) => void;

/** Plugin options (report, mockFunctions) may sit in the rules file or inline in a plugin entry. */
export function validateOptions(node: Node, fail: Fail): RawOptions {
  const options: RawOptions = {};
  const report = property(node, "report");
  if (report) {
    if (report.type === "string" && REPORT_VALUES.includes(report.value)) options.report = report.value;
    else fail(report, `"report" must be one of ${REPORT_VALUES.map((v) => `"${v}"`).join(", ")}`);
  }
  const mocks = property(node, "mockFunctions");
  if (mocks) {
    const items = mocks.type === "array" ? (mocks.children ?? []) : undefined;
    if (!items || items.some((item) => item.type !== "string" || !/^[\w$.]+$/.test(item.value))) {
      fail(mocks, `"mockFunctions" must be an array of callee names such as "vi.mock"`);
    } else options.mockFunctions = items.map((item) => item.value as string);
  }
  return options;
}

function validateRule(node: Node, index: number, fail: Fail): RawRule | undefined {
  if (node.type !== "object") {
    fail(node, `each rule must be an object with "from" and "to", found ${jsonType(node)}`, index);
    return undefined;
  }
  let ok = checkKeys(node, RULE_KEYS, "rule key", (n, m) => fail(n, m, index));
  const fromNode = property(node, "from");
  const toNode = property(node, "to");
  const symbolsNode = property(node, "symbols");
  const messageNode = property(node, "message");
  if (!fromNode) {
    fail(node, `missing "from": the deprecated module`, index);
    ok = false;
  } else if (!isNonEmptyString(fromNode)) {
    fail(fromNode, stringProblem("from", fromNode), index);
    ok = false;
  }
  if (toNode && !isNonEmptyString(toNode)) {
    fail(toNode, stringProblem("to", toNode), index);
    ok = false;
  }
  if (messageNode && messageNode.type !== "string") {
    fail(messageNode, `"message" must be a string, found ${jsonType(messageNode)}`, index);
    ok = false;
  }
  const symbols: RawSymbol[] = [];
  if (symbolsNode) {
    if (symbolsNode.type !== "object") {
      fail(symbolsNode, `"symbols" must be an object mapping old export names to new ones`, index);
      ok = false;
    } else {
      for (const [oldName, keyNode, value] of properties(symbolsNode)) {
        const symbol = validateSymbol(oldName, keyNode, value, (n, m) => fail(n, m, index));
        if (symbol) symbols.push(symbol);
        else ok = false;
      }
    }
  }
  if (!toNode && symbolsNode && symbols.length === 0 && ok) {
    fail(node, `a rule without "to" must move at least one symbol`, index);
    ok = false;
  }
  if (!toNode && fromNode) {
    // Without a module-level "to", a plain rename has no module to rename into: the name would stay behind.
    for (const symbol of symbols.filter((s) => s.to === undefined)) {
      fail(symbol.node, `symbol "${symbol.oldName}" has nowhere to go: the rule has no module-level "to"; add "to" to the rule, or write { "to": "./module", "name": "${symbol.newName}" }`, index);
      ok = false;
    }
  }
  if (!toNode && !symbolsNode && fromNode) {
    fail(node, `missing "to": where imports of "${fromNode.value}" should go (or "symbols" to move only some)`, index);
    ok = false;
  }
  if (!ok || !fromNode) return undefined;
  return {
    index,
    node,
    from: fromNode.value,
    fromNode,
    to: toNode?.value,
    toNode,
    symbols,
    message: messageNode?.value,
  };
}

function validateSymbol(oldName: string, keyNode: Node, value: Node | undefined, fail: (n: Node | undefined, m: string) => void): RawSymbol | undefined {
  if (!EXPORT_NAME.test(oldName)) {
    fail(keyNode, `symbol "${oldName}" is not an export name (an identifier or "default")`);
    return undefined;
  }
  if (value?.type === "string") {
    if (!EXPORT_NAME.test(value.value)) {
      fail(value, `"${oldName}" maps to "${value.value}", which is not an export name (an identifier or "default")`);
      return undefined;
    }
    return { oldName, newName: value.value, node: keyNode };
  }
  if (value?.type === "object") {
    let ok = checkKeys(value, SYMBOL_OBJECT_KEYS, `key of symbol "${oldName}"`, fail);
    const to = property(value, "to");
    const name = property(value, "name");
    if (!to || !isNonEmptyString(to)) {
      fail(to ?? value, `symbol "${oldName}" needs "to": the module it moves to`);
      ok = false;
    }
    if (name && (name.type !== "string" || !EXPORT_NAME.test(name.value))) {
      fail(name, `"name" of symbol "${oldName}" must be an export name (an identifier or "default")`);
      ok = false;
    }
    if (!ok || !to) return undefined;
    return { oldName, newName: name?.value ?? oldName, to: to.value, node: keyNode };
  }
  fail(value ?? keyNode, `symbol "${oldName}" must map to a new name or to { "to": …, "name": … }, found ${jsonType(value)}`);
  return undefined;
}

function checkKeys(node: Node, known: readonly string[], what: string, fail: (n: Node, m: string) => void): boolean {
  let ok = true;
  for (const [key, keyNode] of properties(node)) {
    if (known.includes(key)) continue;
    const hint = didYouMean(key, known);
    fail(keyNode, `unknown ${what} "${key}"${hint ? `; did you mean "${hint}"?` : ""} (known: ${known.join(", ")})`);
    ok = false;
  }
  return ok;
}

function stringProblem(key: string, node: Node): string {
  return node.type === "string" ? `"${key}" must not be empty` : `"${key}" must be a non-empty string, found ${jsonType(node)}`;
}

function isNonEmptyString(node: Node): boolean {
  return node.type === "string" && node.value.trim() !== "";
}
