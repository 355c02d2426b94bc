/**
 * The facades against the plugin: every tsc differential form (transformer-tests/tsc/forms/*.forms.ts), in one
 * project per module setting, type-checked four ways: the tspc plugin build of TypeScript 6 (the reference),
 * `tsc --noEmit` of TypeScript 7 with the facades, and plain `tsc` 6.0 and 5.9 with the facades. Every diagnostic of the
 * reference (code, file, line, column) and no other must come out of the other two, both with the
 * deprecated modules deleted (facades in .ssot-imports/, through rootDirs and paths) and with them still
 * there (`--beside-sources`, through moduleSuffixes).
 *
 * Beside the forms, which build clean, `typed-misuse` holds type errors on lines that import nothing (the
 * plugin keeps those positions exactly), so agreement is also shown where the reference build fails.
 * Skipped: build-errors.test.ts, whose forms the plugin refuses with its own TS990001, which only it can say.
 * One form fails in the reference build too: with the deprecated folder `legacy/store` deleted, an ESM
 * importer's `…/store/index.js` names a file no rule names (the rule says `./src/legacy/store`), and both
 * sides report the same TS2307 there.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import type * as TS from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MODULE_SETTINGS, type Form, type ModuleSetting } from "../../helpers/forms";
import { createProject, PLUGIN_ENTRY, tsconfig } from "../../helpers/project";
import { buildWithPlugin } from "../../helpers/tsc-build";
import { checkInProcess, checkWithTsc7, keysOfFormatted, keysOfTscOutput, type DiagnosticKey } from "../../helpers/typescript-7";
import { fixture } from "../../tsc/forms/fixture";
import { pitfallForm } from "../../tsc/forms/pitfalls.forms";
import { reExportForms } from "../../tsc/forms/re-exports.forms";
import { requireForms } from "../../tsc/forms/require-and-dynamic.forms";
import { resolutionForms } from "../../tsc/forms/resolution.forms";
import { staticForms } from "../../tsc/forms/static-imports.forms";
import { runCli } from "../harness";

const ts = createRequire(import.meta.url)("typescript") as typeof TS;
const ts59 = createRequire(import.meta.url)("typescript-5.9") as typeof TS;

/** Type errors that do not sit on an import line, and an unlisted name asked of the old path. */
function misuseForm({ ext: x }: ModuleSetting): Form {
  return {
    name: "typed-misuse",
    unmigrated: {
      "main.ts": `import { createManager, createContext, describe, type Manager, type ManagerId } from "../../legacy/factory${x}";
import greet, { farewell } from "../../legacy/greeter${x}";
import { count, shout } from "../../legacy/helpers${x}";
import { oldFlag, port } from "../../legacy/config${x}";
import { oldName } from "../../legacy/chain_a${x}";
import { openStore } from "../../legacy/store${x === "" ? "" : "/index.js"}";
const m: Manager = createManager("a");
export const viaNewName: string = createContext("n").user;
export const wrongUser: number = m.user;
export const wrongArgument = describe("not a context");
export const wrongDefault: boolean = greet("x");
export const wrongFarewell = farewell(1);
export const wrongCount: string = count([1]);
export const wrongShout: number = shout("s");
export const wrongFlag: number = oldFlag();
export const wrongPort: string = port;
export const wrongChain: number = oldName();
export const wrongStore: number = openStore();
export const missingMember = m.missing;
export const wrongId: ManagerId = 42;
`,
    },
    migrated: {},
  };
}

/** Errors the reference build reports in `typed-misuse`: the test is void if the forms stop producing them. */
const MISUSE_ERRORS = 12;

function allForms(setting: ModuleSetting): Form[] {
  return [...staticForms(setting), ...reExportForms(setting), ...requireForms(setting), ...resolutionForms(setting), pitfallForm(setting), misuseForm(setting)];
}

interface Outcome {
  reference: DiagnosticKey[];
  typescript7: DiagnosticKey[];
  typescript6: DiagnosticKey[];
  typescript59: DiagnosticKey[];
  /** TypeScript 7 on the project's own tsconfig, no facades: what the facades must fix. */
  withoutFacades?: DiagnosticKey[];
}

