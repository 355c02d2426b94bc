// Checks that the plugin build of the unmigrated variant emitted what the plain build of the hand-migrated
// twin emitted: a bench of a broken build is worthless, so any difference stops the bench.
//
// For every .js and .d.ts of the twin's output: the plugin build must have it, and either byte-identical, or
// at least structurally equal (the same import/export-from statements: module specifiers and names bound).
// No file of the plugin build other than the deprecated modules' own output may import a deprecated module.

import { createRequire } from "node:module";
import * as fs from "node:fs";
import * as path from "node:path";

function listOutputs(dir) {
  const files = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(?:[cm]?js|d\.[cm]?ts)$/.test(entry.name)) files.push(path.relative(dir, full).split(path.sep).join("/"));
    }
  };
  walk(dir);
  return files.sort();
}

/** import/export-from statements of an emitted file: `kind specifier {imported as local, …}`, in order. */
function moduleStatements(ts, file, text) {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith(".ts") ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const out = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const names = [];
      const clause = ts.isImportDeclaration(node) ? node.importClause : undefined;
      if (clause?.name) names.push(`default as ${clause.name.text}`);
      const bindings = clause?.namedBindings ?? (ts.isExportDeclaration(node) ? node.exportClause : undefined);
      if (bindings && (ts.isNamespaceImport(bindings) || ts.isNamespaceExport(bindings))) names.push(`* as ${bindings.name.text}`);
      else if (bindings) for (const el of bindings.elements) names.push(`${(el.propertyName ?? el.name).text} as ${el.name.text}`);
      out.push(`${ts.isImportDeclaration(node) ? "import" : "export"} ${node.moduleSpecifier.text} {${names.join(", ")}}`);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0]) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === "require"))) {
      out.push(`call ${node.arguments[0].text}`);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      out.push(`import-type ${node.argument.literal.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/**
 * withOut: output dir of the plugin build; withoutOut: output dir of the twin's plain build;
 * deprecatedOutputs: output paths (relative, without extension) of the deprecated modules.
 * Returns { files, identical, structural } or throws with every problem found (up to 20).
 */
export function verifyEquivalentEmit({ repo, withOut, withoutOut, deprecatedOutputs }) {
  const ts = createRequire(path.join(repo, "package.json"))("typescript");
  const twin = listOutputs(withoutOut);
  const plugin = new Set(listOutputs(withOut));
  const deprecated = new Set(deprecatedOutputs);
  const problems = [];
  let identical = 0;
  let structural = 0;
  if (twin.length === 0) problems.push(`the twin's build emitted nothing into ${withoutOut}`);
  for (const file of twin) {
    if (!plugin.has(file)) {
      problems.push(`${file}: emitted by the twin's build, missing from the plugin build`);
      continue;
    }
    const a = fs.readFileSync(path.join(withOut, file), "utf8");
    const b = fs.readFileSync(path.join(withoutOut, file), "utf8");
    if (a === b) {
      identical++;
      continue;
    }
    const sa = moduleStatements(ts, file, a);
    const sb = moduleStatements(ts, file, b);
    if (JSON.stringify(sa) === JSON.stringify(sb)) {
      structural++;
      continue;
    }
    problems.push(`${file}: imports differ\n    plugin build: ${sa.join(" | ")}\n    twin:         ${sb.join(" | ")}`);
  }
  // Files only the plugin build has must be the deprecated modules' own output, and nothing may import them.
  for (const file of plugin) {
    const stem = file.replace(/\.(?:d\.[cm]?ts|[cm]?js)$/, "");
    if (!twin.includes(file) && !deprecated.has(stem)) problems.push(`${file}: emitted by the plugin build only`);
    if (deprecated.has(stem)) continue;
    const dir = path.posix.dirname(file);
    for (const statement of moduleStatements(ts, file, fs.readFileSync(path.join(withOut, file), "utf8"))) {
      const specifier = statement.split(" ")[1];
      if (!specifier.startsWith(".")) continue;
      const target = path.posix.normalize(path.posix.join(dir, specifier)).replace(/\.(?:[cm]?js|[cm]?ts)$/, "");
      if (deprecated.has(target)) problems.push(`${file}: still imports the deprecated module ${specifier}`);
    }
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).join("\n  ");
    throw new Error(`the plugin build does not match the hand-migrated twin (${problems.length} problems):\n  ${shown}`);
  }
  return { files: twin.length, identical, structural };
}
