import * as path from "node:path";
import { rewriteProjectFile } from "../project/rewrite-project-file";
import { toPosix } from "../rules/module-paths";
import { diagnosticsError } from "./errors";
import type { RewritingProject } from "./project-cache";

const BOM = "\uFEFF";

/**
 * What Jest runs instead of a file: its text with every deprecated import rewritten as `ssot-imports migrate`
 * would, but each edit on the line it replaces, so stack traces and coverage keep the user's line numbers.
 * A file the core cannot rewrite safely is an error naming each site, never text left on the old module.
 */
export function rewriteSource({ project, exportsName }: RewritingProject, file: string, original: string): string {
  const bom = original.startsWith(BOM) ? BOM : "";
  const text = bom ? original.slice(1) : original;
  const outcome = rewriteProjectFile(project.ts, project, toPosix(path.resolve(file)), text, "same-line", { exportsName });
  if (outcome.kind === "unchanged") return original;
  if (outcome.kind === "parse-error") {
    throw diagnosticsError(`ssot-imports/jest: cannot rewrite the imports of a file that does not parse:`, [outcome.error]);
  }
  const { plan, text: rewritten } = outcome.rewrite;
  if (plan.diagnostics.length > 0) {
    const count = plan.diagnostics.length === 1 ? "an import" : `${plan.diagnostics.length} imports`;
    throw diagnosticsError(`ssot-imports/jest: ${count} of a deprecated module cannot be rewritten safely; migrate ${plan.diagnostics.length === 1 ? "it" : "them"} by hand:`, plan.diagnostics);
  }
  return bom + rewritten;
}

/** Jest asks for a file's cache key and, on a miss, for its transform right after: a few entries suffice. */
const MEMO_SIZE = 16;

/**
 * One rewrite serves both of Jest's calls for a file. Keyed by file, text and project fingerprint, so an edit to
 * either gives a fresh rewrite.
 */
export class RewriteMemo {
  private readonly entries = new Map<string, { text: string; fingerprint: string; result: { ok: true; text: string } | { ok: false; error: unknown } }>();

  rewrite(project: RewritingProject, file: string, text: string): string {
    let entry = this.entries.get(file);
    if (!entry || entry.text !== text || entry.fingerprint !== project.fingerprint) {
      let result: { ok: true; text: string } | { ok: false; error: unknown };
      try {
        result = { ok: true, text: rewriteSource(project, file, text) };
      } catch (error) {
        result = { ok: false, error };
      }
      entry = { text, fingerprint: project.fingerprint, result };
      this.entries.delete(file);
      this.entries.set(file, entry);
      if (this.entries.size > MEMO_SIZE) this.entries.delete(this.entries.keys().next().value!);
    }
    if (!entry.result.ok) throw entry.result.error;
    return entry.result.text;
  }
}
