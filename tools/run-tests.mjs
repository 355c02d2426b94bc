#!/usr/bin/env node
// `npm test`'s test step: the whole suite with vitest on this Node (20, ts-patch 3.3), then the tsc mode and
// error suites again on Node 24 with ts-patch 4.0 (compat/ts-patch-4-node-24, installed by
// tools/install-compat.mjs). Vitest itself runs on Node 24 for the second run, so the in-process builds and
// every compiler the tests start (process.execPath) run there too. Each run writes its own JSON results file,
// which .ci/run adds up; both runs always happen, and the status is non-zero if either failed.
//
//   node tools/run-tests.mjs [vitest arguments for the first run]

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const VITEST = path.join(REPO, "node_modules", "vitest", "vitest.mjs");
const COMPAT = path.join(REPO, "compat", "ts-patch-4-node-24", "node_modules");
const NODE_24 = path.join(COMPAT, ".bin", "node");

export const SECOND_RUN_SUITES = ["transformer-tests/tsc/modes", "transformer-tests/tsc/errors"];

function run(node, args, env) {
  const result = spawnSync(node, [VITEST, "run", ...args], { cwd: REPO, stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

// The first run is on whatever Node runs npm test (20 in CI; 22 and 24 work too), with the root's ts-patch 3.3.
const first = run(process.execPath, process.argv.slice(2), { SSOT_TEST_EXPECT_TS_PATCH_MAJOR: "3" });

let second = 1;
if (!fs.existsSync(NODE_24)) {
  console.error(`run-tests: ${path.relative(REPO, NODE_24)} is missing: run node tools/install-compat.mjs`);
} else {
  console.log("\nrun-tests: the tsc mode and error suites again, on Node 24 with ts-patch 4.0\n");
  second = run(NODE_24, [...SECOND_RUN_SUITES], {
    SSOT_TEST_TS_PATCH: path.join(COMPAT, "ts-patch"),
    SSOT_TEST_EXPECT_NODE_MAJOR: "24",
    SSOT_TEST_EXPECT_TS_PATCH_MAJOR: "4",
    SSOT_TEST_RESULTS: ".tmp/vitest-results-node-24.json",
  });
}
process.exitCode = first !== 0 ? first : second;
