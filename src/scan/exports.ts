import type * as TS from "typescript";

export interface ModuleExports {
  names: Set<string>;
  /** `export * from` specifiers: names re-exported through them are not listed in `names`. */
  starSpecifiers: string[];
}

/**
 * The names a module exports, read from its syntax alone. Enough for the common case (a missing rename target
 * is usually a typo), cheap because it needs no type checker; `export *` is reported for the caller to follow.
 */
export function collectExports(ts: typeof TS, sourceFile: TS.SourceFile): ModuleExports {
  const names = new Set<string>();
  const starSpecifiers: string[] = [];
  const hasExport = (node: TS.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const isDefault = (node: TS.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

  for (const statement of sourceFile.statements) {
    if (ts.isExportAssignment(statement)) {
      names.add(statement.isExportEquals ? "export=" : "default");
    } else if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (!clause) {
        if (statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) starSpecifiers.push(statement.moduleSpecifier.text);
      } else if (ts.isNamespaceExport(clause)) names.add(clause.name.text);
      else for (const element of clause.elements) names.add(element.name.text);
    } else if (hasExport(statement)) {
      if (isDefault(statement)) names.add("default");
      else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) addBindingNames(ts, declaration.name, names);
      } else if ("name" in statement && statement.name && ts.isIdentifier(statement.name as TS.Node)) {
        names.add((statement.name as TS.Identifier).text);
      }
    }
  }
  return { names, starSpecifiers };
}

function addBindingNames(ts: typeof TS, name: TS.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) into.add(name.text);
  else for (const element of name.elements) if (!ts.isOmittedExpression(element)) addBindingNames(ts, element.name, into);
}
