import * as fs from "node:fs";
import type * as TS from "typescript";
import { findForgottenName, type ExportsName } from "../check/forgotten-names";
import { lineLocator, type SsotDiagnostic } from "../diagnostic";
import type { ActiveRules } from "../esbuild/active-rules";
import { isTypeOnlyExport } from "../facade/runtime-exports";
import type { Rule } from "../rules/types";
import { scanImports } from "../scan/scan-imports";
import { lexSourceImports } from "../scan/lex-imports";
import type { ImportSite } from "../scan/types";
import type { TargetExports } from "./exports-of";
import { SCRIPT } from "./hook-filters";
import { initLexer, lex } from "../esbuild/module-lexer";

/**
 * Names the rules forgot, checked where the bundler resolves an import of a deprecated module: the importer is
 * read from disk (the user's own text, so the error points at the line they wrote) and each site importing that
 * specifier is asked the core's question (src/check/forgotten-names.ts). Otherwise the facade would lack the
 * name, and the bundler would blame the facade in its own words, or, for `ns.name`, `require` and `import()`,
 * warn or say nothing and build `undefined`.
 *
 * As for esbuild's bundles (src/esbuild/checked-rules.ts), only a rule that CAN forget has its importers read:
 * one whose deprecated file exports a value its SSOT module lacks and `symbols` does not map (or whose
 * deprecated file is gone, or unreadable to the lexer, so that nobody can tell). A complete rule costs a cached
 * answer per import; its importers are never read. An importer is read by es-module-lexer when it can, else by
 * the project's TypeScript (a peer dependency; without it, such an importer is not checked: docs/bundlers.md).
 */
export class ForgottenNames {
  /** Per rule: how its SSOT module answers "do you export this name?", or undefined when it cannot forget. */
  private forgetful = new Map<Rule, Promise<ExportsName | undefined>>();
  /** Per importer file: the import sites that may name a deprecated module. */
  private sites = new Map<string, ReadImporter | undefined>();

  constructor(
    private readonly targets: TargetExports,
    private readonly typescript: () => typeof TS | undefined,
  ) {}

  /** A new build, or a file changed under the dev server: the deprecated files, SSOT modules or importers may differ. */
  forget(): void {
    this.forgetful = new Map();
    this.sites = new Map();
  }

  /** Whether `rule` may have forgotten a name, so that its importers must be read where they are resolved. */
  async mayForget(active: ActiveRules, rule: Rule): Promise<boolean> {
    return (await this.exportsNameOf(active, rule)) !== undefined;
  }

  /** The first name `importer`'s imports of `specifier` ask of `rule`'s module that the rule forgot, located in `importer`. */
  async check(active: ActiveRules, rule: Rule, importer: string, specifier: string): Promise<SsotDiagnostic | undefined> {
    const exportsName = await this.exportsNameOf(active, rule);
    if (!exportsName || !SCRIPT.test(importer)) return undefined;
    const read = await this.importSites(active, importer);
    if (!read) return undefined;
    for (const site of read.sites) {
      if (site.specifier.value !== specifier) continue;
      const found = findForgottenName(importer, site, rule, active.matcher.index, exportsName, read.locate);
      if (found) return found;
    }
    return undefined;
  }

  private exportsNameOf(active: ActiveRules, rule: Rule): Promise<ExportsName | undefined> {
    let answer = this.forgetful.get(rule);
    if (!answer) {
      answer = this.exportsNameIfForgetful(active, rule);
      this.forgetful.set(rule, answer);
    }
    return answer;
  }

  private async exportsNameIfForgetful(active: ActiveRules, rule: Rule): Promise<ExportsName | undefined> {
    const { index } = active.matcher;
    const target = index.moduleTarget(rule);
    // A split rule (no module-level `to`) leaves every unlisted name where it is; a package target's exports,
    // or a CommonJS one's, are not known here.
    if (rule.from.kind !== "path" || target.key === rule.from.key || target.kind !== "path" || !target.file) return undefined;
    const after = await this.targets.exportsOf(target).catch(() => undefined);
    if (!after?.exact) return undefined;
    const exportsName: ExportsName = (module, name) => (module.key !== target.key ? undefined : after.values.has(name) || isTypeOnlyExport(after.text, name));
    if (!rule.from.file) return exportsName; // deleted: any name may have been exported there
    const before = await this.targets.exportsOf(rule.from).catch(() => undefined);
    if (!before?.exact) return exportsName;
    const listed = new Set(index.listedNames(rule));
    return [...before.values].some((name) => !listed.has(name) && !after.values.has(name)) ? exportsName : undefined;
  }

  private async importSites(active: ActiveRules, importer: string): Promise<ReadImporter | undefined> {
    if (this.sites.has(importer)) return this.sites.get(importer);
    const read = await readImporter(this.typescript, active, importer);
    this.sites.set(importer, read);
    return read;
  }
}

interface ReadImporter {
  sites: readonly ImportSite[];
  locate: (offset: number) => { line: number; column: number };
}

/**
 * The importer's sites that may name a deprecated module, from its own text. es-module-lexer (already loaded
 * for the facades) reads the common file, whose deprecated imports are all `import … from` / `export … from`;
 * TypeScript's parser (loaded only then) reads a file where the lexer cannot see every use: a namespace
 * object's member reads, `require()`, `import()`, or syntax the lexer misreads.
 */
async function readImporter(typescript: () => typeof TS | undefined, active: ActiveRules, importer: string): Promise<ReadImporter | undefined> {
  let text: string;
  try {
    text = fs.readFileSync(importer, "utf8");
  } catch {
    return undefined; // not a file of its own (a virtual module): nothing the user wrote to point at
  }
  const locate = lineLocator(text);
  const isCandidate = (specifier: string) => active.matcher.specifierMayMatch(specifier);
  const lexed = await lexedSites(text, importer, isCandidate, active.matcher.needles);
  if (lexed && !lexed.some((site) => site.namespace && !site.namespace.members)) return { sites: lexed, locate };
  const ts = typescript();
  if (!ts) return undefined;
  const sourceFile = ts.createSourceFile(importer, text, ts.ScriptTarget.Latest, true);
  return { sites: scanImports(ts, sourceFile, { mockFunctions: active.ruleSet.options.mockFunctions, isCandidate }), locate };
}

async function lexedSites(text: string, file: string, isCandidate: (specifier: string) => boolean, needles: readonly string[]) {
  await initLexer();
  try {
    return lexSourceImports(text, lex(text, file)[0], isCandidate, needles);
  } catch {
    return undefined; // syntax the lexer does not know
  }
}
