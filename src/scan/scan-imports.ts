import type * as TS from "typescript";
import { analyseNamespaceUses } from "./namespace-uses";
import { holdsOffset } from "./offsets";
import type { Binding, CallSite, CallUsage, DeclarationSite, ImportSite, MemberUse, NamespaceBinding, SpecifierLiteral } from "./types";

export interface ScanOptions {
  /** Callee names such as `vi.mock` whose first string argument is a module specifier. */
  mockFunctions: readonly string[];
  /** Cheap pre-check on the specifier text; sites it rejects are not analysed further. */
  isCandidate?: (specifier: string) => boolean;
  /**
   * Ascending offsets into the file's text such that every candidate specifier's literal contains one (the
   * matcher's needle occurrences: `Matcher.needleOffsets`). Subtrees whose `[pos, end)` holds none are not
   * walked, which skips most of a file (function bodies and declarations that name no module). Without it
   * the whole tree is walked. Namespace uses are found by their own walk, so they are not affected.
   */
  candidateOffsets?: readonly number[];
}

/** Mock functions that load the module asynchronously, like `import()`. */
const PROMISE_MOCK_FUNCTIONS = /^vi\.import(?:Actual|Mock)$/;

/**
 * Finds every place in a file that names a module with a string literal. The TypeScript instance is passed in
 * so the adapter's own compiler (ts-patch's, with its own SyntaxKind numbering) parses and walks the file.
 */
