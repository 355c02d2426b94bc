import type { ProjectModel } from "./model";
import { compareRun, describeMismatches, type CompareOptions } from "./compare";
import { renderProject } from "./render-project";
import { runProject } from "./run-adapters";

/**
 * The property: a generated project, built every way, agrees with its hand-migrated twin. Throws with the
 * (normalized) model, which pastes into `regressions.ts` as is, and what each adapter did.
 */
export async function checkProject(model: ProjectModel, options: CompareOptions = {}): Promise<void> {
  const project = renderProject(model);
  const run = await runProject(project);
  const mismatches = compareRun(run, options);
  if (mismatches.length === 0) return;
  throw new Error(
    `adapters disagree with the hand-migrated twin\nproject: ${JSON.stringify(project.model)}\nrules: ${JSON.stringify(project.rules)}\n${describeMismatches(mismatches, run)}`,
  );
}
