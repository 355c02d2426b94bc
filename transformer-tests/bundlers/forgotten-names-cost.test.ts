/**
 * The bundlers' check of names the rules forgot (src/bundlers/forgotten-names.ts) reads an importer only when
 * its rule CAN forget: a complete rule (every value its deprecated file exports is in the SSOT module or mapped
 * by `symbols`) never loads TypeScript nor parses anyone, whatever its importers ask. A rule that can forget
 * has each importer read once, however many of its imports are asked about: by es-module-lexer when its
 * deprecated imports are all named, by TypeScript's parser when a namespace object's member reads matter.
 */
import * as path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ForgottenNames } from "../../src/bundlers/forgotten-names";
import { TargetExports } from "../../src/bundlers/exports-of";
import { loadActiveRules } from "../../src/esbuild/active-rules";
import { FACTORY_WITH_FORGOTTEN_NAMES, forgottenMessage } from "../helpers/forgotten-name-fixture";
import { migrationFixture } from "../helpers/processes";
import { createProject } from "../helpers/project";
import { positionOf } from "../helpers/text-position";

/** Asks for a name ctx lacks twice, through two specifiers that both name the deprecated module. */
const MAIN = `import { createManager, VERSION } from "./ws/factory";\nimport * as again from "./ws/factory.js";\nconsole.log(createManager("a").user, VERSION, again.VERSION);\n`;

function checker(files: Record<string, string>, name: string, main = MAIN) {
  const dir = createProject({ ...files, "src/main.ts": main }, name);
  const { active } = loadActiveRules(undefined, dir, undefined);
  if (!active) throw new Error("the fixture's rules do not load");
  let typescriptLoads = 0;
  const loadTypeScript = () => (typescriptLoads++, ts);
  // Only the importers' reads are counted: reading the exports of a rule's two modules is the facade's work too.
  const names = new ForgottenNames(new TargetExports(() => ts), loadTypeScript);
  const importer = path.join(dir, "src/main.ts");
  const rule = active.ruleSet.rules[0];
  const check = (specifier: string) => names.check(active, rule, importer, specifier);
  return { check, loads: () => typescriptLoads };
}

describe("the bundlers' forgotten-name check costs nothing for a complete rule", () => {
  it("a complete rule: no TypeScript, no parse, nothing reported (even for a name the deprecated file lacked too)", async () => {
    const { check, loads } = checker(migrationFixture(), "forgotten-cost-complete");
    expect(await check("./ws/factory")).toBeUndefined();
    expect(await check("./ws/factory.js")).toBeUndefined();
    expect(loads()).toBe(0);
  });

  it("a rule that can forget, importers with named imports only: read by the lexer, TypeScript never loaded", async () => {
    const named = `import { createManager } from "./ws/factory";\nexport { VERSION } from "./ws/factory";\nconsole.log(createManager("a").user);\n`;
    const { check, loads } = checker({ ...migrationFixture(), "src/ws/factory.ts": FACTORY_WITH_FORGOTTEN_NAMES }, "forgotten-cost-named", named);
    expect(await check("./ws/factory")).toMatchObject({ ...positionOf(named, "VERSION }"), message: forgottenMessage("VERSION") });
    expect(loads()).toBe(0);
  });

  it("a rule that can forget, an importer reading a namespace object: parsed once, and each specifier's sites are judged", async () => {
    const { check, loads } = checker({ ...migrationFixture(), "src/ws/factory.ts": FACTORY_WITH_FORGOTTEN_NAMES }, "forgotten-cost-forgetful");
    expect(await check("./ws/factory")).toMatchObject({ ...positionOf(MAIN, "VERSION }"), code: "forgotten-name", message: forgottenMessage("VERSION") });
    expect(await check("./ws/factory.js")).toMatchObject({ ...positionOf(MAIN, "VERSION);"), message: forgottenMessage("VERSION") });
    expect(loads()).toBe(1);
  });
});
