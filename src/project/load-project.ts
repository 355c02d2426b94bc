import { createRequire } from "node:module";
import * as path from "node:path";
import type * as TS from "typescript";
import type { SsotDiagnostic } from "../diagnostic";
import { Matcher } from "../match/matcher";
import { DEFAULT_RULES_FILE, loadRulesFile, type LoadResult } from "../rules/load";
import { projectRootFor, rulesFileProblem, toPosix, type FileSystem } from "../rules/module-paths";
import { RuleIndex } from "../rules/targets";
import type { RuleSet } from "../rules/types";
import type { ImportUse } from "../scan/import-use";
import { loadPluginRules, type PluginConfig } from "./load-plugin-rules";
import { isSolution, parseTsconfig, solutionMembers, type ParsedTsconfig } from "./read-tsconfig";
import { createTypeScriptResolver, pathAliasesOf } from "./resolver";

/**
 * The files of one tsconfig and the options they compile under, with a matcher that resolves as that tsconfig
 * does. A solution-style tsconfig has one per project it references; any other tsconfig has one.
 */
export interface ProjectUnit {
  configFile: string;
  options: TS.CompilerOptions;
  /** The files the tsconfig includes, node_modules excluded. */
  fileNames: string[];
  matcher: Matcher;
  /** The TypeScript resolver the matcher uses, for callers that must resolve a module themselves (verify). */
  resolve(specifier: string, importer: string, use?: ImportUse): string | undefined;
  /** The module format TypeScript gives a file (package.json "type", `.mts`/`.cts`): what its imports load as. */
  formatOf(file: string): TS.ResolutionMode;
}

/**
 * A tsconfig project as the tools outside the compiler (the CLI) see it: its units, rules and matcher. The
 * unit fields at the top level are the first unit's (the tsconfig itself, or a solution's first member), for
 * the checks that need one resolver; `fileNames` is every unit's.
 */
export interface Project extends ProjectUnit {
  ts: typeof TS;
  /** The tsconfig's folder, `/`-separated: what reported paths are relative to. */
  root: string;
  ruleSet: RuleSet;
  fs: FileSystem;
  units: ProjectUnit[];
}

export type ProjectResult =
  | { ok: true; project: Project }
  /** `missing`: a file the user named does not exist (a usage error); `invalid`: the config or rules are wrong. */
  | { ok: false; kind: "missing" | "invalid"; errors: SsotDiagnostic[] };

export interface LoadProjectOptions {
  /** Path to tsconfig.json (or a folder holding one). */
  project: string;
  /** A rules file that overrides what the tsconfig's plugin entry or ssot-imports.json next to it says. */
  rules?: string;
}

/** The transform names under which the tsc plugin may appear in `compilerOptions.plugins`. */
const PLUGIN_TRANSFORMS = /^ssot-imports(?:\/tsc)?(?:\/|$)|\/ssot-imports\/dist\/tsc\b/;

/**
 * Parses a tsconfig with the project's own `typescript` (its resolution rules are the ones the build uses) and
 * finds its rules exactly as the tsc plugin does, so the CLI and the build can never disagree on either. A
 * solution-style tsconfig is followed into the projects it references, as `tsc -b` builds them.
 */
