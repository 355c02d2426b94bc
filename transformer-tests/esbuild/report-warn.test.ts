/**
 * `report: "warn"` names each deprecated import in the words every adapter uses for it (the core's): the rule,
 * its `message`, and the replacement written as that importer would write it. Before, esbuild said "built from
 * the SSOT module" (bundle: false) or "bundled from ./src/services/ctx" (a path relative to the rules file),
 * without the rule's message, while the CLI said something else again.
 */
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";
import { factoryProject, runCli } from "../cli/harness";
import { loadPlugin, sourceFiles } from "../helpers/esbuild-build";

const LABEL = "rule 1 (./src/ws/factory → ./src/services/ctx)";

describe(`report: "warn"`, () => {
  const dir = factoryProject({}, undefined, "esb-report-warn");

  it("bundle: false warns at each import with the CLI's words: the rule's message and the importer's own path", async () => {
    const result = await esbuild.build({ absWorkingDir: dir, entryPoints: sourceFiles(dir), outdir: "out", write: false, format: "cjs", logLevel: "silent", plugins: [loadPlugin(dir)({ report: "warn" })] });
    const esbuildWarnings = result.warnings.map((w) => `${w.location!.file}:${w.location!.line}:${w.location!.column + 1} ${w.text}`).sort();
    const github = (await runCli(dir, ["report", "--format", "github"])).stdout.trim().split("\n");
    const cliWarnings = github.map((line) => {
      const [, file, l, col, title, text] = /^::warning file=([^,]+),line=(\d+),col=(\d+),title=ssot-imports ([^:]+)::(.*)$/.exec(line.replace(/%3A/g, ":").replace(/%2C/g, ","))!;
      return `${file}:${l}:${col} [${title}] ${text}`;
    });
    expect(esbuildWarnings).toEqual(cliWarnings.sort());
    expect(esbuildWarnings).toContain(
      `src/main.ts:1:45 [${LABEL}] "./ws/factory" is deprecated (Use the per-user context): import "./services/ctx" (createManager → createContext, Manager → Context) instead`,
    );
  });

  it("a bundle warns with the rule's message and the replacement as the importer would write it", async () => {
    const result = await esbuild.build({ absWorkingDir: dir, entryPoints: ["src/main.ts"], bundle: true, write: false, outdir: "out", format: "cjs", logLevel: "silent", plugins: [loadPlugin(dir)({ report: "warn" })] });
    expect(result.warnings.map((w) => w.text).sort()).toEqual([
      `[${LABEL}] "../ws/factory" is deprecated (Use the per-user context): import "../services/ctx" instead`,
      `[${LABEL}] "./ws/factory" is deprecated (Use the per-user context): import "./services/ctx" instead`,
    ]);
  });
});