type Variant = "deleted" | "kept";

async function typeCheckEveryWay(setting: ModuleSetting, variant: Variant, withoutFacades: boolean): Promise<{ dir: string; outcome: Outcome }> {
  const files: Record<string, string> = {};
  for (const form of allForms(setting)) for (const [file, text] of Object.entries(form.unmigrated)) files[`src/forms/${form.name}/${file}`] = text;
  const dir = createProject(
    {
      "package.json": JSON.stringify({ name: "facades-case", private: true, type: setting.packageType }),
      ...fixture.shared,
      ...(variant === "kept" ? fixture.deprecated : {}),
      ...files,
      "ssot-imports.json": JSON.stringify(fixture.rules, null, 2),
      "tsconfig.json": tsconfig({ target: "es2022", ...setting.compilerOptions, ...fixture.compilerOptions, plugins: [PLUGIN_ENTRY] }),
    },
    `facades-${variant}-${setting.name}`,
  );
  const bare = withoutFacades ? checkWithTsc7(dir, "tsconfig.json") : undefined;
  const reference = keysOfFormatted(buildWithPlugin(dir).diagnostics);
  const cli = await runCli(dir, ["facades", "--write-tsconfig", ...(variant === "kept" ? ["--beside-sources"] : [])]);
  expect(cli.code, cli.stderr + cli.stdout).toBe(0);
  const typescript7 = checkWithTsc7(dir, ".ssot-imports/tsconfig.json");
  const typescript6 = checkInProcess(ts, dir, ".ssot-imports/tsconfig.json");
  const typescript59 = checkInProcess(ts59, dir, ".ssot-imports/tsconfig.json");
  return {
    dir,
    outcome: {
      reference,
      typescript7: keysOfTscOutput((await typescript7).output),
      typescript6,
      typescript59,
      withoutFacades: bare && keysOfTscOutput((await bare).output),
    },
  };
}

/** Each variant's outcomes by module setting, filled by its first describe block's beforeAll. */
const outcomesOf: Record<Variant, Map<string, Outcome>> = { deleted: new Map(), kept: new Map() };

describe.each(["deleted", "kept"] as const)("deprecated modules %s", (variant) => {
  const outcomes = outcomesOf[variant];
  const dirs: string[] = [];
  beforeAll(async () => {
    for (const setting of MODULE_SETTINGS) {
      const { dir, outcome } = await typeCheckEveryWay(setting, variant, setting === MODULE_SETTINGS[0]);
      dirs.push(dir);
      outcomes.set(setting.name, outcome);
    }
  });
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it("the reference build reports every error of typed-misuse, so there is something to agree on", () => {
    for (const [name, { reference }] of outcomes) {
      expect(reference.filter((k) => k.startsWith("src/forms/typed-misuse/")).length, name).toBe(MISUSE_ERRORS);
    }
  });

  it("without the facades TypeScript 7 disagrees with the plugin build", () => {
    const { reference, withoutFacades } = outcomes.get(MODULE_SETTINGS[0]!.name)!;
    expect(withoutFacades).not.toEqual(reference);
  });

  it.each(MODULE_SETTINGS.map((s) => [s.name]))("%s: TypeScript 7 with the facades reports what the plugin build reports", (name) => {
    const { reference, typescript7 } = outcomes.get(name)!;
    expect(typescript7).toEqual(reference);
  });

  it.each(MODULE_SETTINGS.map((s) => [s.name]))("%s: plain tsc 6 with the facades reports what the plugin build reports", (name) => {
    const { reference, typescript6 } = outcomes.get(name)!;
    expect(typescript6).toEqual(reference);
  });
});

describe.each(["deleted", "kept"] as const)("deprecated modules %s, TypeScript 5.9", (variant) => {
  it("plain tsc 5.9 with the facades reports what the plugin build reports, under every module setting", () => {
    expect(outcomesOf[variant].size, "every setting was type-checked").toBe(MODULE_SETTINGS.length);
    for (const [name, { reference, typescript59 }] of outcomesOf[variant]) expect(typescript59, name).toEqual(reference);
  });
});
