import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, runNode } from "../helpers/project";
import { buildPlain, buildWithPlugin } from "../helpers/tsc-build";
import { foreignMessages, parseRun } from "../../examples/websocket-factory/story.mjs";
import { runCli } from "./harness";

/**
 * The whole migration on the seed's example: report finds the 78 deprecated imports in 24 files, and after
 * `migrate --write` the sources build without the plugin into a program that behaves exactly like the plugin
 * build of the untouched sources.
 */
const EXAMPLE = path.join(REPO_ROOT, "examples", "websocket-factory");
let pluginDir: string;
let migratedDir: string;

function copyExample(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ssot-cli-example-${name}-`));
  for (const entry of ["src", "tsconfig.json", "tsconfig.plain.json", "ssot-imports.json"]) {
    fs.cpSync(path.join(EXAMPLE, entry), path.join(dir, entry), { recursive: true });
  }
  fs.mkdirSync(path.join(dir, "node_modules"));
  fs.symlinkSync(REPO_ROOT, path.join(dir, "node_modules", "ssot-imports"), "dir");
  return dir;
}

beforeAll(() => {
  pluginDir = copyExample("plugin");
  migratedDir = copyExample("migrated");
});
afterAll(() => {
  for (const dir of [pluginDir, migratedDir]) fs.rmSync(dir, { recursive: true, force: true });
});

describe("ssot-imports on examples/websocket-factory", () => {
  it("report finds 78 violations in 24 files", async () => {
    const result = await runCli(pluginDir, ["report", "--format", "json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.summary).toEqual({ violations: 78, files: 24 });
    expect(new Set(report.violations.map((v: { specifier: string }) => path.posix.basename(v.specifier).replace(/\.js$/, "")))).toEqual(new Set(["websocket_manager_factory"]));
  });

  it("after migrate --write, the plain build behaves exactly like the plugin build of the untouched sources", async () => {
    const migrated = await runCli(migratedDir, ["migrate", "--write"]);
    expect(migrated.code, migrated.stderr).toBe(0);
    const again = await runCli(migratedDir, ["report", "--format", "json"]);
    expect(JSON.parse(again.stdout).summary).toEqual({ violations: 0, files: 0 });
    // The deprecated module can go once nothing imports it.
    fs.rmSync(path.join(migratedDir, "src/websocket_core/websocket_manager_factory.ts"));

    expect(buildWithPlugin(pluginDir).diagnostics).toEqual([]);
    expect(buildPlain(migratedDir, "tsconfig.plain.json").diagnostics).toEqual([]);
    const withPlugin = runNode(path.join(pluginDir, "out-plugin", "main.js"));
    const afterMigration = runNode(path.join(migratedDir, "out-plain", "main.js"));
    expect(afterMigration).toBe(withPlugin);
    const { inboxes } = parseRun(afterMigration);
    expect(Object.values(foreignMessages(inboxes)).flat(), "no user sees another user's message").toEqual([]);
  });
});
