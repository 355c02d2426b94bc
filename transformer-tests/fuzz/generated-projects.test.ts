/**
 * Property-based differential test: random small projects (every import form, renames, `default`, splits,
 * chains with the middle kept or deleted, deprecated modules kept or deleted, lookalike file names, a path alias,
 * names the rules forgot), each built by the tsc plugin, esbuild (bundle and not) and `migrate --write` + tsc,
 * must all agree with the hand-migrated twin the generator writes: the same stdout, or the same refusal (file,
 * line, rule). `npm test` runs a fixed seed; `npm run fuzz` runs more (see tools/fuzz.mjs), shrinking a failure.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { projectArbitrary } from "./arbitrary";
import { checkKnownFailure, checkProject } from "./check-project";
import { REGRESSIONS } from "./regressions";

// Chosen because its 6 projects cover all ten forms but `default`, all three chain shapes and three refusals.
const FIXED_SEED = 39;
const env = process.env;
const fuzzing = env.FUZZ_RUNS !== undefined || env.FUZZ_SEED !== undefined;
const runs = Number(env.FUZZ_RUNS ?? 6);
const seed = Number(env.FUZZ_SEED ?? FIXED_SEED);
const replayPath = env.FUZZ_PATH;

describe("generated projects: every adapter agrees with the hand-migrated twin", () => {
  it(`${runs} projects from seed ${seed}${replayPath ? ` (path ${replayPath})` : ""}`, { timeout: 60_000 + runs * 60_000 }, async () => {
    if (fuzzing) console.log(`fuzz: ${runs} projects, seed ${seed}${replayPath ? `, path ${replayPath}` : ""}`);
    const started = Date.now();
    let tried = 0;
    const result = await fc.check(
      fc.asyncProperty(projectArbitrary, async (model) => {
        const t0 = Date.now();
        let verdict = "FAILED";
        try {
          await checkProject(model);
          verdict = "ok";
        } finally {
          // While fuzzing, one line per project (shrinking included), so a long run shows it is alive.
          if (fuzzing) console.log(`project ${++tried}: ${verdict} in ${Date.now() - t0} ms`);
        }
      }),
      // npm test reports the first failure as is; fuzzing shrinks it to a minimal project first.
      { seed, numRuns: runs, path: replayPath, endOnFailure: !fuzzing, interruptAfterTimeLimit: fuzzing ? undefined : 240_000 },
    );
    if (fuzzing) console.log(`fuzz: ${tried} projects built (shrinking included) in ${((Date.now() - started) / 1000).toFixed(1)} s${result.failed ? "" : ", all agree"}`);
    if (result.failed) {
      const replay = `npm run fuzz -- --seed ${result.seed} --path "${result.counterexamplePath}" --runs 1`;
      throw new Error(
        `a generated project failed (seed ${result.seed}, path ${result.counterexamplePath}, shrunk ${result.numShrinks} times)\n` +
          `replay: ${replay}\nthen add the project below to transformer-tests/fuzz/regressions.ts\n\n${(result.errorInstance as Error)?.message ?? String(result.errorInstance)}`,
      );
    }
    expect(result.numRuns).toBe(runs);
  });
});

describe("regressions found by the generator", () => {
  for (const r of REGRESSIONS) {
    if (r.knownFailure) {
      // KNOWN FAILURE, not a skip: it.fails turns red the day the adapters get this right.
      it.fails(`KNOWN FAILURE: ${r.name} (${r.knownFailure})`, () => checkKnownFailure(r.project, r.failing ?? []));
    } else {
      it(r.name, () => checkProject(r.project));
    }
  }
});
