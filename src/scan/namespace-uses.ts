import type * as TS from "typescript";
import { holdsOffset, occurrencesOf } from "./offsets";
import type { MemberUse, NamespaceBinding } from "./types";

/**
 * Fills in `members` for each namespace-like local when every use of it in the file is `local.member` (or
 * `local.Type` in a type). Anything else (passing the object on, element access, spreading, another
 * declaration of the same name that could shadow it) leaves `members` undefined: renaming would be a guess.
 */
export function analyseNamespaceUses(
  ts: typeof TS,
  sourceFile: TS.SourceFile,
  namespaces: ReadonlyArray<{ binding: NamespaceBinding; declaration: TS.Identifier }>,
): void {
  const byName = new Map<string, { declarations: Set<TS.Identifier>; members: MemberUse[] | undefined; bindings: NamespaceBinding[] }>();
  for (const { binding, declaration } of namespaces) {
    const entry = byName.get(binding.local) ?? { declarations: new Set(), members: [], bindings: [] };
    entry.declarations.add(declaration);
    entry.bindings.push(binding);
    // Two namespace-like locals with one name: which use belongs to which needs scope analysis; refuse.
    if (entry.declarations.size > 1) entry.members = undefined;
    byName.set(binding.local, entry);
  }

  const offsets = nameOffsets(sourceFile.text, byName.keys());
  const visit = (node: TS.Node, parent: TS.Node): void => {
    if (offsets && !holdsOffset(offsets, node.pos, node.end)) return;
    if (ts.isIdentifier(node)) {
      const entry = byName.get(node.text);
      if (entry && entry.members && !entry.declarations.has(node)) {
        const use = classify(ts, sourceFile, node, parent);
        if (use === "unsafe") entry.members = undefined;
        else if (use !== "not-a-reference") entry.members.push(use);
      }
      return;
    }
    ts.forEachChild(node, (child) => visit(child, node));
  };
  ts.forEachChild(sourceFile, (child) => visit(child, sourceFile));

  for (const entry of byName.values()) for (const binding of entry.bindings) binding.members = entry.members;
}

/**
 * Where the locals' names are written, ascending: a subtree without one holds no use of them. Undefined (walk
 * everything) when the file has a `\u` escape, which could spell an identifier other than as it is written.
 */
function nameOffsets(text: string, names: Iterable<string>): number[] | undefined {
  if (text.includes("\\u")) return undefined;
  const offsets: number[] = [];
  for (const name of names) offsets.push(...occurrencesOf(text, name));
  return offsets.sort((a, b) => a - b);
}

function classify(ts: typeof TS, sourceFile: TS.SourceFile, id: TS.Identifier, parent: TS.Node): MemberUse | "not-a-reference" | "unsafe" {
  const member = (name: TS.Identifier | TS.PrivateIdentifier): MemberUse | "unsafe" =>
    ts.isIdentifier(name) ? { name: name.text, range: { start: name.getStart(sourceFile), end: name.end } } : "unsafe";

  if (ts.isPropertyAccessExpression(parent)) return parent.name === id ? "not-a-reference" : member(parent.name);
  if (ts.isQualifiedName(parent)) return parent.right === id ? "not-a-reference" : member(parent.right);
  // Names of members and properties are labels, not references to the local.
  if (
    (ts.isPropertyAssignment(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isMethodSignature(parent) ||
      ts.isGetAccessorDeclaration(parent) ||
      ts.isSetAccessorDeclaration(parent) ||
      ts.isEnumMember(parent) ||
      ts.isPropertyAccessExpression(parent)) &&
    parent.name === id
  ) {
    return "not-a-reference";
  }
  if (ts.isBindingElement(parent) && parent.propertyName === id) return "not-a-reference";
  // Everything else (a second declaration, a call argument, a shorthand property, an export) is unsafe.
  return "unsafe";
}
