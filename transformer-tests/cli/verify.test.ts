import { describe, expect, it } from "vitest";
import { FACTORY_RULES, factoryProject, runBin, runCli } from "./harness";

describe("verify", () => {
  it("passes for sound rules", async () => {
    const r = await runCli(factoryProject({}, undefined, "verify-ok"), ["verify"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("1 rule verified\n");
    expect(r.code).toBe(0);
  });

  it("fails naming the rule when a renamed symbol is not exported by its SSOT module", async () => {
    const rules = { rules: [{ ...FACTORY_RULES.rules[0], symbols: { createManager: "createContxt", Manager: "Context" } }] };
    const r = await runCli(factoryProject({}, rules, "verify-missing"), ["verify"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^ssot-imports\.json:7:9 - error \[rule 1 \(\.\/src\/ws\/factory → \.\/src\/services\/ctx\)\]: symbol "createManager" maps to "createContxt", which \.\/src\/services\/ctx does not export$/m);
    expect(r.stdout).toBe("1 error in 1 rule\n");
  });

  it("asks the type checker when the SSOT module re-exports with export *", async () => {
    const barrel = {
      "src/services/barrel.ts": `export * from "./ctx";\n`,
    };
    const good = { rules: [{ from: "./src/ws/factory", to: "./src/services/barrel", symbols: { createManager: "createContext", Manager: "Context" } }] };
    expect((await runCli(factoryProject(barrel, good, "verify-star-ok"), ["verify"])).code).toBe(0);
    const bad = { rules: [{ from: "./src/ws/factory", to: "./src/services/barrel", symbols: { createManager: "createContextt" } }] };
    const r = await runCli(factoryProject(barrel, bad, "verify-star-bad"), ["verify"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`symbol "createManager" maps to "createContextt", which ./src/services/barrel does not export`);
  });

  it("fails when an SSOT module imports the module deprecated in its favour", async () => {
    const ctx = `import { VERSION as OLD } from "../ws/factory";
export interface Context { user: string; log: string[] }
export function createContext(user: string): Context { return { user, log: [] }; }
export const VERSION = OLD;
`;
    const r = await runCli(factoryProject({ "src/services/ctx.ts": ctx }, undefined, "verify-self"), ["verify"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^src\/services\/ctx\.ts:1:32 - error \[rule 1 .*\]: this SSOT module imports "\.\.\/ws\/factory", the module its own rule deprecates/m);
  });

  it("exits 2, naming the rule, when the rules do not load (a cycle): a configuration error, as in every command", async () => {
    const cycle = { rules: [{ from: "./src/ws/factory", to: "./src/services/ctx" }, { from: "./src/services/ctx", to: "./src/ws/factory" }] };
    const r = await runCli(factoryProject({}, cycle, "verify-cycle"), ["verify"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("[rule 1 (./src/ws/factory → ./src/services/ctx)]: rules form a cycle: rule 1 → rule 2 → rule 1");
  });

  it("fails when a bare target does not resolve", async () => {
    const rules = { rules: [{ from: "./src/ws/factory", to: "@acme/missing-ssot" }] };
    const r = await runCli(factoryProject({}, rules, "verify-bare"), ["verify"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`[rule 1 (./src/ws/factory → @acme/missing-ssot)]: "@acme/missing-ssot" does not resolve`);
  });

  it("warns, without failing, about a rule that matches nothing", async () => {
    const rules = { rules: [...FACTORY_RULES.rules, { from: "./src/unrelated", to: "./src/services/ctx" }] };
    const r = runBin(factoryProject({}, rules, "verify-unused"), ["verify"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^ssot-imports\.json:\d+:\d+ - warning \[rule 2 \(\.\/src\/unrelated → \.\/src\/services\/ctx\)\]: matches no import/m);
    expect(r.stdout).toBe("2 rules verified (1 warning)\n");
  });
});
