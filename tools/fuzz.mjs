#!/usr/bin/env node
// npm run fuzz [-- --runs N] [--seed S] [--path P]: many more generated projects than npm test runs, from a
// random seed unless one is given; a failure is shrunk and printed with the command that replays it.
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { runs: { type: "string" }, seed: { type: "string" }, path: { type: "string" } } });
const env = {
  ...process.env,
  FUZZ_RUNS: values.runs ?? process.env.FUZZ_RUNS ?? "100",
  FUZZ_SEED: values.seed ?? process.env.FUZZ_SEED ?? String(Date.now() % 2 ** 31),
};
if (values.path ?? process.env.FUZZ_PATH) env.FUZZ_PATH = values.path ?? process.env.FUZZ_PATH;
console.log(`ssot-imports fuzz: ${env.FUZZ_RUNS} projects, seed ${env.FUZZ_SEED} (replay: npm run fuzz -- --seed ${env.FUZZ_SEED} --runs ${env.FUZZ_RUNS})`);
const result = spawnSync("npx", ["vitest", "run", "transformer-tests/fuzz/generated-projects.test.ts", "--maxWorkers=1", "-t", "generated projects"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
