import * as fs from "node:fs";
import * as path from "node:path";
import { lineLocator } from "../../diagnostic";
import { DEFAULT_RULES_FILE, loadRulesText } from "../../rules/load";
import { toPosix, type FileSystem } from "../../rules/module-paths";
import { findUpward, isFile } from "../../project/find-upward";
import { findTsconfig } from "../../project/read-tsconfig";
import { UsageError } from "../errors";
import type { Io } from "../io";
import { relativePath } from "../paths";
import { ConfigError } from "../project-options";
import { detectTools, nextSteps, type PackageInfo } from "./next-steps";
import { inspectTsconfig } from "./inspect-tsconfig";
import { addRule, newRulesDocument, type RuleInput } from "./rules-document";
import { setUpTsconfig } from "./tsconfig-setup";

export interface InitOptions {
  project?: string;
  rules?: string;
  from?: string;
  to?: string;
  symbol?: string[];
  yes?: boolean;
}

/** One file init would write: `before` undefined for a new file. */
export interface FileChange {
  file: string;
  before: string | undefined;
  after: string;
  /** What changes, in words, for the summary. */
  what: string[];
}

export interface InitPlan {
  tsconfig: string;
  rulesFile: string;
  /** Only files whose text changes. */
  changes: FileChange[];
  /** Blocks of lines: the next step for each tool found in package.json. */
  steps: string[][];
  /** What is already in place, said when nothing changes. */
  upToDate: string;
}

const PLUGIN_TRANSFORM = "ssot-imports/tsc";

const disk: FileSystem = {
  fileExists: isFile,
  readFile: (file) => (disk.fileExists(file) ? fs.readFileSync(file, "utf8") : undefined),
};

/**
 * Everything init would do, decided before anything is written: the rules file, the tsconfig edits, the next
 * steps. Reads the project; writes nothing. A user's mistake throws UsageError or ConfigError.
 */
export function planInit(options: InitOptions, io: Io): InitPlan {
  const rule = ruleFromFlags(options, io.cwd);
  const tsconfigFile = locateTsconfig(io.cwd, options.project);
  if (!tsconfigFile) {
    throw new UsageError(
      options.project === undefined
        ? `no tsconfig.json in ${toPosix(io.cwd)} or any folder above it; create one (npx tsc --init) or pass --project`
        : `tsconfig not found: ${toPosix(path.resolve(io.cwd, options.project))}`,
    );
  }
  const tsconfig = inspectTsconfig(tsconfigFile, io.cwd, options.rules === undefined ? undefined : path.resolve(io.cwd, options.rules));
  const projectDir = path.dirname(tsconfigFile);
  const entryRules = tsconfig.pluginEntry?.rules;
  if (Array.isArray(entryRules)) {
    if (rule || options.rules !== undefined) throw new UsageError(`the ssot-imports plugin entry in ${relativePath(io.cwd, tsconfigFile)} holds its rules inline; add the rule there (init sets up rules files)`);
    // Rules inline in the tsconfig are seen by tsc -b and --watch without `extends`: there is nothing to set up.
    return { tsconfig: tsconfigFile, rulesFile: tsconfigFile, changes: [], steps: [], upToDate: `the ssot-imports plugin entry in ${relativePath(io.cwd, tsconfigFile)} holds its rules inline` };
  }
  // With a plugin entry in place, the rules file is the one it reads; --rules may only say the same.
  const entryRulesFile = tsconfig.pluginEntry ? path.resolve(projectDir, typeof entryRules === "string" ? entryRules : DEFAULT_RULES_FILE) : undefined;
  const rulesFile = options.rules !== undefined ? path.resolve(io.cwd, options.rules) : (entryRulesFile ?? path.join(projectDir, DEFAULT_RULES_FILE));
  if (entryRulesFile !== undefined && rulesFile !== entryRulesFile) {
    throw new UsageError(`the ssot-imports plugin entry in ${relativePath(io.cwd, tsconfigFile)} reads ${relativePath(io.cwd, entryRulesFile)}, not ${relativePath(io.cwd, rulesFile)}: set "rules" in that entry, or leave out --rules`);
  }
  const packageJson = findUpward(projectDir, "package.json");
  const packageDir = packageJson ? path.dirname(packageJson) : projectDir;

  const rulesChange = planRulesFile(rulesFile, rule && relativeRule(rule, path.dirname(rulesFile)), schemaReference(path.dirname(rulesFile), packageDir));
  const tsconfigChange = planTsconfig(tsconfig, rulesFile, projectDir);
  const pkg = packageJson ? readPackage(packageJson) : undefined;
  const bundlerDefault = path.join(packageDir, DEFAULT_RULES_FILE);
  return {
    tsconfig: tsconfigFile,
    rulesFile,
    upToDate: `${relativePath(io.cwd, tsconfigFile)} has the ssot-imports plugin entry and extends ${relativePath(io.cwd, rulesFile)}, which exists`,
    changes: [rulesChange, tsconfigChange].filter((c): c is FileChange => c !== undefined),
    steps: nextSteps({
      pkg,
      tools: detectTools(pkg),
      tsconfig: toPosix(path.relative(packageDir, tsconfigFile)),
      rulesOption: rulesFile === bundlerDefault ? undefined : dotRelative(packageDir, rulesFile),
    }),
  };
}

/**
 * The tsconfig init works on: `--project` (a file, or a folder holding tsconfig.json) resolved against the cwd,
 * else the one tsc would pick in the cwd. Undefined when there is none; the caller words the error.
 */
function locateTsconfig(cwd: string, project: string | undefined): string | undefined {
  if (project === undefined) return findTsconfig(cwd);
  const given = path.resolve(cwd, project);
  const file = fs.statSync(given, { throwIfNoEntry: false })?.isDirectory() ? path.join(given, "tsconfig.json") : given;
  return disk.fileExists(file) ? file : undefined;
}

