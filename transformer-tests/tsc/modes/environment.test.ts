import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { createProject } from "../../helpers/project";
import { TS_VERSIONS, buildProject, migrationFixture, patchedTypeScript } from "../../helpers/processes";
import { EXPECTED_ENVIRONMENT, TS_PATCH_DIR } from "../../helpers/test-environment";

/**
 * The mode and error suites run twice in CI: on Node 20 with ts-patch 3.3, and on Node 24 with ts-patch 4
 * (tools/run-tests.mjs). This says which of the two this run is, so a second run that silently fell back to
 * the first's Node or ts-patch fails instead of passing twice over the same thing.
 */
describe("the environment the tsc suites run in", () => {
  const tsPatchVersion = JSON.parse(fs.readFileSync(path.join(TS_PATCH_DIR, "package.json"), "utf8")).version as string;

  // Asked only by tools/run-tests.mjs: a developer may run vitest on any Node.
  it.runIf(EXPECTED_ENVIRONMENT.nodeMajor !== undefined)("is the Node the run asked for", () => {
    expect(process.versions.node.split(".")[0]).toBe(EXPECTED_ENVIRONMENT.nodeMajor);
  });

  it.runIf(EXPECTED_ENVIRONMENT.tsPatchMajor !== undefined)("is the ts-patch the run asked for", () => {
    expect(tsPatchVersion.split(".")[0]).toBe(EXPECTED_ENVIRONMENT.tsPatchMajor);
  });

  it.each(TS_VERSIONS)("that ts-patch's live compiler runs TypeScript %s and the plugin in it", (version) => {
    const ts = patchedTypeScript(version);
    expect(ts.version.startsWith(`${version}.`)).toBe(true);
    const dir = createProject(migrationFixture(), `environment-${version}`);
    try {
      expect(buildProject(ts, dir).diagnostics).toEqual([]);
      expect(fs.readFileSync(path.join(dir, "out/main.js"), "utf8")).toContain(`require("./services/ctx")`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