export function scanImports(ts: typeof TS, sourceFile: TS.SourceFile, options: ScanOptions): ImportSite[] {
  const sites: ImportSite[] = [];
  const namespaces: Array<{ binding: NamespaceBinding; declaration: TS.Identifier }> = [];
  const mockFunctions = new Set(options.mockFunctions);
  const isCandidate = options.isCandidate ?? (() => true);
  const isModuleFile = ts.isExternalModule(sourceFile);
  const parents: TS.Node[] = [];

  const literal = (node: TS.Node): SpecifierLiteral | undefined => {
    if (!ts.isStringLiteral(node) && !ts.isNoSubstitutionTemplateLiteral(node)) return undefined;
    if (!isCandidate(node.text)) return undefined;
    const start = node.getStart(sourceFile);
    return { value: node.text, start, end: node.end, quote: sourceFile.text[start] };
  };
  const range = (node: TS.Node) => ({ start: node.getStart(sourceFile), end: node.end });
  const namespaceOf = (name: TS.Identifier): NamespaceBinding => {
    const binding: NamespaceBinding = { local: name.text };
    namespaces.push({ binding, declaration: name });
    return binding;
  };

  const offsets = options.candidateOffsets;
  const visit = (node: TS.Node): void => {
    if (offsets && !holdsOffset(offsets, node.pos, node.end)) return;
    if (ts.isImportDeclaration(node)) {
      const specifier = literal(node.moduleSpecifier);
      if (specifier) sites.push(importDeclaration(node, specifier));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      const specifier = literal(node.moduleSpecifier);
      if (specifier) sites.push(exportDeclaration(node, specifier));
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const specifier = literal(node.moduleReference.expression);
      if (specifier) {
        sites.push({ kind: "import-equals", specifier, statement: range(node), typeOnly: node.isTypeOnly, namespace: namespaceOf(node.name) });
      }
    } else if (ts.isCallExpression(node)) {
      const site = callSite(node);
      if (site) sites.push(site);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const specifier = literal(node.argument.literal);
      if (specifier) {
        const first = node.qualifier && firstName(node.qualifier);
        sites.push({
          kind: "import-type",
          specifier,
          statement: range(node),
          isTypeOf: node.isTypeOf,
          qualifier: first && { name: first.text, range: range(first) },
        });
      }
    } else if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name) && isModuleFile) {
      // Only inside a module is `declare module "x"` an augmentation of x; in a script it declares x anew.
      const specifier = literal(node.name);
      if (specifier) sites.push({ kind: "augmentation", specifier, statement: range(node), declared: augmentedNames(node) });
    }
    parents.push(node);
    ts.forEachChild(node, visit);
    parents.pop();
  };

  /** The top-level names an augmentation body declares, which must match the augmented module's exports. */
  const augmentedNames = (node: TS.ModuleDeclaration): MemberUse[] => {
    const names: MemberUse[] = [];
    const add = (name: TS.Node | undefined) => {
      if (name && ts.isIdentifier(name)) names.push({ name: name.text, range: range(name) });
    };
    if (!node.body || !ts.isModuleBlock(node.body)) return names;
    for (const statement of node.body.statements) {
      if (ts.isVariableStatement(statement)) for (const declaration of statement.declarationList.declarations) add(declaration.name);
      else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) add(element.name);
      } else if ("name" in statement) add((statement as TS.DeclarationStatement).name);
    }
    return names;
  };

  const firstName = (name: TS.EntityName): TS.Identifier => (ts.isIdentifier(name) ? name : firstName(name.left));

  const binding = (
    element: TS.ImportSpecifier | TS.ExportSpecifier,
    statementTypeOnly: boolean,
  ): Binding => {
    const imported = element.propertyName ?? element.name;
    return {
      imported: imported.text,
      local: element.name.text,
      typeOnly: statementTypeOnly || element.isTypeOnly,
      element: range(element),
      importedRange: range(imported),
      hasAlias: element.propertyName !== undefined,
      aliasSyntax: "as",
    };
  };

  const importDeclaration = (node: TS.ImportDeclaration, specifier: SpecifierLiteral): DeclarationSite => {
    const clause = node.importClause;
    const typeOnly = clause !== undefined && (clause.phaseModifier === ts.SyntaxKind.TypeKeyword || clause.isTypeOnly);
    const site: DeclarationSite = {
      kind: "import",
      specifier,
      statement: range(node),
      typeOnly,
      tailRange: { start: specifier.end, end: node.end },
    };
    if (!clause) return site;
    site.clauseRange = range(clause);
    if (clause.name) {
      site.defaultBinding = {
        imported: "default",
        local: clause.name.text,
        typeOnly,
        element: range(clause.name),
        importedRange: range(clause.name),
        hasAlias: true,
        aliasSyntax: "as",
      };
    }
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) site.namespace = namespaceOf(bindings.name);
    else if (bindings) {
      site.named = bindings.elements.map((e) => binding(e, typeOnly));
      site.namedRange = range(bindings);
    }
    return site;
  };

  const exportDeclaration = (node: TS.ExportDeclaration, specifier: SpecifierLiteral): DeclarationSite => {
    const site: DeclarationSite = {
      kind: "export",
      specifier,
      statement: range(node),
      typeOnly: node.isTypeOnly,
      tailRange: { start: specifier.end, end: node.end },
    };
    const clause = node.exportClause;
    if (!clause) site.exportStar = {};
    else if (ts.isNamespaceExport(clause)) site.exportStar = { alias: clause.name.text };
    else {
      site.named = clause.elements.map((e) => binding(e, node.isTypeOnly));
      site.namedRange = range(clause);
    }
    return site;
  };

  const calleeName = (expression: TS.Expression): string | undefined => {
    if (ts.isIdentifier(expression)) return expression.text;
    if (ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.name)) {
      const object = calleeName(expression.expression);
      return object && `${object}.${expression.name.text}`;
    }
    return undefined;
  };

  const callSite = (node: TS.CallExpression): CallSite | undefined => {
    const [first, ...rest] = node.arguments;
    if (!first) return undefined;
    let kind: CallSite["kind"];
    let callee: string;
    if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      kind = "dynamic-import";
      callee = "import";
    } else {
      const name = calleeName(node.expression);
      if (name === "require" && rest.length === 0) kind = "require";
      else if (name !== undefined && mockFunctions.has(name)) kind = "mock";
      else return undefined;
      callee = name;
    }
    const specifier = literal(first);
    if (!specifier) return undefined;
    const returnsPromise = kind === "dynamic-import" || PROMISE_MOCK_FUNCTIONS.test(callee);
    return { kind, callee, specifier, statement: range(node), extraArguments: rest.length, usage: callUsage(node, returnsPromise) };
  };

  /** How the module object a call returns is used: only shapes whose member names are all visible are rewritable. */
  const callUsage = (call: TS.CallExpression, returnsPromise: boolean): CallUsage => {
    let expression: TS.Node = call;
    let depth = parents.length - 1;
    let parent = parents[depth];
    let awaited = false;
    while (parent && (ts.isParenthesizedExpression(parent) || ts.isAwaitExpression(parent))) {
      awaited ||= ts.isAwaitExpression(parent);
      expression = parent;
      parent = parents[--depth];
    }
    if (!parent || ts.isExpressionStatement(parent)) return { kind: "unused" };
    // A promise of the module (`import("…").then(…)`, `const p = import("…")`): its members are the promise's,
    // and the module's own names are used out of sight, in a callback or wherever the promise goes.
    if (returnsPromise && !awaited) return { kind: "opaque" };
    if (ts.isVariableDeclaration(parent) && parent.initializer === expression) {
      if (ts.isIdentifier(parent.name)) return { kind: "namespace", namespace: namespaceOf(parent.name) };
      if (ts.isObjectBindingPattern(parent.name)) return destructured(parent.name);
    }
    if (ts.isPropertyAccessExpression(parent) && parent.expression === expression && ts.isIdentifier(parent.name)) {
      return { kind: "member", member: { name: parent.name.text, range: range(parent.name) } };
    }
    return { kind: "opaque" };
  };

  const destructured = (pattern: TS.ObjectBindingPattern): CallUsage => {
    const bindings: Binding[] = [];
    for (const element of pattern.elements) {
      const property = element.propertyName;
      if (element.dotDotDotToken || (property && !ts.isIdentifier(property) && !ts.isStringLiteral(property))) return { kind: "opaque" };
      if (!property && !ts.isIdentifier(element.name)) return { kind: "opaque" };
      const importedNode = (property ?? element.name) as TS.Identifier | TS.StringLiteral;
      bindings.push({
        imported: importedNode.text,
        local: ts.isIdentifier(element.name) ? element.name.text : importedNode.text,
        typeOnly: false,
        element: range(element),
        importedRange: range(importedNode),
        hasAlias: property !== undefined,
        aliasSyntax: "colon",
      });
    }
    return { kind: "destructured", bindings };
  };

  visit(sourceFile);
  if (namespaces.length > 0) analyseNamespaceUses(ts, sourceFile, namespaces);
  return sites;
}
