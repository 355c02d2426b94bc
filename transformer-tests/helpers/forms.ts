import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect } from "vitest";
import { PLUGIN_ENTRY, createProject, readTree, tsconfig } from "./project";
import { buildPlain, buildWithPlugin, type BuildResult } from "./tsc-build";

/**
 * Import forms × module settings. One project per (test file, module setting) holds every form of that file,
 * each in its own folder `src/forms/<name>/` with its own entry, so one pair of builds serves many forms while
 * each form is still run by its own node process and judged by its own test.
 */

export interface ModuleSetting {
  name: string;
  compilerOptions: Record<string, unknown>;
  /** `type` of the project's package.json, which decides how node (and node16 resolution) read `.js` files. */
  packageType: "commonjs" | "module";
  /** `.ts` files compile to ES modules (top-level await allowed, `import x = require` not). */
  esm: boolean;
  /** What relative specifiers end with: `.js` where node's ESM loader needs it, nothing elsewhere. */
  ext: "" | ".js";
  /** `module` is node16/nodenext: `.cts` files and their `require` are meaningful. */
  node: boolean;
}

export const MODULE_SETTINGS: readonly ModuleSetting[] = [
  { name: "commonjs", compilerOptions: { module: "commonjs" }, packageType: "commonjs", esm: false, ext: "", node: false },
  { name: "commonjs + isolatedModules", compilerOptions: { module: "commonjs", isolatedModules: true }, packageType: "commonjs", esm: false, ext: "", node: false },
  { name: "node16, CommonJS package", compilerOptions: { module: "node16" }, packageType: "commonjs", esm: false, ext: "", node: true },
  { name: "node16, type: module", compilerOptions: { module: "node16" }, packageType: "module", esm: true, ext: ".js", node: true },
  { name: "nodenext, type: module", compilerOptions: { module: "nodenext" }, packageType: "module", esm: true, ext: ".js", node: true },
  { name: "esnext + bundler", compilerOptions: { module: "esnext", moduleResolution: "bundler" }, packageType: "module", esm: true, ext: ".js", node: false },
  {
    name: "esnext + bundler + isolatedModules",
    compilerOptions: { module: "esnext", moduleResolution: "bundler", isolatedModules: true },
    packageType: "module",
    esm: true,
    ext: ".js",
    node: false,
  },
  {
    name: "esnext + bundler + verbatimModuleSyntax",
    compilerOptions: { module: "esnext", moduleResolution: "bundler", verbatimModuleSyntax: true },
    packageType: "module",
    esm: true,
    ext: ".js",
    node: false,
  },
  { name: "preserve + bundler", compilerOptions: { module: "preserve", moduleResolution: "bundler" }, packageType: "module", esm: true, ext: ".js", node: false },
];

/** One import form: the importer as written (unmigrated) and as migrated by hand; files relative to its folder. */
export interface Form {
  name: string;
  unmigrated: Record<string, string>;
  migrated: Record<string, string>;
  /** The file node runs, relative to the form's folder; `main.ts` by default. */
  entry?: string;
  /** Compare whole .d.ts files; off only where the two spellings legitimately differ in declaration output. */
  exactDts?: boolean;
}

/** The modules every form may import: deprecated ones (unmigrated tree only) and the SSOT ones (both trees). */
export interface Fixture {
  shared: Record<string, string>;
  deprecated: Record<string, string>;
  rules: { rules: Array<{ from: string } & Record<string, unknown>> };
  compilerOptions?: Record<string, unknown>;
}

export interface Variant {
  dir: string;
  build: BuildResult;
  /** Output of each form's entry (by built path), filled by `runForms`. */
  runs?: Map<string, RunResult>;
}

export interface RunResult {
  stdout: string;
  /** Set when the program crashed or exited non-zero: the thrown error or stderr. */
  error?: string;
}

export interface FormsProject {
  setting: ModuleSetting;
  fixture: Fixture;
  forms: ReadonlyMap<string, Form>;
  plugin: Variant;
  plain: Variant;
  /** The unmigrated tree built without the plugin, when asked for. */
  unplugged?: Variant;
}

const FORMS_DIR = "src/forms";

function formFiles(forms: readonly Form[], pick: (f: Form) => Record<string, string>): Record<string, string> {
  const files: Record<string, string> = {};
  for (const form of forms) for (const [file, text] of Object.entries(pick(form))) files[`${FORMS_DIR}/${form.name}/${file}`] = text;
  return files;
}

