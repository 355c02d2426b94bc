import { createHash } from "node:crypto";
import * as path from "node:path";
import type * as TS from "typescript";
import type { SsotDiagnostic } from "../diagnostic";
import { declarationFacade, type ModuleExportKinds } from "../facade/declaration-facade";
import type { RuleIndex } from "../rules/targets";
import type { ModuleRef, Rule } from "../rules/types";
import { toPosix } from "../rules/module-paths";
import { collectExports } from "../scan/exports";

/** A facade's name says what it is, so every location that names one can be recognised without a lookup. */
const FACADE_FILE = /\.ssot-facade-[0-9a-f]{10}\.d\.[cm]?ts$/;

export function isFacadeFile(file: string | undefined): boolean {
  return file !== undefined && FACADE_FILE.test(file);
}

/**
 * Facade texts by path, for the whole tsserver process. A path is named by the hash of its text, so it always
 * means one text: projects can share facades, and a rules edit that changes a facade makes a new file rather
 * than one whose content tsserver would have to be told about.
 */
const served = new Map<string, string>();
const servingHosts = new WeakSet<object>();

/**
 * tsserver keeps a ScriptInfo for every file of a program, made from its host's file system, and many requests
 * assume one exists. So the facades are answered by that host too: they exist, read as their text, and are
 * never watched. Every other path goes to the host as before.
 */
export function serveFacadesFrom(host: TS.server.ServerHost): void {
  if (servingHosts.has(host)) return;
  servingHosts.add(host);
  const { fileExists, readFile, watchFile } = host;
  host.fileExists = (file) => served.has(toPosix(file)) || fileExists.call(host, file);
  host.readFile = (file, encoding) => served.get(toPosix(file)) ?? readFile.call(host, file, encoding);
  host.watchFile = (file, callback, interval, options) =>
    served.has(toPosix(file)) ? { close() {} } : watchFile.call(host, file, callback, interval, options);
}

export interface Facade {
  file: string;
  /** The module it stands for (the rule's target), where a definition of the facade itself lands. */
  targetFile?: string;
  extension: TS.Extension;
  /** The facade's own imports of path modules, resolved here: nothing of the project's resolution may reroute them. */
  imports: ReadonlyMap<string, TS.ResolvedModuleFull>;
  errors: SsotDiagnostic[];
}

/** The facades of one rule set, made on first use. */
export class Facades {
  private readonly byRule = new Map<Rule, Facade>();

  constructor(
    private readonly ts: typeof TS,
    private readonly index: RuleIndex,
    private readonly readFile: (file: string) => string | undefined,
  ) {}

  forRule(rule: Rule): Facade {
    let facade = this.byRule.get(rule);
    if (!facade) this.byRule.set(rule, (facade = this.make(rule)));
    return facade;
  }

  /** Every facade made so far, for their errors. */
  made(): Facade[] {
    return [...this.byRule.values()];
  }

  private make(rule: Rule): Facade {
    const { index } = this;
    const target = index.moduleTarget(rule);
    // Beside the target: the facade then loads as the target does (package.json "type", .mts/.cts).
    const dir = target.kind === "path" && target.file ? path.posix.dirname(target.file) : index.ruleSet.baseDir;
    const imports = new Map<string, TS.ResolvedModuleFull>();
    const specifierOf = (module: ModuleRef): string => {
      if (module.kind === "bare") return module.written;
      const file = module.file ?? module.key;
      const relative = path.posix.relative(dir, outputNameOf(file));
      const specifier = relative.startsWith(".") ? relative : `./${relative}`;
      if (module.file) {
        imports.set(specifier, {
          resolvedFileName: module.file,
          extension: extensionOf(module.file) as TS.Extension,
          isExternalLibraryImport: module.file.includes("/node_modules/"),
        });
      }
      return specifier;
    };
    const header = `// ssot-imports: ${rule.label}`;
    const { text, errors } = declarationFacade(rule, { ruleSet: index.ruleSet, index, header, specifierOf, exportsOf: (m) => this.exportsOf(m) });
    const extension = declarationExtensionOf(target.kind === "path" ? target.file : undefined);
    const hash = createHash("sha1").update(`${rule.from.key}\0${text}`).digest("hex").slice(0, 10);
    const file = `${dir}/${path.posix.basename(rule.from.key)}.ssot-facade-${hash}${extension}`;
    served.set(file, text);
    return { file, targetFile: target.kind === "path" ? target.file : undefined, extension: extension as TS.Extension, imports, errors };
  }

  /**
   * What a module exports, from its syntax: enough to re-export `default` and to tell a mistyped rename. A
   * module whose syntax is not conclusive (`export *`, `export =`, JavaScript) is unknown: nothing is reported.
   * Syntax cannot tell a type from a value (a class is both; an alias may be either), so every name is a
   * value: the facade is a `.d.ts`, where a plain re-export serves a type too.
   */
  private exportsOf(module: ModuleRef): ModuleExportKinds | undefined {
    if (module.kind !== "path" || !module.file) return undefined;
    if (/\.[cm]?jsx?$/.test(module.file)) return undefined;
    const text = this.readFile(module.file);
    if (text === undefined) return undefined;
    const exports = collectExports(this.ts, this.ts.createSourceFile(module.file, text, this.ts.ScriptTarget.Latest, false));
    if (exports.starSpecifiers.length > 0 || exports.names.has("export=")) return undefined;
    return new Map([...exports.names].map((name) => [name, "value" as const]));
  }
}

/** TypeScript's `Extension` of a file: the longest known ending. */
function extensionOf(file: string): string {
  return /\.d\.[cm]?ts$|\.[cm]?[jt]sx?$|\.json$/.exec(file)?.[0] ?? ".ts";
}

/** What an import of a module's emitted file is called: the `.js` name TypeScript maps back to the source. */
function outputNameOf(file: string): string {
  const match = /(\.d)?\.([cm]?)[jt]sx?$/.exec(file);
  return match ? `${file.slice(0, match.index)}.${match[2]}js` : `${file}.js`;
}

function declarationExtensionOf(targetFile: string | undefined): string {
  if (targetFile && /\.[m][jt]s$/.test(targetFile)) return ".d.mts";
  if (targetFile && /\.[c][jt]s$/.test(targetFile)) return ".d.cts";
  return ".d.ts";
}
