import type * as TS from "typescript";
import type { RuntimeExports } from "./runtime-exports";

/**
 * What a module exports at run time, read from its syntax with the TypeScript parser passed in: for hosts
 * with no probe of their own (esbuild asks esbuild; the unplugin adapters ask this). Types are left out, as
 * every bundler erases them. `exact` is false when the syntax cannot tell all names: `export *`, `export =`,
 * or a file with no ES module syntax (CommonJS, whose exports exist only at run time).
 */
export function readRuntimeExports(ts: typeof TS, file: string, text: string): RuntimeExports {
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const values = new Set<string>();
  const typeNames = localTypeNames(ts, sourceFile);
  // Bundlers read a TypeScript file (not `.cts`) as an ES module even when it has no import or export.
  let exact = /\.(?:m?ts|tsx)$/.test(file) || ts.isExternalModule(sourceFile);
  const modifiers = (node: TS.Node) => (ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : []);
  const has = (node: TS.Node, kind: TS.SyntaxKind) => modifiers(node).some((m) => m.kind === kind);

  for (const statement of sourceFile.statements) {
    if (ts.isExportAssignment(statement)) {
      if (statement.isExportEquals) exact = false;
      else values.add("default");
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly) continue;
      const clause = statement.exportClause;
      if (!clause) exact = false;
      else if (ts.isNamespaceExport(clause)) values.add(clause.name.text);
      else {
        for (const element of clause.elements) {
          const local = (element.propertyName ?? element.name).text;
          // `export { Local }` of an interface or type alias exports nothing at run time.
          if (!element.isTypeOnly && (statement.moduleSpecifier || !typeNames.has(local))) values.add(element.name.text);
        }
      }
    } else if (has(statement, ts.SyntaxKind.ExportKeyword) && !has(statement, ts.SyntaxKind.DeclareKeyword)) {
      if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) continue;
      if (has(statement, ts.SyntaxKind.DefaultKeyword)) values.add("default");
      else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) bindingNames(ts, declaration.name, values);
      } else if ("name" in statement && statement.name && ts.isIdentifier(statement.name as TS.Node)) {
        values.add((statement.name as TS.Identifier).text);
      }
    }
  }
  return { values, exact, text };
}

function localTypeNames(ts: typeof TS, sourceFile: TS.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of sourceFile.statements) {
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) names.add(statement.name.text);
  }
  return names;
}

function bindingNames(ts: typeof TS, name: TS.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) into.add(name.text);
  else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bindingNames(ts, element.name, into);
}
