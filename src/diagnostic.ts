/**
 * Errors are values until the edge: every layer returns these, and each adapter prints them its own way
 * (TypeScript diagnostics, esbuild messages, CLI lines). Lines and columns are 1-based.
 */
export interface SsotDiagnostic {
  severity: "error" | "warning";
  file: string;
  line: number;
  column: number;
  /** How the rule is named to the user, e.g. `rule 1 (./src/old → ./src/new)`; absent for file-level problems. */
  rule?: string;
  message: string;
  /**
   * What kind of event this is, where a caller must tell them apart: `forgotten-name` is an import asking for a
   * name the rules send to a module that does not export it (a rules mistake, which `verify` fails on).
   */
  code?: "forgotten-name";
}

export function formatDiagnostic(d: SsotDiagnostic): string {
  const where = `${d.file}:${d.line}:${d.column}`;
  const rule = d.rule ? ` [${d.rule}]` : "";
  return `${where} - ${d.severity}${rule}: ${d.message}`;
}

/** Offsets → 1-based line/column; the line table is built once per text, on first use, since locations may be many. */
export function lineLocator(text: string): (offset: number) => { line: number; column: number } {
  let starts: number[] | undefined;
  return (offset) => {
    starts ??= lineStarts(text);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) starts.push(at + 1);
  return starts;
}
