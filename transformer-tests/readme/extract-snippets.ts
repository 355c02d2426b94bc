/**
 * Finds the fenced code blocks of a markdown file and the `<!-- snippet: kind key=value … -->` marker on the line
 * right before each (the convention is described in snippets.test.ts). Parsing only: what a kind means is
 * check-snippet.ts's business.
 */

export interface Snippet {
  /** The markdown file, as given, and the 1-based line of the opening fence: what a problem is reported at. */
  file: string;
  line: number;
  kind: string;
  attributes: Record<string, string>;
  /** The fence's info string (`sh`, `jsonc`, `ts`…). */
  lang: string;
  text: string;
}

export interface MarkdownSnippets {
  snippets: Snippet[];
  /** Fenced blocks with no marker before them. */
  untagged: Array<{ line: number; lang: string }>;
  /** Markers that are not followed by a fence, or that cannot be read: always mistakes. */
  problems: string[];
}

const MARKER = /^\s*<!--\s*snippet:\s*(.*?)\s*-->\s*$/;
const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^`\s]*)/;
const ATTRIBUTE = /([\w-]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?/y;

export function extractSnippets(markdown: string, file: string): MarkdownSnippets {
  const lines = markdown.split(/\r?\n/);
  const result: MarkdownSnippets = { snippets: [], untagged: [], problems: [] };
  let marker: { line: number; body: string } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const markerMatch = MARKER.exec(lines[i]);
    if (markerMatch) {
      if (marker) result.problems.push(`${file}:${marker.line}: snippet marker not followed by a fenced code block`);
      marker = { line: i + 1, body: markerMatch[1] };
      continue;
    }
    const fence = FENCE.exec(lines[i]);
    if (!fence) {
      if (marker && lines[i].trim() !== "") {
        result.problems.push(`${file}:${marker.line}: snippet marker not followed by a fenced code block`);
        marker = undefined;
      }
      continue;
    }
    const [, indent, delimiter, lang] = fence;
    const close = new RegExp(`^\\s*${delimiter[0] === "`" ? "`" : "~"}{${delimiter.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end])) end++;
    const body = lines.slice(i + 1, end).map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()));
    if (marker) {
      const parsed = parseMarker(marker.body);
      if (typeof parsed === "string") result.problems.push(`${file}:${marker.line}: ${parsed}`);
      else result.snippets.push({ file, line: i + 1, lang, text: body.join("\n") + "\n", ...parsed });
    } else {
      result.untagged.push({ line: i + 1, lang });
    }
    marker = undefined;
    i = end;
  }
  if (marker) result.problems.push(`${file}:${marker.line}: snippet marker not followed by a fenced code block`);
  return result;
}

/** `cli fixture=quick-start allow-exit=1 command="npx ssot-imports report"` → kind and attributes ('…' quotes too). */
function parseMarker(body: string): { kind: string; attributes: Record<string, string> } | string {
  const kind = /^[\w-]+/.exec(body)?.[0];
  if (!kind) return `snippet marker without a kind: <!-- snippet: ${body} -->`;
  const attributes: Record<string, string> = {};
  let at = kind.length;
  while (at < body.length) {
    const space = /\s*/y;
    space.lastIndex = at;
    space.exec(body);
    at = space.lastIndex;
    if (at >= body.length) break;
    ATTRIBUTE.lastIndex = at;
    const match = ATTRIBUTE.exec(body);
    if (!match) return `cannot read the snippet marker's attributes at "${body.slice(at)}"`;
    attributes[match[1]] = match[2] ?? match[3] ?? match[4] ?? "";
    at = ATTRIBUTE.lastIndex;
  }
  return { kind, attributes };
}
