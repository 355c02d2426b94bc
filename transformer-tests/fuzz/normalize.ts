import type { Form, GroupModel, ImporterModel, ProjectModel, SymbolModel } from "./model";

/**
 * Makes any generated choice a valid project, so the generator and the shrinker can pick fields freely:
 * impossible combinations are coerced to the nearest possible one, never rejected (rejection starves shrinking).
 */
export function normalize(project: ProjectModel): ProjectModel {
  return { groups: project.groups.map(normalizeGroup) };
}

function normalizeGroup(g: GroupModel): GroupModel {
  // A rule without a module-level `to` can only move listed symbols; what it does not list stays behind.
  const splitOnly = g.splitOnly;
  const oldKept = g.oldKept || splitOnly;
  const chain = splitOnly ? "none" : g.chain;
  let defaultTaken = !splitOnly && g.defaultFate === "same";
  const symbols: SymbolModel[] = g.symbols.map((s) => {
    let fate = s.fate;
    if (splitOnly) fate = fate === "split" ? "split" : "stay";
    else if (fate === "stay") fate = "same";
    // esbuild erases type-only imports, so a forgotten type is tsc's to find alone: not a cross-adapter property.
    if (s.type && (fate === "forgotten" || fate === "toDefault")) fate = "rename";
    if (fate === "toDefault") {
      if (defaultTaken) fate = "rename";
      defaultTaken = true;
    }
    return { fate, type: s.type };
  });
  // A split rule that moves nothing is a rules error, not a project: it moves at least its first symbol.
  if (splitOnly && !symbols.some((s) => s.fate === "split")) symbols[0] = { ...symbols[0], fate: "split" };
  const group: GroupModel = { symbols, defaultFate: splitOnly ? "none" : g.defaultFate, oldKept, splitOnly, chain, importers: [] };
  group.importers = g.importers.map((i) => normalizeImporter(i, group));
  return group;
}

/** Names an importer can ask for: `symbols` indexes, and `symbols.length` for the default export. */
export const DEFAULT_PICK = (g: GroupModel) => g.symbols.length;

function normalizeImporter(i: ImporterModel, g: GroupModel): ImporterModel {
  const hasDefault = g.defaultFate !== "none";
  const count = g.symbols.length + (hasDefault ? 1 : 0);
  const isType = (p: number) => p < g.symbols.length && g.symbols[p].type;
  const isForgotten = (p: number) => p < g.symbols.length && g.symbols[p].fate === "forgotten";
  let form: Form = i.form;
  if (form === "default" && !hasDefault) form = "named";
  if (form === "sideEffect" && g.splitOnly) form = "named";
  if (form === "typeOnly" && !g.symbols.some((s) => s.type)) form = "named";
  let picks = [...new Set(i.picks.map((p) => p % count))].sort((a, b) => a - b);
  // A namespace object whose members would come from several modules is refused by design (the code beyond
  // the import would change), and only where the module object exists at run time: not a cross-adapter property.
  const moduleLevel = (p: number) => p === DEFAULT_PICK(g) || (g.splitOnly ? g.symbols[p].fate === "stay" : g.symbols[p].fate !== "split");
  const homeOf = (p: number) => (p === DEFAULT_PICK(g) ? "ssot" : g.symbols[p].fate === "split" ? "extra" : g.symbols[p].fate === "stay" ? "old" : "ssot");
  const keep: Record<Form, (p: number) => boolean> = {
    named: () => true,
    default: (p) => p === DEFAULT_PICK(g),
    namespace: moduleLevel,
    sideEffect: () => false,
    typeOnly: isType,
    exportNamed: () => true,
    // `export *` carries no default; which consumer line a forgotten name there belongs to is not well defined.
    exportStar: (p) => p !== DEFAULT_PICK(g) && !isForgotten(p),
    importEquals: moduleLevel,
    // Names destructured from one `require()` that would come from several modules are refused by design too.
    require: (p) => !isType(p) && homeOf(p) === homeOf(i.picks.map((q) => q % count).find((q) => !isType(q)) ?? p),
    dynamicImport: (p) => !isType(p) && moduleLevel(p),
  };
  picks = picks.filter(keep[form]);
  if (picks.length === 0 && form !== "sideEffect") {
    const fallback = [...Array(count).keys()].find(keep[form]);
    if (fallback !== undefined) picks = [fallback];
    else if (g.splitOnly) [form, picks] = ["named", [0]];
    else [form, picks] = ["sideEffect", []];
  }
  return { ...i, form, picks };
}
