import type * as TS from "typescript";
import { rewriteFile, type FileRewrite } from "../core";
import { lineLocator, type SsotDiagnostic } from "../diagnostic";
import type { ExportsName } from "../check/forgotten-names";
import type { Layout } from "../plan/types";
import { extensionPolicyFor } from "./extension-policy";
import type { ProjectUnit } from "./load-project";

export type ProjectFileRewrite =
  /** The file imports no deprecated module (most files stop at the text pre-filter). */
  | { kind: "unchanged" }
  /** The file may import one but does not parse: a recovered tree could place edits anywhere, so nothing is planned. */
  | { kind: "parse-error"; error: SsotDiagnostic }
  | { kind: "planned"; rewrite: FileRewrite };

/**
 * One file of a tsconfig project through the core, with the project's resolution and extension policy: what
 * `ssot-imports migrate` writes and what the Jest transformer hands to the user's transformer. `unit` is the
 * tsconfig (of a solution's members, the one that includes the file) whose matcher and options apply. `text` is
 * without its byte order mark, so offsets, lines and columns are the editor's. `exportsName` lets the planner
 * refuse names the rules forgot (as every build does); `readNote` qualifies a parse error (how the text was decoded).
 */
export function rewriteProjectFile(
  ts: typeof TS,
  unit: Pick<ProjectUnit, "matcher" | "options" | "formatOf">,
  file: string,
  text: string,
  layout: Layout,
  { exportsName, readNote = "" }: { exportsName?: ExportsName; readNote?: string } = {},
): ProjectFileRewrite {
  const { matcher } = unit;
  if (!matcher.fileMayMatch(text)) return { kind: "unchanged" };
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const parseError = firstParseError(sourceFile);
  if (parseError) {
    const { line, column } = lineLocator(text)(parseError.start ?? 0);
    const message = `does not parse${readNote} (${ts.flattenDiagnosticMessageText(parseError.messageText, " ")}); skipped`;
    return { kind: "parse-error", error: { severity: "error", file, line, column, message } };
  }
  const extensions = extensionPolicyFor(ts, unit.options, unit.formatOf(file));
  const rewrite = rewriteFile(ts, matcher, file, text, () => sourceFile, layout, { extensions, exportsName });
  return rewrite ? { kind: "planned", rewrite } : { kind: "unchanged" };
}

function firstParseError(sourceFile: TS.SourceFile): TS.DiagnosticWithLocation | undefined {
  // Not in TypeScript's public types, but stable for a decade and what the tsc adapter relies on too.
  return (sourceFile as { parseDiagnostics?: TS.DiagnosticWithLocation[] }).parseDiagnostics?.[0];
}
