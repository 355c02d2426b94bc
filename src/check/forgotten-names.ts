import type { SsotDiagnostic } from "../diagnostic";
import { forgottenNameMessage } from "../messages";
import { askedNames } from "../plan/asked-names";
import type { RuleIndex } from "../rules/targets";
import type { PathModule, Rule } from "../rules/types";
import type { ImportSite } from "../scan/types";

/**
 * Does `module` export `name`? true or false when known; undefined when it cannot be known here (a CommonJS or
 * external module, a file that cannot be read), and then nothing is reported. Each adapter answers with what
 * its host knows (tsc's syntax and checker, esbuild's own export list).
 */
export type ExportsName = (module: PathModule, name: string) => boolean | undefined;

/**
 * The first name an import asks of a deprecated module that its rule sends to a module which does not export
 * it, while the rules' `symbols` do not mention it: rewriting the import would build a program that fails at
 * run time (or, for tsc, one whose error blames a line the user never wrote). Names the rules list are the
 * rules checks' business (they are located in the rules file); unlisted names are located at the importer.
 */
export function findForgottenName(
  file: string,
  site: ImportSite,
  rule: Rule,
  index: RuleIndex,
  exportsName: ExportsName,
  locate: (offset: number) => { line: number; column: number },
): SsotDiagnostic | undefined {
  const listed = new Set(index.listedNames(rule));
  for (const asked of askedNames(site)) {
    if (listed.has(asked.name)) continue;
    const target = index.symbolTarget(rule, asked.name);
    if (!target || target.module.kind !== "path" || !target.module.file) continue;
    // A split rule leaves unlisted names where they were: nothing is rewritten for them.
    if (target.module.key === rule.from.key) continue;
    if (exportsName(target.module, target.name) !== false) continue;
    return {
      severity: "error",
      code: "forgotten-name",
      file,
      ...locate(asked.offset),
      rule: rule.label,
      message: forgottenNameMessage(asked.name, rule, target.module),
    };
  }
  return undefined;
}
