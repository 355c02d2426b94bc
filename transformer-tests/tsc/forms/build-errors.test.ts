/**
 * Forms that cannot be rewritten without touching code beyond the import stop the build: an ssot-imports
 * error (TS990001) naming the file, line and rule for each, and nothing emitted, not even the good files.
 *
 * Skipped combinations: `import x = require()` used as a whole runs under commonjs only (TypeScript rejects
 * it in ES modules). The other forms run under one CommonJS and one ESM setting: the decision is the plan's,
 * the same for every setting, so the rest add build time without adding a case.
 */
import * as fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MODULE_SETTINGS, ssotErrors, type ModuleSetting } from "../../helpers/forms";
import { createProject, PLUGIN_ENTRY, tsconfig } from "../../helpers/project";
import { buildWithPlugin, type BuildResult } from "../../helpers/tsc-build";
import { fixture } from "./fixture";

const RULE = "[rule 1 (./src/legacy/factory → ./src/services/context)]";

interface BadForm {
  file: string;
  line: number;
  source: (x: string) => string;
  /** What the message must say about the form. */
  says: RegExp;
  cjsOnly?: boolean;
}

const badForms: BadForm[] = [
  {
    file: "namespace-as-value.ts",
    line: 2,
    source: (x) => `// a namespace import whose object escapes
import * as factory from "../legacy/factory${x}";
console.log(Object.keys(factory));
`,
    says: /`factory` is used as a whole/,
  },
  {
    file: "dynamic-import-escapes.ts",
    line: 2,
    source: (x) => `export async function load() {
  const mod = await import("../legacy/factory${x}");
  return mod;
}
`,
    says: /`mod` is used as a whole/,
  },
  {
    file: "dynamic-import-then.ts",
    line: 1,
    source: (x) => `export const made = import("../legacy/factory${x}").then((m) => m.createManager("x"));
`,
    says: /module object of `import\(/,
  },
  {
    file: "import-equals-as-value.ts",
    line: 1,
    source: () => `import factory = require("../legacy/factory");
export const whole = factory;
`,
    says: /`factory` is used as a whole/,
    cjsOnly: true,
  },
  {
    file: "export-star-as-renamed.ts",
    line: 1,
    source: (x) => `export * as factory from "../legacy/factory${x}";
`,
    says: /`export \* as factory`/,
  },
  {
    file: "typeof-whole-module.ts",
    line: 1,
    source: (x) => `export type Factory = typeof import("../legacy/factory${x}");
`,
    says: /names the whole module/,
  },
];

const settings = MODULE_SETTINGS.filter((s) => s.name === "commonjs" || s.name === "esnext + bundler");

describe.each(settings)("forms the plugin must refuse, $name", (setting: ModuleSetting) => {
  const forms = badForms.filter((f) => !f.cjsOnly || !setting.esm);
  let build: BuildResult;
  let dir: string;
  beforeAll(() => {
    const files: Record<string, string> = {};
    for (const form of forms) files[`src/bad/${form.file}`] = form.source(setting.ext);
    dir = createProject(
      {
        "package.json": JSON.stringify({ type: setting.packageType }),
        ...fixture.shared,
        ...fixture.deprecated,
        ...files,
        "ssot-imports.json": JSON.stringify(fixture.rules),
        "tsconfig.json": tsconfig({ target: "es2022", ...setting.compilerOptions, plugins: [PLUGIN_ENTRY] }),
      },
      `bad-${setting.name}`,
    );
    build = buildWithPlugin(dir);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("nothing is emitted, not even the files that could be rewritten", () => {
    expect(build.emitSkipped).toBe(true);
    expect(build.written).toEqual([]);
  });

  it("every error is an ssot-imports error; no TypeScript error hides them", () => {
    expect(build.diagnostics).toEqual(ssotErrors(build));
    expect(ssotErrors(build)).toHaveLength(forms.length);
  });

  it.each(forms.map((f) => [f.file, f] as const))("%s: the error names file, line and rule", (_file, form) => {
    const errors = ssotErrors(build).filter((d) => d.startsWith(`src/bad/${form.file}(`));
    expect(errors, build.diagnostics.join("\n")).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^src/bad/${form.file.replace(".", "\\.")}\\(${form.line},\\d+\\): error TS990001: `));
    expect(errors[0]).toContain(RULE);
    expect(errors[0]).toMatch(form.says);
  });
});
