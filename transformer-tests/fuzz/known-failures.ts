import type { Form, ProjectModel } from "./model";
import { normalize } from "./normalize";

/**
 * Combinations esbuild gets wrong today (the KNOWN FAILURE cases in regressions.ts), which random projects
 * avoid so a fuzz run finds new bugs instead of these again and again; undo an avoidance when its case passes.
 *
 * Forms in which a forgotten name is known to slip through esbuild `bundle: true` today (see the KNOWN FAILURE
 * cases in regressions.ts). Random projects avoid that combination, so a fuzz run finds new bugs instead of this
 * one again and again; delete an entry here when its regression case passes.
 */
const FORGOTTEN_NAME_SLIPS_THROUGH_BUNDLE: ReadonlySet<Form> = new Set(["importEquals", "require", "dynamicImport", "exportNamed"]);

export function avoidKnownFailures(raw: ProjectModel): ProjectModel {
  const model = normalize(raw);
  for (const g of model.groups) {
    const forgotten = (p: number) => p < g.symbols.length && g.symbols[p].fate === "forgotten";
    g.importers = g.importers.map((imp) => {
      if (!FORGOTTEN_NAME_SLIPS_THROUGH_BUNDLE.has(imp.form) || !imp.picks.some(forgotten)) return imp;
      const picks = imp.picks.filter((p) => !forgotten(p));
      return picks.length > 0 ? { ...imp, picks } : { ...imp, form: "named" };
    });
  }
  return model;
}
