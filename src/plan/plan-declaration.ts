import type { Binding, DeclarationSite } from "../scan/types";
import type { ModuleGroup, SitePlan } from "./context";
import { planNamespace } from "./plan-namespace";

/** `import … from`, `import "…"`, `export … from` and `export *`. */
export function planDeclaration(plan: SitePlan, site: DeclarationSite): void {
  if (site.exportStar) return planExportStar(plan, site);
  if (site.namespace) {
    const extra = site.defaultBinding ? [site.defaultBinding] : [];
    return planNamespace(plan, site.namespace, extra);
  }
  const bindings = [...(site.defaultBinding ? [site.defaultBinding] : []), ...(site.named ?? [])];
  if (bindings.length === 0) {
    return plan.replaceSpecifier(plan.moduleTarget);
  }
  plan.symbols.push(...bindings.map((b) => b.imported));
  const [primary, ...others] = plan.group(bindings);
  const defaultItem = primary.items.find((item) => item.binding === site.defaultBinding);
  if (defaultItem && defaultItem.target.name !== "default") {
    // `import d from` cannot name another export in place: the clause itself has to change shape.
    // Build mode keeps the statement's line breaks after it, so a multi-line import does not shift later lines.
    const text = generateStatement(plan, site, primary) + lineBreaksIn(plan, site.statement.start, site.statement.end);
    plan.edits.push({ start: site.statement.start, end: site.statement.end, text });
    return appendStatements(plan, site, others.map((g) => generateStatement(plan, site, g)));
  }
  for (const item of primary.items) {
    if (item.binding !== site.defaultBinding) plan.renameBinding(item.binding, item.target.name);
  }
  plan.replaceSpecifier(primary.module);
  if (others.length === 0) return;
  if (site.defaultBinding && site.named && site.named.length > 0 && primary.items.length === 1) {
    // Every named binding moves away from the default's module: drop `, { … }` whole rather than leave `{  }`.
    plan.edits.push(removal(plan, site.defaultBinding.element.end, site.namedRange!.end));
  } else {
    for (const group of others) {
      for (const item of group.items) removeBinding(plan, site, item.binding);
    }
  }
  appendStatements(plan, site, others.map((g) => generateStatement(plan, site, g)));
}

/**
 * `export * from` re-exports the new module, and each name the rules rename or move is re-exported under its
 * old name, because the deprecated module's importers still ask for it. `default` never travels through `*`.
 */
function planExportStar(plan: SitePlan, site: DeclarationSite): void {
  if (site.exportStar?.alias !== undefined) {
    if (plan.reshapes) {
      return plan.fail(site.specifier.start, `\`export * as ${site.exportStar.alias}\` re-exports a module whose exports the rule renames or moves; its members cannot keep their old names. Re-export the names explicitly`);
    }
    plan.symbols.push("*");
    return plan.replaceSpecifier(plan.moduleTarget);
  }
  const moduleTarget = plan.moduleTarget;
  const moved: Binding[] = [];
  for (const name of plan.index.listedNames(plan.rule)) {
    if (name === "default") continue;
    const target = plan.target(name);
    if (target.module.key === moduleTarget.key && target.name === name) continue;
    const typeOnly = plan.isTypeOnly(target);
    if (typeOnly && !plan.typeSyntax) continue;
    moved.push(syntheticBinding(name, typeOnly));
  }
  plan.symbols.push("*", ...moved.map((b) => b.imported));
  plan.replaceSpecifier(moduleTarget);
  const groups = plan.group(moved);
  appendStatements(plan, site, groups.map((g) => generateStatement(plan, { ...site, exportStar: undefined, defaultBinding: undefined }, g)));
}

function syntheticBinding(name: string, typeOnly: boolean): Binding {
  const empty = { start: 0, end: 0 };
  return { imported: name, local: name, typeOnly, element: empty, importedRange: empty, hasAlias: false, aliasSyntax: "as" };
}

/** Removes a binding that moves to another module from the original statement, with its comma. */
function removeBinding(plan: SitePlan, site: DeclarationSite, binding: Binding): void {
  if (binding === site.defaultBinding) {
    const end = site.namedRange?.start ?? binding.element.end;
    plan.edits.push(removal(plan, binding.element.start, end));
    return;
  }
  const named = site.named!;
  const i = named.indexOf(binding);
  // Each removal takes the separator after it while a kept element follows, else the one before it, so the
  // removals of neighbouring elements never overlap.
  const laterKept = named.slice(i + 1).some((b) => isPrimary(plan, site, b));
  if (laterKept) plan.edits.push(removal(plan, binding.element.start, named[i + 1].element.start));
  else if (i > 0) plan.edits.push(removal(plan, named[i - 1].element.end, binding.element.end));
  else plan.edits.push(removal(plan, binding.element.start, binding.element.end));
}

/**
 * Deletes `[start, end)`. In build mode the line breaks it spans stay, because diagnostics and source maps of
 * the rewritten file must keep the user's line numbers; the codemod removes them too.
 */
function removal(plan: SitePlan, start: number, end: number): { start: number; end: number; text: string } {
  return { start, end, text: lineBreaksIn(plan, start, end) };
}

function lineBreaksIn(plan: SitePlan, start: number, end: number): string {
  return plan.layout === "same-line" ? plan.text.slice(start, end).replace(/[^\r\n]/g, "") : "";
}

function isPrimary(plan: SitePlan, site: DeclarationSite, binding: Binding): boolean {
  const first = site.defaultBinding ?? site.named![0];
  return plan.target(binding.imported).module.key === plan.target(first.imported).module.key;
}

function generateStatement(plan: SitePlan, site: DeclarationSite, group: ModuleGroup): string {
  const keyword = site.kind;
  let defaultPart = "";
  const named: string[] = [];
  for (const { binding, target } of group.items) {
    if (binding === site.defaultBinding && target.name === "default") {
      defaultPart = binding.local;
      continue;
    }
    const typePrefix = binding.typeOnly && !site.typeOnly ? "type " : "";
    named.push(typePrefix + (target.name === binding.local ? target.name : `${target.name} as ${binding.local}`));
  }
  const clause = [defaultPart, named.length > 0 ? `{ ${named.join(", ")} }` : ""].filter(Boolean).join(", ");
  const quote = site.specifier.quote;
  const attributes = plan.text.slice(site.tailRange.start, site.tailRange.end).replace(/;\s*$/, "");
  const semicolon = endsWithSemicolon(plan, site) || plan.layout === "same-line" ? ";" : "";
  return `${keyword} ${site.typeOnly ? "type " : ""}${clause} from ${quote}${plan.specifierText(group.module)}${quote}${attributes}${semicolon}`;
}

function endsWithSemicolon(plan: SitePlan, site: DeclarationSite): boolean {
  return plan.text.slice(site.statement.start, site.statement.end).trimEnd().endsWith(";");
}

/** Split-off statements follow the original: on its line in build mode, on lines of their own for the codemod. */
function appendStatements(plan: SitePlan, site: DeclarationSite, statements: string[]): void {
  if (statements.length === 0) return;
  let text: string;
  if (plan.layout === "same-line") {
    text = (endsWithSemicolon(plan, site) ? " " : "; ") + statements.join(" ");
  } else {
    const lineStart = plan.text.lastIndexOf("\n", site.statement.start - 1) + 1;
    const indent = /^[ \t]*/.exec(plan.text.slice(lineStart))![0];
    const newline = plan.text.includes("\r\n") ? "\r\n" : "\n";
    text = statements.map((s) => newline + indent + s).join("");
  }
  plan.edits.push({ start: site.statement.end, end: site.statement.end, text });
}