/** Builds the unmigrated tree with the plugin and the hand-migrated tree without it, for one module setting. */
export function buildFormsProject(label: string, setting: ModuleSetting, fixture: Fixture, forms: readonly Form[]): FormsProject {
  const compilerOptions = { target: "es2022", ...setting.compilerOptions, ...fixture.compilerOptions };
  const packageJson = { "package.json": JSON.stringify({ name: "forms-case", private: true, type: setting.packageType }) };
  const name = `${label}-${setting.name}`;
  const pluginDir = createProject(
    {
      ...packageJson,
      ...fixture.shared,
      ...fixture.deprecated,
      ...formFiles(forms, (f) => f.unmigrated),
      "ssot-imports.json": JSON.stringify(fixture.rules, null, 2),
      "tsconfig.json": tsconfig({ ...compilerOptions, plugins: [PLUGIN_ENTRY] }),
    },
    `${name}-plugin`,
  );
  const plainDir = createProject(
    { ...packageJson, ...fixture.shared, ...formFiles(forms, (f) => f.migrated), "tsconfig.json": tsconfig(compilerOptions) },
    `${name}-plain`,
  );
  return {
    setting,
    fixture,
    forms: new Map(forms.map((f) => [f.name, f])),
    plugin: { dir: pluginDir, build: buildWithPlugin(pluginDir) },
    plain: { dir: plainDir, build: buildPlain(plainDir) },
  };
}

/**
 * Builds and runs every form of the project, once; the usual `beforeAll` of a forms test file. With
 * `unplugged`, the unmigrated tree is also built without the plugin (into `out-unplugged/`), to show that
 * each form's output depends on the rewrite at all.
 */
