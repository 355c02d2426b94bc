import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { runCli } from "../cli/harness";
import { loadPlugin, sourceFiles } from "../helpers/esbuild-build";
import { createProject } from "../helpers/project";
import { buildPlain, buildWithPlugin } from "../helpers/tsc-build";
import { PATH_ALIAS, type RenderedProject } from "./render-project";

/**
 * Builds one generated project every way there is and says what each way did: ran (its stdout) or refused
 * (where, and which rule). Builds run in-process; all programs then run in one node process.
 */

export type Outcome = { kind: "ran"; stdout: string } | { kind: "refused"; at: string[] };

export interface AdapterResult {
  outcome: Outcome;
  /** The messages behind a refusal, for the failure report; not compared. */
  detail: string[];
}

export const ADAPTERS = ["tsc plugin", "esbuild bundle", "esbuild bundle: false", "migrate --write + tsc"] as const;
export type Adapter = (typeof ADAPTERS)[number];

export interface ProjectRun {
  /** What each adapter must do: the twin built by the same compiler (tsc and esbuild differ in what they load). */
  expected: Record<Adapter, Outcome>;
  twinDetail: string[];
  results: Record<Adapter, AdapterResult>;
  dirs: { user: string; migrated: string; twin: string };
}

type Twin = "twin" | "twin esbuild bundle" | "twin esbuild bundle: false";

const RUNNER = path.join(path.dirname(fileURLToPath(import.meta.url)), "run-programs.cjs");

const located = (file: string, line: number, message: string) => `${file}:${line} rule ${/\brule (\d+)/.exec(message)?.[1] ?? "?"}`;
const refused = (at: string[], detail: string[]): AdapterResult => ({ outcome: { kind: "refused", at: [...new Set(at)].sort() }, detail });

const TSC_DIAGNOSTIC = /^(.+?)\((\d+),\d+\): error TS\d+: ([\s\S]*)$/;

function tscRefusal(diagnostics: string[]): AdapterResult {
  return refused(
    diagnostics.map((d) => {
      const m = TSC_DIAGNOSTIC.exec(d);
      return m ? located(m[1], Number(m[2]), m[3]) : `(no location) ${d}`;
    }),
    diagnostics,
  );
}

/** Node resolves `@al/g0/old` in built output through `out/node_modules/@al` → `out/`, as the tsconfig alias does. */
function linkAlias(outdir: string): void {
  fs.mkdirSync(path.join(outdir, "node_modules"), { recursive: true });
  const link = path.join(outdir, "node_modules", PATH_ALIAS);
  if (!fs.existsSync(link)) fs.symlinkSync("..", link, "dir");
}

async function esbuildOutcome(dir: string, bundle: boolean, withPlugin = true): Promise<AdapterResult | string> {
  const outdir = path.join(dir, bundle ? "esb-bundle" : "esb-unbundled");
  try {
    await esbuild.build({
      absWorkingDir: dir,
      entryPoints: bundle ? [path.join(dir, "src/main.ts")] : sourceFiles(dir),
      outbase: path.join(dir, "src"),
      outdir,
      bundle,
      format: "cjs",
      platform: "node",
      target: "es2022",
      // As tsc does for CommonJS output: `import()` becomes a `require()`, so an unbundled output needs no extensions.
      supported: { "dynamic-import": false },
      logLevel: "silent",
      plugins: withPlugin ? [loadPlugin(dir)()] : [],
    });
  } catch (error) {
    const failure = error as esbuild.BuildFailure;
    if (!Array.isArray(failure.errors)) throw error;
    return refused(
      failure.errors.map((e) => (e.location ? located(e.location.file, e.location.line, e.text) : `(no location) ${e.text}`)),
      failure.errors.map((e) => `${e.location?.file}:${e.location?.line}: ${e.text}`),
    );
  }
  linkAlias(outdir);
  return path.join(outdir, "main.js");
}

const MIGRATE_ERROR = /^\s*(\S+):(\d+):\d+ - error (.*)$/;

async function migrateOutcome(dir: string, original: Record<string, string>): Promise<AdapterResult | string> {
  const r = await runCli(dir, ["migrate", "--write"]);
  if (r.code === 1) {
    const lines = r.stderr.split("\n").map((l) => MIGRATE_ERROR.exec(l)).filter((m) => m !== null);
    // "Writes nothing for it": a file holding a refused import must be left exactly as it was.
    const touched = [...new Set(lines.map((m) => m[1]))].filter((f) => fs.readFileSync(path.join(dir, f), "utf8") !== original[f]).map((f) => `(rewrote ${f}, which holds a refused import)`);
    return refused(lines.length > 0 ? [...lines.map((m) => located(m[1], Number(m[2]), m[3])), ...touched] : ["(exit 1, no located error)"], [r.stderr]);
  }
  if (r.code !== 0) return refused([`(exit ${r.code})`], [r.stderr, r.stdout]);
  const built = buildPlain(dir);
  if (built.diagnostics.length > 0) return tscRefusal(built.diagnostics.map((d) => `${d} (after migrate --write)`));
  linkAlias(path.join(dir, "out"));
  return path.join(dir, "out", "main.js");
}

