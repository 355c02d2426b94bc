import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { createProject } from "../../helpers/project";
import { OLDEST_TS_VERSION, STACK_LINE, migrationFixture, runTspc, sleep, type ProcessResult } from "../../helpers/processes";

/**
 * What a user sees in a terminal: the real `tspc` process on bad input. No stack trace on either stream, a
 * non-zero exit code, the file:line:col of the mistake, and an out dir that was never created.
 */

function expectCleanFailure(result: ProcessResult, dir: string): string {
  const all = result.stdout + result.stderr;
  expect(all).not.toMatch(STACK_LINE);
  expect(all).not.toMatch(/TypeError|ReferenceError|Debug Failure/);
  expect(result.status, all).not.toBe(0);
  expect(result.status, "exit code must not be a crash or a signal").not.toBeNull();
  expect(fs.existsSync(path.join(dir, "out")), "no out dir").toBe(false);
  return all;
}

describe("tspc on bad input", () => {
  it("malformed ssot-imports.json (TypeScript 6.0): names the file with line and column", () => {
    const dir = createProject(
      { ...migrationFixture(), "ssot-imports.json": `{\n  "rules": [\n    { "from": "./src/ws/factory" "to": "./src/services/ctx" }\n  ]\n}\n` },
      "tspc-bad-json",
    );
    const output = expectCleanFailure(runTspc(dir, ["-p", ".", "--pretty", "false"]), dir);
    expect(output).toMatch(/^ssot-imports\.json\(3,34\): error TS990001: ssot-imports: invalid JSON: comma expected/m);
  });

  it(`a source file with a syntax error (TypeScript ${OLDEST_TS_VERSION}, noEmitOnError): TypeScript reports it, the plugin does not crash`, () => {
    const dir = createProject(
      {
        ...migrationFixture({ compilerOptions: { noEmitOnError: true } }),
        "src/broken.ts": `import { createManager } from "./ws/factory";\nexport const x = createManager(;\n`,
      },
      "tspc-syntax",
    );
    const output = expectCleanFailure(runTspc(dir, ["-p", ".", "--pretty", "false"], OLDEST_TS_VERSION), dir);
    expect(output).toMatch(/^src\/broken\.ts\(2,32\): error TS1005: '\)' expected\./m);
    expect(output).not.toContain("TS990001");
  });

  it("tsc -b with the rules file extended: a broken rule fails every run until it is fixed, never 'up to date'", async () => {
    const dir = createProject(migrationFixture({ extendsRules: true, compilerOptions: { incremental: true } }), "tspc-b-broken");
    const rules = path.join(dir, "ssot-imports.json");
    const good = fs.readFileSync(rules, "utf8");
    const ok = runTspc(dir, ["-b"]);
    expect(ok.status, ok.stdout).toBe(0);
    fs.rmSync(path.join(dir, "out"), { recursive: true });

    await sleep(20);
    fs.writeFileSync(rules, good.replace(`"createContext"`, `"createMissing"`));
    // Twice: tsc -b used to touch the old outputs' timestamps after a failed build, so the second run would
    // have called the project up to date and exited 0 on broken rules.
    for (const run of [1, 2]) {
      const failed = runTspc(dir, ["-b", "--pretty", "false"]);
      const output = expectCleanFailure(failed, dir);
      expect(output, `run ${run}`).toMatch(/^ssot-imports\.json\(\d+,\d+\): error TS990001: ssot-imports \[rule 1[^\]]*\]: symbol "createManager" maps to "createMissing"/m);
    }
  });
});
