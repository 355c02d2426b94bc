import { it } from "vitest";
import { renderProject } from "./render-project";
import { runProject } from "./run-adapters";
import { compareRun, describeMismatches } from "./compare";
const imp = (form: string, picks: number[]) => ({ form, picks, aliased: false, viaAlias: false, nested: false, withLookalike: false });
const cases: any[] = [
  ["require forgotten", { groups: [{ symbols: [{ fate: "forgotten", type: false }], defaultFate: "none", oldKept: true, splitOnly: false, chain: "none", importers: [imp("require", [0])] }] }],
  ["dynamic forgotten", { groups: [{ symbols: [{ fate: "forgotten", type: false }], defaultFate: "none", oldKept: true, splitOnly: false, chain: "none", importers: [imp("dynamicImport", [0])] }] }],
  ["exportNamed forgotten", { groups: [{ symbols: [{ fate: "forgotten", type: false }], defaultFate: "none", oldKept: true, splitOnly: false, chain: "none", importers: [imp("exportNamed", [0])] }] }],
  ["split loads", { groups: [{ symbols: [{ fate: "split", type: false }, { fate: "stay", type: false }], defaultFate: "none", oldKept: true, splitOnly: true, chain: "none", importers: [imp("named", [0])] }] }],
];
for (const [name, model] of cases) it(name, async () => {
  const p = renderProject(model);
  const r = await runProject(p);
  console.log(name, "\n", describeMismatches(compareRun(r, { strictBundleLoads: true }), r));
});
