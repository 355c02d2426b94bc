import { createRequire } from "node:module";
import * as path from "node:path";
import type * as TS from "typescript";
import type { SsotDiagnostic } from "../diagnostic";
import { Matcher } from "../match/matcher";
import { DEFAULT_RULES_FILE, loadRulesFile } from "../rules/load";
import { toPosix, type FileSystem } from "../rules/module-paths";
import { RuleIndex } from "../rules/targets";
import type { RuleSet } from "../rules/types";
import type { ImportUse } from "../scan/import-use";
import { loadPluginRules, type PluginConfig } from "./load-plugin-rules";
import { createTypeScriptResolver, pathAliasesOf } from "./resolver";

/** A tsconfig project as the tools outside the compiler (the CLI) see it: files, options, rules, matcher. */
export interface Project {
  ts: typeof TS;
  /** The tsconfig's folder, `/`-separated: what reported paths are relative to. */
  root: string;
  configFile: string;
  options: TS.CompilerOptions;
  /** The files the tsconfig includes, node_modules excluded. */
  fileNames: string[];
  ruleSet: RuleSet;
  matcher: Matcher;
  fs: FileSystem;
  /** The TypeScript resolver the matcher uses, for callers that must resolve a module themselves (verify). */
  resolve(specifier: string, importer: string, use?: ImportUse): string | undefined;
  /** The module format TypeScript gives a file (package.json "type", `.mts`/`.cts`): what its imports load as. */
  formatOf(file: string): TS.ResolutionMode;
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
 * finds its rules exactly as the tsc plugin does, so the CLI and the build can never disagree on either.
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

  let fatal: TS.Diagnostic | undefined;
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => (fatal = d) });
  if (!parsed || fatal) return fail("invalid", configFile, fatal ? ts.flattenDiagnosticMessageText(fatal.messageText, "\n") : "cannot read tsconfig");
  // "No inputs were found" (18003) is not a reason to refuse: an empty project simply has nothing to report.
  const configErrors = parsed.errors.filter((d) => d.category === ts.DiagnosticCategory.Error && d.code !== 18003);
  if (configErrors.length > 0) return { ok: false, kind: "invalid", errors: configErrors.map((d) => fromTsDiagnostic(ts, d, configFile)) };

  const fs: FileSystem = { fileExists: (f) => ts.sys.fileExists(f), readFile: (f) => ts.sys.readFile(f) };
  let loaded;
  if (options.rules !== undefined) {
    const rulesFile = path.resolve(options.rules);
    if (!fs.fileExists(rulesFile)) return fail("missing", toPosix(rulesFile), `rules file not found: ${toPosix(rulesFile)}`);
    loaded = loadRulesFile(rulesFile, fs);
  } else {
    const entry = pluginEntryOf(parsed.options);
    if (entry) loaded = loadPluginRules(configFile, entry, fs);
    else {
      // No plugin entry (the plugin was removed after migrating, or never added): the file beside the tsconfig.
      const rulesFile = toPosix(path.join(path.dirname(configFile), DEFAULT_RULES_FILE));
      if (!fs.fileExists(rulesFile)) return fail("missing", rulesFile, `no rules: ${rulesFile} does not exist and ${configFile} has no ssot-imports plugin entry; pass --rules`);
      loaded = loadRulesFile(rulesFile, fs);
    }
  }
  if (!loaded.ok) return { ok: false, kind: "invalid", errors: loaded.errors };

  const host = ts.createCompilerHost(parsed.options);
  const packageJsonCache = ts.createModuleResolutionCache(host.getCurrentDirectory(), (f) => f, parsed.options).getPackageJsonInfoCache();
  const modes = new Map<string, TS.ResolutionMode>();
  // Without a Program there is no SourceFile.impliedNodeFormat: ask the same question TypeScript asks (package.json "type").
  const modeOf = (importer: string) => {
    if (!modes.has(importer)) modes.set(importer, ts.getImpliedNodeFormatForFile(importer as TS.Path, packageJsonCache, host, parsed.options));
    return modes.get(importer);
  };
  const resolver = createTypeScriptResolver(ts, parsed.options, host, modeOf);
  const matcher = new Matcher(new RuleIndex(loaded.ruleSet), resolver, pathAliasesOf(parsed.options));
  return {
    ok: true,
    project: {
      ts,
      root: toPosix(path.dirname(configFile)),
      configFile,
      options: parsed.options,
      fileNames: parsed.fileNames.map(toPosix).filter((f) => !f.includes("/node_modules/")),
      ruleSet: loaded.ruleSet,
      matcher,
      fs,
      resolve: (specifier, importer, use) => resolver.resolve(specifier, importer, use),
      formatOf: modeOf,
    },
  };
}

/** The project's `typescript` when it has one (the version its build runs), else the one beside this package. */
function typescriptFor(dir: string): typeof TS {
  try {
    const fromProject = createRequire(path.join(dir, "package.json")).resolve("typescript");
    return require(fromProject) as typeof TS;
  } catch {
    return require("typescript") as typeof TS;
  }
}

/** Our entry in `compilerOptions.plugins`, extended configs included. */
export function pluginEntryOf(options: TS.CompilerOptions): PluginConfig | undefined {
  const plugins = (options.plugins ?? []) as unknown as PluginConfig[];
  return plugins.find((p) => typeof p.transform === "string" && PLUGIN_TRANSFORMS.test(p.transform));
}

function fromTsDiagnostic(ts: typeof TS, d: TS.Diagnostic, fallbackFile: string): SsotDiagnostic {
  const position = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
  return {
    severity: "error",
    file: d.file ? toPosix(d.file.fileName) : fallbackFile,
    line: (position?.line ?? 0) + 1,
    column: (position?.character ?? 0) + 1,
    message: ts.flattenDiagnosticMessageText(d.messageText, " "),
  };
}