export function loadProject(options: LoadProjectOptions): ProjectResult {
  let configFile = path.resolve(options.project);
  const ts = typescriptFor(path.dirname(configFile));
  if (ts.sys.directoryExists(configFile)) configFile = path.join(configFile, "tsconfig.json");
  configFile = toPosix(configFile);
  const fail = (kind: "missing" | "invalid", file: string, message: string): ProjectResult => ({
    ok: false,
    kind,
    errors: [{ severity: "error", file, line: 1, column: 1, message }],
  });
  if (!ts.sys.fileExists(configFile)) return fail("missing", configFile, `tsconfig not found: ${configFile}`);

  const named = parseTsconfig(ts, configFile);
  if (!named.ok) return { ok: false, kind: "invalid", errors: named.errors };
  let configs = [named.config];
  if (isSolution(named.config)) {
    const members = solutionMembers(ts, named.config);
    if (!members.ok) return { ok: false, kind: "invalid", errors: members.errors };
    if (members.members.length > 0) configs = members.members;
  }

  const fs: FileSystem = { fileExists: (f) => ts.sys.fileExists(f), readFile: (f) => ts.sys.readFile(f), directoryExists: (f) => ts.sys.directoryExists(f) };
  let loaded;
  if (options.rules !== undefined) {
    const rulesFile = path.resolve(options.rules);
    if (!fs.fileExists(rulesFile)) return fail("missing", toPosix(rulesFile), rulesFileProblem(toPosix(rulesFile), fs));
    loaded = loadRulesFile(rulesFile, fs, {}, projectRootFor(path.dirname(configFile), rulesFile));
  } else {
    const besideConfig = toPosix(path.join(path.dirname(configFile), DEFAULT_RULES_FILE));
    const entry = pluginEntryOf(named.config.parsed.options);
    if (entry) loaded = loadPluginRules(configFile, entry, fs);
    // No plugin entry (the plugin was removed after migrating, or never added): the file beside the tsconfig.
    else if (fs.fileExists(besideConfig)) loaded = loadRulesFile(besideConfig, fs);
    else if (configs[0] !== named.config) loaded = memberRules(configs, fs);
    if (!loaded) return fail("missing", besideConfig, `no rules: ${besideConfig} does not exist and ${configFile} has no ssot-imports plugin entry; pass --rules`);
  }
  if (!loaded.ok) return { ok: false, kind: "invalid", errors: loaded.errors };

  const index = new RuleIndex(loaded.ruleSet);
  const seen = new Set<string>();
  // A file two members include is scanned once, under the first.
  const units = configs.map((config) => unitOf(ts, config, index, seen));
  return {
    ok: true,
    project: {
      ...units[0],
      ts,
      root: toPosix(path.dirname(configFile)),
      configFile,
      fileNames: units.flatMap((u) => u.fileNames),
      ruleSet: loaded.ruleSet,
      fs,
      units,
    },
  };
}

function unitOf(ts: typeof TS, { configFile, parsed }: ParsedTsconfig, index: RuleIndex, seen: Set<string>): ProjectUnit {
  const host = ts.createCompilerHost(parsed.options);
  const packageJsonCache = ts.createModuleResolutionCache(host.getCurrentDirectory(), (f) => f, parsed.options).getPackageJsonInfoCache();
  const modes = new Map<string, TS.ResolutionMode>();
  // Without a Program there is no SourceFile.impliedNodeFormat: ask the same question TypeScript asks (package.json "type").
  const modeOf = (importer: string) => {
    if (!modes.has(importer)) modes.set(importer, ts.getImpliedNodeFormatForFile(importer as TS.Path, packageJsonCache, host, parsed.options));
    return modes.get(importer);
  };
  const resolver = createTypeScriptResolver(ts, parsed.options, host, modeOf);
  const fileNames = parsed.fileNames.map(toPosix).filter((f) => !f.includes("/node_modules/") && !seen.has(f));
  for (const f of fileNames) seen.add(f);
  return {
    configFile,
    options: parsed.options,
    fileNames,
    matcher: new Matcher(index, resolver, pathAliasesOf(parsed.options)),
    resolve: (specifier, importer, use) => resolver.resolve(specifier, importer, use),
    formatOf: modeOf,
  };
}

/**
 * A solution without rules of its own uses its members': their plugin entries must agree on one rules file,
 * since one run reports against one set of rules.
 */
function memberRules(members: readonly ParsedTsconfig[], fs: FileSystem): LoadResult | undefined {
  let first: { configFile: string; result: LoadResult } | undefined;
  for (const member of members) {
    const entry = pluginEntryOf(member.parsed.options);
    if (!entry) continue;
    const result = loadPluginRules(member.configFile, entry, fs);
    if (!result.ok) return result;
    if (!first) first = { configFile: member.configFile, result };
    else if (first.result.ok && first.result.ruleSet.file !== result.ruleSet.file) {
      const message = `the referenced projects use different rules (${first.result.ruleSet.file} in ${first.configFile}, ${result.ruleSet.file} here): run once per project with --project, or pass --rules`;
      return { ok: false, errors: [{ severity: "error", file: member.configFile, line: 1, column: 1, message }] };
    }
  }
  return first?.result;
}

/** The project's `typescript` when it has one (the version its build runs), else the one beside this package. */
export function typescriptFor(dir: string): typeof TS {
  try {
    const fromProject = createRequire(path.join(dir, "package.json")).resolve("typescript");
    return require(fromProject) as typeof TS;
  } catch {
    return require("typescript") as typeof TS;
  }
}

/** Our entry in `compilerOptions.plugins`, extended configs included. */
function pluginEntryOf(options: TS.CompilerOptions): PluginConfig | undefined {
  const plugins = (options.plugins ?? []) as unknown as PluginConfig[];
  return plugins.find((p) => typeof p.transform === "string" && PLUGIN_TRANSFORMS.test(p.transform));
}