/** Runs the built programs in one node process; stdout of each, in order. */
function runPrograms(files: string[]): string[] {
  if (files.length === 0) return [];
  const out = execFileSync(process.execPath, [RUNNER, ...files], { encoding: "utf8", env: { PATH: process.env.PATH }, timeout: 30_000 });
  return out.split("\u0000").slice(1).map((chunk) => chunk.slice(chunk.indexOf("\n") + 1));
}

export async function runProject(project: RenderedProject): Promise<ProjectRun> {
  const dirs = {
    user: createProject(project.unmigrated, "fuzz-user"),
    migrated: createProject(project.unmigrated, "fuzz-migrate"),
    twin: createProject(project.twin, "fuzz-twin"),
  };
  const twinBuild = buildPlain(dirs.twin);
  if (twinBuild.diagnostics.length > 0) throw new Error(`the generator wrote a twin that does not compile (a generator bug):\n${twinBuild.diagnostics.join("\n")}\nin ${dirs.twin}`);
  linkAlias(path.join(dirs.twin, "out"));

  const tscBuild = buildWithPlugin(dirs.user);
  const tsc: AdapterResult | string = tscBuild.diagnostics.length > 0 ? tscRefusal(tscBuild.diagnostics) : path.join(dirs.user, "out", "main.js");
  if (typeof tsc === "string") linkAlias(path.join(dirs.user, "out"));
  const [bundled, unbundled, twinBundled, twinUnbundled] = await Promise.all([
    esbuildOutcome(dirs.user, true),
    esbuildOutcome(dirs.user, false),
    esbuildOutcome(dirs.twin, true, false),
    esbuildOutcome(dirs.twin, false, false),
  ]);
  if (typeof twinBundled !== "string" || typeof twinUnbundled !== "string") throw new Error(`esbuild cannot build the hand-migrated twin (a generator bug) in ${dirs.twin}`);
  const migrated = await migrateOutcome(dirs.migrated, project.unmigrated);

  const pending: Array<[Adapter | Twin, AdapterResult | string]> = [
    ["twin", path.join(dirs.twin, "out", "main.js")],
    ["twin esbuild bundle", twinBundled],
    ["twin esbuild bundle: false", twinUnbundled],
    ["tsc plugin", tsc],
    ["esbuild bundle", bundled],
    ["esbuild bundle: false", unbundled],
    ["migrate --write + tsc", migrated],
  ];
  const programs = pending.filter((p): p is [Adapter | Twin, string] => typeof p[1] === "string");
  const stdouts = new Map<Adapter | Twin, string>();
  runPrograms(programs.map(([, file]) => file)).forEach((stdout, i) => stdouts.set(programs[i][0], stdout));

  const twinStdout = stdouts.get("twin") ?? "";
  const withoutLoaded = (stdout: string) => stdout.replace(/\nloaded: [^\n]*\n$/, "\n");
  for (const twin of ["twin", "twin esbuild bundle", "twin esbuild bundle: false"] as const) {
    const stdout = stdouts.get(twin) ?? "";
    if (stdout.includes("CRASH:") || withoutLoaded(stdout) !== withoutLoaded(twinStdout)) {
      throw new Error(`the hand-migrated twin (${twin}) crashed or printed other words than with tsc (a generator bug):\n${stdout}\nin ${dirs.twin}`);
    }
  }
  const refusal: Outcome | undefined =
    project.refusals.length > 0 ? { kind: "refused", at: [...new Set(project.refusals.map((r) => `${r.file}:${r.line} rule ${r.rule}`))].sort() } : undefined;
  const ran = (twin: Twin): Outcome => refusal ?? { kind: "ran", stdout: stdouts.get(twin)! };
  const expected: Record<Adapter, Outcome> = {
    "tsc plugin": ran("twin"),
    "esbuild bundle": ran("twin esbuild bundle"),
    "esbuild bundle: false": ran("twin esbuild bundle: false"),
    "migrate --write + tsc": ran("twin"),
  };
  const results = Object.fromEntries(
    pending.filter(([name]) => !name.startsWith("twin")).map(([name, r]) => [name, typeof r === "string" ? { outcome: { kind: "ran", stdout: stdouts.get(name)! }, detail: [] } : r]),
  ) as Record<Adapter, AdapterResult>;
  return { expected, twinDetail: [twinStdout], results, dirs };
}
