/**
 * A unified diff (`diff -u`, `git diff` style) of one file, so `migrate` without `--write` can be reviewed or
 * piped into `git apply`. Myers' O(ND) algorithm: codemod edits touch few lines, so D stays small.
 */
export function unifiedDiff(oldPath: string, newPath: string, before: string, after: string, context = 3): string {
  if (before === after) return "";
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  const out = [`--- a/${oldPath}\n`, `+++ b/${newPath}\n`];
  for (const hunk of hunks(ops, context)) {
    const oldCount = hunk.filter((op) => op.kind !== "insert").length;
    const newCount = hunk.filter((op) => op.kind !== "delete").length;
    const first = hunk[0];
    const oldStart = oldCount === 0 ? first.oldIndex : first.oldIndex + 1;
    const newStart = newCount === 0 ? first.newIndex : first.newIndex + 1;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n`);
    for (const op of hunk) {
      const line = op.kind === "insert" ? b[op.newIndex] : a[op.oldIndex];
      const prefix = op.kind === "insert" ? "+" : op.kind === "delete" ? "-" : " ";
      // A CRLF line keeps its \r, as git diff prints it, so the patch applies to the file as it is.
      out.push(prefix + line.replace(/\n$/, "") + "\n");
      if (!line.endsWith("\n")) out.push("\\ No newline at end of file\n");
    }
  }
  return out.join("");
}

interface Op {
  kind: "equal" | "delete" | "insert";
  oldIndex: number;
  newIndex: number;
}

/** Lines with their terminators, so a changed line ending is a changed line. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from the end to recover the edit script.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) ops.push({ kind: "equal", oldIndex: --x, newIndex: --y });
    if (d === 0) break;
    if (x === prevX) ops.push({ kind: "insert", oldIndex: x, newIndex: --y });
    else ops.push({ kind: "delete", oldIndex: --x, newIndex: y });
  }
  return ops.reverse();
}

/** Changes with `context` equal lines around them; changes closer than twice the context share a hunk. */
function hunks(ops: readonly Op[], context: number): Op[][] {
  const result: Op[][] = [];
  let current: Op[] | undefined;
  let lastChange = -Infinity;
  ops.forEach((op, i) => {
    if (op.kind === "equal") return;
    if (current && i - lastChange <= 2 * context + 1) {
      current.push(...ops.slice(lastChange + 1, i + 1));
    } else {
      if (current) current.push(...ops.slice(lastChange + 1, lastChange + 1 + context).filter((o) => o.kind === "equal"));
      current = ops.slice(Math.max(0, i - context), i + 1);
      result.push(current);
    }
    lastChange = i;
  });
  if (current) current.push(...ops.slice(lastChange + 1, lastChange + 1 + context));
  return result;
}
