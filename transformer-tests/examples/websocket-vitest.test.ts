/**
 * examples/websocket-factory under Vitest: the example's suite (written against the unmigrated code, mocks of
 * the deprecated factory included) passes with ssot-imports/vite, and without it the real factory behind the
 * mock leaks one user's messages to another. Judged as `npm run demo` judges it (vitest-story.mjs).
 */
import * as path from "node:path";
import { expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/project";
import { linkPackage } from "../../examples/websocket-factory/story.mjs";
import { VITEST_LEAK_TEST, VITEST_MOCK_TEST, judgeVitest, runVitestSuites } from "../../examples/websocket-factory/vitest-story.mjs";

const EXAMPLE = path.join(REPO_ROOT, "examples", "websocket-factory");

it("passes with the plugin; without it the leak test fails and the mock test passes", async () => {
  linkPackage(EXAMPLE, REPO_ROOT);
  const [withPlugin, without] = await runVitestSuites(EXAMPLE, REPO_ROOT);
  expect(withPlugin.failedToRun, withPlugin.output).toEqual([]);
  expect(Object.values(withPlugin.tests).every((status) => status === "passed"), withPlugin.output).toBe(true);
  expect(withPlugin.tests[VITEST_LEAK_TEST]).toBe("passed");
  expect(without.tests[VITEST_LEAK_TEST]).toBe("failed");
  expect(without.tests[VITEST_MOCK_TEST]).toBe("passed");
  for (const check of judgeVitest([withPlugin, without])) expect(check.ok, check.text).toBe(true);
}, 120_000);
