import type { RuleIndex } from "../../rules/targets";
import { relativePath } from "../paths";
import type { Violation } from "../scan";
import { deprecatedImportMessage } from "../../messages";

/**
 * GitHub Actions workflow commands: one `::warning` per import, shown on the pull request's diff. Paths are
 * relative to the cwd, which in a workflow is the checkout, where GitHub resolves them.
 */
export function formatGithub(cwd: string, index: RuleIndex, violations: readonly Violation[]): string {
  return violations
    .map((v) => {
      const properties = [`file=${relativePath(cwd, v.file)}`, `line=${v.line}`, `col=${v.column}`, `title=ssot-imports ${v.rule.label}`]
        .map((p) => {
          const eq = p.indexOf("=");
          return p.slice(0, eq + 1) + escapeProperty(p.slice(eq + 1));
        })
        .join(",");
      const unsafe = v.unsafe ? `. Cannot be migrated automatically: ${v.unsafe}` : "";
      return `::warning ${properties}::${escapeData(`${deprecatedImportMessage(v.specifier, v.rule, v.replacement, v.targets)}${unsafe}`)}\n`;
    })
    .join("");
}

/** The escaping GitHub's runner undoes (toolkit's command.ts): without it a newline or `::` ends the command. */
function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
