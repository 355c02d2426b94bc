import { parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import { lineLocator, type SsotDiagnostic } from "../diagnostic";

/** A parsed JSON document that can say where any of its values sits. */
export interface JsonSource {
  file: string;
  root: Node | undefined;
  locate(offset: number): { line: number; column: number };
}

/**
 * Comments and trailing commas are accepted because tsconfig.json accepts them and users copy between the two;
 * everything else that is not JSON is a syntax error with a line and column.
 */
export function parseJsonSource(file: string, withBom: string): { source: JsonSource; errors: SsotDiagnostic[] } {
  // Editors on Windows write a byte order mark; TypeScript's readFile drops it and node's does not. Dropped here,
  // every adapter reads the same document with the same columns.
  const text = withBom.startsWith("\uFEFF") ? withBom.slice(1) : withBom;
  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
  const locate = lineLocator(text);
  const errors = parseErrors.map((e): SsotDiagnostic => ({
    severity: "error",
    file,
    ...locate(e.offset),
    message: `invalid JSON: ${describeParseError(printParseErrorCode(e.error))}`,
  }));
  return { source: { file, root, locate }, errors };
}

function describeParseError(code: string): string {
  // jsonc-parser names its codes in PascalCase ("CommaExpected"); users read sentences.
  return code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/** The value of `key` in an object node, or undefined. */
export function property(node: Node, key: string): Node | undefined {
  for (const prop of node.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (k?.value === key) return v;
  }
  return undefined;
}

/** `[key, keyNode, valueNode]` for each property of an object node, in source order. */
export function properties(node: Node): Array<[string, Node, Node | undefined]> {
  return (node.children ?? []).map((prop) => {
    const [k, v] = prop.children ?? [];
    return [String(k?.value), k ?? prop, v];
  });
}

export function jsonType(node: Node | undefined): string {
  if (!node) return "nothing";
  return node.type === "null" ? "null" : node.type;
}