export function prepareFormsProject(
  label: string,
  setting: ModuleSetting,
  fixture: Fixture,
  forms: readonly Form[],
  { unplugged = false } = {},
): FormsProject {
  const project = buildFormsProject(label, setting, fixture, forms);
  const entries = forms.map((f) => outputPath(formEntry(project, f.name)));
  for (const variant of [project.plugin, project.plain]) variant.runs = runEntries(variant.dir, entries);
  if (unplugged) {
    const dir = project.plugin.dir;
    const config = JSON.parse(fs.readFileSync(path.join(dir, "tsconfig.json"), "utf8"));
    delete config.compilerOptions.plugins;
    config.compilerOptions.outDir = "out-unplugged";
    fs.writeFileSync(path.join(dir, "tsconfig.unplugged.json"), JSON.stringify(config));
    const build = buildPlain(dir, "tsconfig.unplugged.json");
    project.unplugged = { dir, build, runs: runEntries(dir, entries.map((e) => e.replace(/^out\//, "out-unplugged/"))) };
  }
  return project;
}

/** Removes the project's folders; the usual `afterAll`. */
export function disposeFormsProject(project: FormsProject | undefined): void {
  if (!project) return;
  for (const dir of new Set([project.plugin.dir, project.plain.dir])) fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * The case is worth running only if the rewrite matters: built without the plugin, every form must fail to
 * compile, crash, print something else, or declare something else than the hand-migrated program.
 */
export function formsUnaffectedByTheRewrite(project: FormsProject): string[] {
  const unplugged = project.unplugged!;
  const same: string[] = [];
  for (const form of project.forms.values()) {
    const entry = outputPath(formEntry(project, form.name));
    const folder = `src/forms/${form.name}/`;
    if (unplugged.build.diagnostics.some((d) => d.startsWith(folder))) continue;
    const run = unplugged.runs!.get(entry.replace(/^out\//, "out-unplugged/"));
    if (!run || run.error !== undefined || run.stdout !== project.plain.runs!.get(entry)?.stdout) continue;
    const dts = declarations(unplugged.dir, `out-unplugged/forms/${form.name}`);
    const plainDts = declarations(project.plain.dir, `out/forms/${form.name}`);
    if (JSON.stringify(dts) !== JSON.stringify(plainDts)) continue;
    same.push(form.name);
  }
  return same;
}

/** `main.ts` → `main.js`, `main.cts` → `main.cjs`, `main.mts` → `main.mjs`. */
export function outputPath(source: string, ending: "js" | "d.ts" = "js"): string {
  const match = /\.([cm]?)ts$/.exec(source)!;
  const base = `out/${source.slice("src/".length, match.index)}`;
  return ending === "js" ? `${base}.${match[1]}js` : `${base}.d.${match[1]}ts`;
}

export function formEntry(project: FormsProject, formName: string): string {
  const form = project.forms.get(formName);
  if (!form) throw new Error(`no form ${formName} in this project`);
  return `${FORMS_DIR}/${form.name}/${form.entry ?? "main.ts"}`;
}

export function readOutput(variant: Variant, file: string): string | undefined {
  const full = path.join(variant.dir, file);
  return fs.existsSync(full) ? fs.readFileSync(full, "utf8") : undefined;
}

/** One form's output in both builds; a crash fails the test with the error. */
export function runForm(project: FormsProject, formName: string): { plugin: string; plain: string } {
  const entry = outputPath(formEntry(project, formName));
  const run = (variant: Variant, label: string) => {
    const file = path.join(variant.dir, entry);
    expect(fs.existsSync(file), `${label} build did not write ${entry}: ${variant.build.diagnostics.join("\n")}`).toBe(true);
    const result = variant.runs?.get(entry) ?? runEntries(variant.dir, [entry]).get(entry)!;
    expect(result.error, `${label} program crashed; it printed:\n${result.stdout}`).toBeUndefined();
    return result.stdout;
  };
  return { plain: run(project.plain, "hand-migrated"), plugin: run(project.plugin, "plugin") };
}

/**
 * Runs each entry in a worker thread of one node process: every worker has its own module registry, so each
 * program loads (and logs loading) its modules afresh, as its own process would, at a fraction of the cost.
 */
const RUNNER = `import { Worker } from "node:worker_threads";
const results = {};
for (const entry of process.argv.slice(2)) {
  const worker = new Worker(new URL(entry, "file://" + process.cwd() + "/"), { stdout: true, stderr: true });
  let stdout = "", stderr = "", error;
  worker.stdout.on("data", (d) => (stdout += d));
  worker.stderr.on("data", (d) => (stderr += d));
  worker.on("error", (e) => (error = String(e && e.stack || e)));
  const code = await new Promise((resolve) => worker.on("exit", resolve));
  await Promise.all([worker.stdout, worker.stderr].map((s) => (s.readableEnded ? undefined : new Promise((r) => s.on("end", r)))));
  if (error === undefined && code !== 0) error = "exit code " + code + "\\n" + stderr;
  results[entry] = error === undefined ? { stdout } : { stdout, error };
}
process.stdout.write(JSON.stringify(results));
`;
let runnerFile: string | undefined;

export function runEntries(dir: string, entries: readonly string[]): Map<string, RunResult> {
  if (!runnerFile) {
    runnerFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ssot-forms-runner-")), "run-entries.mjs");
    fs.writeFileSync(runnerFile, RUNNER);
  }
  const existing = entries.filter((e) => fs.existsSync(path.join(dir, e)));
  const out = existing.length === 0 ? "{}" : execFileSync(process.execPath, [runnerFile, ...existing], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return new Map(Object.entries(JSON.parse(out) as Record<string, RunResult>));
}

/** Each rule's `from` as it appears in paths (`legacy/factory`), to find it left behind in declarations. */
export function deprecatedPaths(fixture: Fixture): string[] {
  return fixture.rules.rules.map((r) => r.from.replace(/^\.\/src\//, "").replace(/\.[jt]s$/, ""));
}

/**
 * The differential assertions for one form: both builds clean, the same non-empty output from its entry,
 * and its declaration files equal to the hand-migrated ones (or at least naming no deprecated module the
 * hand-migrated ones do not name).
 */
export function expectFormLikeMigrated(project: FormsProject, formName: string): { plugin: string; plain: string } {
  expect(project.plain.build.diagnostics, "hand-migrated build must be clean").toEqual([]);
  expect(project.plugin.build.diagnostics, "plugin build must be clean").toEqual([]);
  const output = runForm(project, formName);
  expect(output.plain.length, "the form must print something to compare").toBeGreaterThan(0);
  expect(output.plugin).toBe(output.plain);

  const form = project.forms.get(formName)!;
  const plainDts = declarations(project.plain.dir, `out/forms/${formName}`);
  const pluginDts = declarations(project.plugin.dir, `out/forms/${formName}`);
  expect(Object.keys(plainDts).length, "the form must emit declarations to compare").toBeGreaterThan(0);
  for (const [file, text] of Object.entries(plainDts)) {
    expect(pluginDts[file], `${file} missing from the plugin build`).toBeDefined();
    if (form.exactDts !== false) expect(pluginDts[file], file).toBe(text);
    for (const deprecated of deprecatedPaths(project.fixture)) {
      if (!text.includes(deprecated)) expect(pluginDts[file], `${file} still names ${deprecated}`).not.toContain(deprecated);
    }
  }
  return output;
}

/** `.d.ts`, `.d.cts` and `.d.mts` files under `dir/sub`. */
export function declarations(dir: string, sub: string): Record<string, string> {
  return { ...readTree(dir, sub, ".d.ts"), ...readTree(dir, sub, ".d.cts"), ...readTree(dir, sub, ".d.mts") };
}

/** The plugin's own diagnostics (code 990001) of a build. */
export function ssotErrors(build: BuildResult): string[] {
  return build.diagnostics.filter((d) => d.includes("TS990001"));
}
