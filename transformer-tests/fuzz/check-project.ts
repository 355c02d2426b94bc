import type { ProjectModel } from "./model";
import { compareRun, describeMismatches, type Mismatch } from "./compare";
import { renderProject } from "./render-project";
import { runProject, type Adapter } from "./run-adapters";

/**
 * The property: a generated project, built every way, agrees with its hand-migrated twin. Throws with the
 * (normalized) model, which pastes into `regressions.ts` as is, and what each adapter did.
 */
export async function checkProject(model: ProjectModel): Promise<void> {
  const found = await findMismatches(model);
  if (found.mismatches.length > 0) throw new Error(found.report);
}

export async function findMismatches(model: ProjectModel): Promise<{ mismatches: Mismatch[]; report: string }> {
  const project = renderProject(model);
  const run = await runProject(project);
  const mismatches = compareRun(run);
  const report = `adapters disagree with the hand-migrated twin\nproject: ${JSON.stringify(project.model)}\nrules: ${JSON.stringify(project.rules)}\n${describeMismatches(mismatches, run)}`;
  return { mismatches, report };
}

/**
 * For `it.fails`: throws only when exactly the known adapters disagree, so the test turns red both when the
 * bug is fixed and when the project starts failing some other way.
 */
export async function checkKnownFailure(model: ProjectModel, failing: readonly Adapter[]): Promise<void> {
  const { mismatches, report } = await findMismatches(model);
  const adapters = mismatches.map((m) => m.adapter).sort();
  if (adapters.length > 0 && JSON.stringify(adapters) === JSON.stringify([...failing].sort())) throw new Error(report);
}
