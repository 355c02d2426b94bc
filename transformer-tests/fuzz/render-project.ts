import type { ProjectModel } from "./model";
import { normalize } from "./normalize";
import { renderImporter, type Refusal } from "./render-importers";
import { renderGroupModules } from "./render-modules";

/**
 * A generated project on paper: the user's files (unmigrated, with rules and the plugin in tsconfig), the
 * hand-migrated twin (no rules, no plugin), and the refusals the rules' forgotten names must cause.
 */
export interface RenderedProject {
  model: ProjectModel;
  unmigrated: Record<string, string>;
  twin: Record<string, string>;
  rules: { rules: object[] };
  refusals: Refusal[];
}

/** `@al/<folder>/<file>` is the tsconfig path alias every importer may write instead of a relative path. */
export const PATH_ALIAS = "@al";

export function tsconfigText(withPlugin: boolean): string {
  const compilerOptions = {
    module: "commonjs",
    target: "es2022",
    rootDir: "src",
    outDir: "out",
    strict: true,
    types: [],
    skipLibCheck: true,
    paths: { [`${PATH_ALIAS}/*`]: ["./src/*"] },
    ...(withPlugin ? { plugins: [{ transform: "ssot-imports/tsc", transformProgram: true }] } : {}),
  };
  return JSON.stringify({ compilerOptions, include: ["src"] }, null, 2);
}

export function renderProject(raw: ProjectModel): RenderedProject {
  const model = normalize(raw);
  const shared: Record<string, string> = {
    // No @types/node (`types: []` keeps the builds small): just what the generated code calls.
    "src/env.d.ts": "declare function require(id: string): any;\n",
  };
  const unmigrated: Record<string, string> = {};
  const twin: Record<string, string> = {};
  const rules: object[] = [];
  const refusals: Refusal[] = [];
  const runs: string[] = [];
  model.groups.forEach((g, n) => {
    const modules = renderGroupModules(g, n);
    const firstRule = rules.length + 1;
    rules.push(...modules.rules);
    Object.assign(shared, modules.shared, modules.deprecated);
    g.importers.forEach((imp, k) => {
      const files = renderImporter(g, n, k, imp, firstRule);
      Object.assign(unmigrated, files.unmigrated);
      Object.assign(twin, files.twin);
      refusals.push(...files.refusals);
      runs.push(files.runModule);
    });
  });
  // Runs every importer in order; `done` lets one runner process await several builds' programs in turn.
  const main = [
    ...runs.map((m, i) => `import { run as run${i} } from "./${m}";`),
    "export const done = (async (): Promise<void> => {",
    ...runs.map((_, i) => `  await run${i}();`),
    `  console.log("loaded:", [...new Set((globalThis as any).__loaded as string[])].sort().join(","));`,
    "})();",
    "",
  ].join("\n");
  shared["src/main.ts"] = main;
  return {
    model,
    unmigrated: { ...shared, ...unmigrated, "tsconfig.json": tsconfigText(true), "ssot-imports.json": JSON.stringify({ rules }, null, 2) },
    twin: { ...shared, ...twin, "tsconfig.json": tsconfigText(false) },
    rules: { rules },
    refusals,
  };
}