/** `--from`, `--to`, `--symbol old=new` as a rule; paths stay as typed until the rules file's folder is known. */
function ruleFromFlags(options: InitOptions, cwd: string): (RuleInput & { cwd: string }) | undefined {
  const symbols = options.symbol ?? [];
  if (options.from === undefined) {
    if (options.to !== undefined || symbols.length > 0) throw new UsageError(`--to and --symbol describe a rule: give its deprecated module with --from`);
    return undefined;
  }
  if (options.to === undefined) throw new UsageError(`--from needs --to: the module that replaces ${options.from}`);
  const renames: Record<string, string> = {};
  for (const pair of symbols) {
    const match = /^([^=\s]+)=([^=\s]+)$/.exec(pair);
    if (!match) throw new UsageError(`--symbol takes old=new (an export's old name and its new one), not "${pair}"`);
    renames[match[1]] = match[2];
  }
  return { from: options.from, to: options.to, ...(symbols.length > 0 ? { symbols: renames } : {}), cwd };
}

/**
 * A path the user typed from their shell (`./src/old`, `src/old.ts`) is relative to the cwd; the rules file
 * wants it relative to itself. Anything that is neither `./…`, `../…`, absolute, nor an existing file or
 * folder is a bare specifier or path alias and stays as written.
 */
function relativeRule(rule: RuleInput & { cwd: string }, rulesDir: string): RuleInput {
  const place = (specifier: string) => {
    const looksLikePath = /^\.\.?(?:[\\/]|$)/.test(specifier) || path.isAbsolute(specifier) || existsAsModule(path.resolve(rule.cwd, specifier));
    return looksLikePath ? dotRelative(rulesDir, path.resolve(rule.cwd, specifier)) : specifier;
  };
  return { from: place(rule.from), to: place(rule.to!), ...(rule.symbols ? { symbols: rule.symbols } : {}) };
}

const MODULE_EXTENSIONS = ["", ".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs", ".d.ts"];

function existsAsModule(file: string): boolean {
  return MODULE_EXTENSIONS.some((ext) => fs.existsSync(file + ext));
}

function planRulesFile(rulesFile: string, rule: RuleInput | undefined, schema: string): FileChange | undefined {
  const before = disk.readFile(rulesFile);
  let after = before ?? newRulesDocument(schema, rule);
  const what = before === undefined ? [`create it${rule ? ` with the rule ${rule.from} → ${rule.to}` : " with an example rule (commented out)"}`] : [];
  if (before !== undefined && rule) {
    const added = addRule(before, rule);
    if (added.kind === "added") {
      after = added.text;
      what.push(`add the rule ${rule.from} → ${rule.to}`);
    }
  }
  // The file init leaves must load as every build will load it: a `to` that does not exist, a bad symbol name
  // or a broken existing file is reported now, located, and nothing is written.
  const loaded = loadRulesText(toPosix(rulesFile), after, disk);
  if (!loaded.ok) throw new ConfigError(loaded.errors);
  return after === before ? undefined : { file: rulesFile, before, after, what };
}

function planTsconfig(tsconfig: ReturnType<typeof inspectTsconfig>, rulesFile: string, projectDir: string): FileChange | undefined {
  const isDefault = rulesFile === path.join(projectDir, DEFAULT_RULES_FILE);
  const result = setUpTsconfig(tsconfig.text, {
    pluginEntry: tsconfig.pluginEntry ? undefined : { transform: PLUGIN_TRANSFORM, transformProgram: true, ...(isDefault ? {} : { rules: dotRelative(projectDir, rulesFile) }) },
    inheritedPlugins: tsconfig.inheritedPlugins,
    extendsPath: dotRelative(projectDir, rulesFile),
    // TypeScript tries `extends` as written, then with `.json` added; a bare name is a package, never our file.
    namesRulesFile: (entry) =>
      /^\.\.?[\\/]|^[\\/]|^[A-Za-z]:[\\/]/.test(entry) && [entry, `${entry}.json`].some((e) => path.resolve(projectDir, e) === rulesFile),
  });
  if (!result.ok) {
    const at = lineLocator(tsconfig.text)(result.offset);
    throw new ConfigError([{ severity: "error", file: toPosix(tsconfig.file), ...at, message: result.message }]);
  }
  return result.text === tsconfig.text ? undefined : { file: tsconfig.file, before: tsconfig.text, after: result.text, what: result.changes };
}

/** `$schema` relative to the rules file: the installed package's schema, or where `npm install` will put it. */
function schemaReference(rulesDir: string, packageDir: string): string {
  const installed = findUpward(rulesDir, "node_modules/ssot-imports/schema.json");
  return dotRelative(rulesDir, installed ?? path.join(packageDir, "node_modules/ssot-imports/schema.json"));
}

function readPackage(file: string): PackageInfo | undefined {
  try {
    const json = JSON.parse(fs.readFileSync(file, "utf8")) as { dependencies?: object; devDependencies?: object; scripts?: Record<string, string> };
    return {
      dependencies: new Set([...Object.keys(json.dependencies ?? {}), ...Object.keys(json.devDependencies ?? {})]),
      scripts: json.scripts ?? {},
    };
  } catch {
    // A package.json npm cannot read either: no tool is detected, and the generic steps are printed.
    return undefined;
  }
}

/** `./x/y`, `../y`: a path relative to `from` as rules files and tsconfig `extends` write it. */
function dotRelative(from: string, to: string): string {
  const relative = toPosix(path.relative(from, to));
  return relative.startsWith("../") ? relative : `./${relative}`;
}
