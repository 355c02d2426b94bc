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
  const groups = plan.group(bindings);
  // The statement stays where most of it stays: with the module-level target, when some names go there.
  const primaryIndex = Math.max(0, groups.findIndex((g) => g.module.key === plan.moduleTarget.key));
  const primary = groups[primaryIndex];
  const others = groups.filter((_, i) => i !== primaryIndex);
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
  const moved = new Set(others.flatMap((g) => g.items.map((item) => item.binding)));
  if (site.defaultBinding && site.named && site.named.length > 0 && primary.items.length === 1 && defaultItem) {
    // Every named binding moves away from the default's module: drop `, { … }` whole rather than leave `{  }`.
    plan.edits.push(removal(plan, site.defaultBinding.element.end, site.namedRange!.end));
  } else {
    if (site.defaultBinding && moved.has(site.defaultBinding)) {
      plan.edits.push(removal(plan, site.defaultBinding.element.start, site.namedRange?.start ?? site.defaultBinding.element.end));
    }
    removeNamed(plan, site, moved);
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

/**
 * Removes the named elements that move to another module: each with exactly one comma (the one after it, or
 * for a last element without a trailing comma the one after the last kept element), so comments between
 * elements survive. Ranges of neighbours may touch or overlap, so they are merged before becoming edits.
 */
function removeNamed(plan: SitePlan, site: DeclarationSite, moved: ReadonlySet<Binding>): void {
  const named = site.named ?? [];
  const listEnd = site.namedRange ? site.namedRange.end - 1 : 0;
  const ranges: Array<[number, number]> = [];
  named.forEach((binding, i) => {
    if (!moved.has(binding)) return;
    const next = i + 1 < named.length ? named[i + 1].element.start : listEnd;
    const commaAfter = commaBetween(plan.text, binding.element.end, next);
    if (commaAfter >= 0) {
      const lineStart = plan.text.lastIndexOf("\n", binding.element.start - 1) + 1;
      const lineEnd = plan.text.indexOf("\n", commaAfter);
      const aloneOnLine =
        plan.layout === "new-line" && lineEnd >= 0 && /^[ \t]*$/.test(plan.text.slice(lineStart, binding.element.start)) && /^[ \t]*\r?$/.test(plan.text.slice(commaAfter + 1, lineEnd));
      ranges.push(aloneOnLine ? [lineStart, lineEnd + 1] : [binding.element.start, skipSpaces(plan.text, commaAfter + 1)]);
      return;
    }
    let kept = i - 1;
    while (kept >= 0 && moved.has(named[kept])) kept--;
    const comma = kept >= 0 ? commaBetween(plan.text, named[kept].element.end, named[kept + 1].element.start) : -1;
    ranges.push([comma >= 0 ? comma : binding.element.start, binding.element.end]);
  });
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  for (const [start, end] of merged) plan.edits.push(removal(plan, start, end));
}

/** The position of the comma between two list elements, skipping white space and comments; -1 if none. */
function commaBetween(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === ",") return i;
    if (c === "/" && text[i + 1] === "/") i = Math.max(i, text.indexOf("\n", i) - 1);
    else if (c === "/" && text[i + 1] === "*") i = text.indexOf("*/", i + 2) + 1;
    else if (!/\s/.test(c)) return -1;
    if (i < 0) return -1;
  }
  return -1;
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (text[i] === " " || text[i] === "\t") i++;
  return i;
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
