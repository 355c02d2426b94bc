import { ADAPTERS, type Adapter, type Outcome, type ProjectRun } from "./run-adapters";

/**
 * Every adapter must do what the hand-migrated twin says: print the same, or refuse at the same places naming
 * the same rule. The twin is built by the adapter's own compiler (esbuild keeps an `import x = require()` used
 * only as a type, tsc drops it), and the twins must print the same words whichever compiler built them. The last
 * line of a program lists the modules it loaded, compared exactly for every adapter: a side-effect import sent to
 * the wrong module shows there, and so does a module a bundle evaluates that the migrated program never loads.
 */

export interface Mismatch {
  adapter: Adapter;
  expected: Outcome;
  actual: Outcome;
  detail: string[];
}

export function compareRun(run: ProjectRun): Mismatch[] {
  const mismatches: Mismatch[] = [];
  for (const adapter of ADAPTERS) {
    const { outcome, detail } = run.results[adapter];
    const expected = run.expected[adapter];
    if (JSON.stringify(outcome) !== JSON.stringify(expected)) mismatches.push({ adapter, expected, actual: outcome, detail });
  }
  return mismatches;
}

export function describeMismatches(mismatches: Mismatch[], run: ProjectRun): string {
  const lines: string[] = [];
  for (const m of mismatches) {
    lines.push(`${m.adapter}: ${JSON.stringify(m.actual)}`, `  expected (the hand-migrated twin): ${JSON.stringify(m.expected)}`, ...m.detail.map((d) => `    ${d.trim()}`));
  }
  lines.push(`projects on disk: user ${run.dirs.user}, migrated ${run.dirs.migrated}, twin ${run.dirs.twin}`);
  return lines.join("\n");
}
