import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { packageVersion } from "../cli/version";
import type { ExportsName } from "../check/forgotten-names";
import { standaloneExportLookup } from "../project/export-lookup";
import { loadProject, type Project } from "../project/load-project";
import type { ModuleRef, RuleSet } from "../rules/types";
import { diagnosticsError, SsotJestError } from "./errors";
import type { JestTransformerOptions } from "./options";

/** A loaded project and the hash of everything besides a file's own text that decides how it is rewritten. */
export interface RewritingProject {
  project: Project;
  fingerprint: string;
  /** What the SSOT modules export, so names the rules forgot are refused here as in every build. */
  exportsName: ExportsName;
}

interface Loaded {
  configKey: string;
  /** mtime and size of the tsconfig and the rules file when they were read: a change means read them again. */
  stamps: ReadonlyMap<string, string>;
  value: RewritingProject;
}

/**
 * One project per Jest worker, loaded on first use (only then does Jest tell us its rootDir) and loaded again
 * when the tsconfig or the rules file changes, so `jest --watch` follows an edited rules file.
 */
export class ProjectCache {
  private loaded: Loaded | undefined;

  constructor(private readonly options: JestTransformerOptions) {}

  get(rootDir: string): RewritingProject {
    const tsconfig = path.resolve(rootDir, withRootDir(this.options.tsconfig ?? tsJestTsconfig(this.options) ?? "tsconfig.json", rootDir));
    const rules = this.options.rules === undefined ? undefined : path.resolve(rootDir, withRootDir(this.options.rules, rootDir));
    const configKey = `${tsconfig}\0${rules ?? ""}`;
    const current = this.loaded;
    if (current && current.configKey === configKey && [...current.stamps].every(([file, stamp]) => stampOf(file) === stamp)) return current.value;

    const result = loadProject({ project: tsconfig, rules });
    if (!result.ok) {
      const hint = result.kind === "missing" && !this.options.tsconfig ? ` (set "tsconfig" in the ssot-imports/jest options to the tsconfig whose module resolution Jest's imports follow)` : "";
      throw diagnosticsError(`ssot-imports/jest: cannot load the rules${hint}:`, result.errors);
    }
    const project = result.project;
    const inputs = [...new Set([project.configFile, project.ruleSet.file])];
    const stamps = new Map(inputs.map((file) => [file, stampOf(file)]));
    const fingerprint = createHash("sha256")
      .update(`ssot-imports ${packageVersion()}\0`)
      .update(inputs.map((file) => `${file}\0${readInput(file)}`).join("\0"))
      .update(JSON.stringify(resolvedTargets(project.ruleSet)))
      .digest("hex");
    const { exportsName } = standaloneExportLookup(project.ts, project.options, (file) => project.fs.readFile(file));
    this.loaded = { configKey, stamps, value: { project, fingerprint, exportsName } };
    return this.loaded.value;
  }
}

/** ts-jest's own `tsconfig` option when it is a path: the same file then decides types and rewrites. */
function tsJestTsconfig(options: JestTransformerOptions): string | undefined {
  const inner = options.transformerOptions as { tsconfig?: unknown } | undefined;
  return typeof inner?.tsconfig === "string" ? inner.tsconfig : undefined;
}

function withRootDir(file: string, rootDir: string): string {
  return file.replace(/<rootDir>/g, rootDir);
}

function stampOf(file: string): string {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat ? `${stat.mtimeMs}:${stat.size}` : "missing";
}

function readInput(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    throw new SsotJestError(`ssot-imports/jest: cannot read ${file}`);
  }
}

/**
 * The rules as the core applies them: each module resolved to the file it names now. A `to` file created or
 * deleted changes what an import becomes, without any change to the rules file's text.
 */
function resolvedTargets(ruleSet: RuleSet): unknown {
  const moduleOf = (ref: ModuleRef | undefined) => ref && (ref.kind === "path" ? [ref.key, ref.file ?? null] : [ref.key]);
  return {
    mockFunctions: ruleSet.options.mockFunctions,
    rules: ruleSet.rules.map((rule) => ({
      from: moduleOf(rule.from),
      to: moduleOf(rule.to),
      symbols: [...rule.symbols].map(([name, target]) => [name, target.name, moduleOf(target.module)]),
    })),
  };
}
