import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "./project";

/**
 * Which ts-patch the tsc suites run under. The default is the root's (3.3, Node 20); the second CI run
 * (tools/run-tests.mjs) points SSOT_TEST_TS_PATCH at compat/ts-patch-4-node-24's 4.0 and runs vitest itself
 * on that folder's Node 24, so in-process builds and every spawned compiler (process.execPath) use Node 24.
 */
export const TS_PATCH_DIR = process.env.SSOT_TEST_TS_PATCH ? path.resolve(REPO_ROOT, process.env.SSOT_TEST_TS_PATCH) : path.join(REPO_ROOT, "node_modules", "ts-patch");

/** What the run that set SSOT_TEST_TS_PATCH expects to be running on, checked by tsc/modes/environment.test.ts. */
export const EXPECTED_ENVIRONMENT = {
  nodeMajor: process.env.SSOT_TEST_EXPECT_NODE_MAJOR,
  tsPatchMajor: process.env.SSOT_TEST_EXPECT_TS_PATCH_MAJOR,
};

/** ts-patch 4 refuses TypeScript < 6 ("Use the previous ts-patch major"), so under it only 6.0 is tested. */
export const TS_PATCH_MAJOR = Number(JSON.parse(fs.readFileSync(path.join(TS_PATCH_DIR, "package.json"), "utf8")).version.split(".")[0]);
