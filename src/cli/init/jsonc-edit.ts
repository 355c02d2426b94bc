import { applyEdits, createScanner, SyntaxKind, type Edit, type Node } from "jsonc-parser";

/**
 * Insertions into a JSONC document (tsconfig.json, the rules file) that leave every byte outside the inserted
 * text as it was. jsonc-parser's `modify` with formatting options re-formats each whole line an edit touches,
 * which would rewrite a user's odd spacing or move a comment; without them it inserts unformatted text. So the
 * placement is decided here: a new member goes on its own line, indented like its last sibling, when the
 * container is laid out one member per line, and inline when the container sits on one line.
 */

export interface JsonLayout {
  eol: string;
  /** One level of indentation, as the document writes it. */
  indentUnit: string;
}

export function layoutOf(text: string): JsonLayout {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const indents = [...text.matchAll(/\n([ \t]+)\S/g)].map((m) => m[1]);
  const tabbed = indents.some((indent) => indent.startsWith("\t"));
  const spaces = indents.filter((indent) => /^ +$/.test(indent)).map((indent) => indent.length);
  const indentUnit = tabbed ? "\t" : " ".repeat(spaces.length > 0 ? Math.min(...spaces) : 2);
  return { eol, indentUnit };
}

/** `{ "a": 1, "b": [true] }`: how a small value is written inline. */
export function inlineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([key, v]) => `${JSON.stringify(key)}: ${inlineJson(v)}`);
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
  }
  return JSON.stringify(value);
}

/** Adds `member` (`"key": value` in an object, a value in an array) after the container's last member. */
export function appendMember(text: string, container: Node, member: string, layout: JsonLayout): Edit[] {
  const members = container.children ?? [];
  const last = members[members.length - 1];
  if (!last) return fillEmpty(text, container, member, layout);
  const lastEnd = last.offset + last.length;
  const after = scanLineAfter(text, lastEnd);
  const comma: Edit[] = after.commaEnd === undefined ? [{ offset: lastEnd, length: 0, content: "," }] : [];
  if (after.lineBreak === undefined) {
    // The container continues on this line (`{ "a": 1 }`): the new member joins it there.
    return [...comma, { offset: after.commaEnd ?? lastEnd, length: 0, content: ` ${member}` }];
  }
  // After a comment that ends the last member's line, so the comment stays with the member it was written for.
  return [...comma, { offset: after.lineBreak, length: 0, content: `${layout.eol}${indentOfLine(text, last.offset)}${member}` }];
}

/** Adds `property` as the first property of an object (where `extends` conventionally sits). */
export function prependProperty(text: string, object: Node, property: string, layout: JsonLayout): Edit[] {
  const first = object.children?.[0];
  if (!first) return fillEmpty(text, object, property, layout);
  const afterBrace = scanLineAfter(text, object.offset + 1);
  if (afterBrace.lineBreak === undefined) return [{ offset: object.offset + 1, length: 0, content: `${property}, ` }];
  return [{ offset: afterBrace.lineBreak, length: 0, content: `${layout.eol}${indentOfLine(text, first.offset)}${property},` }];
}

/** Replaces a value (its exact range) with new text. */
export function replaceValue(node: Node, content: string): Edit[] {
  return [{ offset: node.offset, length: node.length, content }];
}

export { applyEdits };

const BOM = "\uFEFF";

export function withoutBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(BOM.length) : text;
}

/** A byte-order mark (or "") and the text after it: JSON parsers read the mark as a stray character. */
export function splitBom(text: string): [bom: string, body: string] {
  const body = withoutBom(text);
  return [text.slice(0, text.length - body.length), body];
}

/** `{}` or `[]`, possibly with whitespace or comments inside. */
function fillEmpty(text: string, container: Node, member: string, layout: JsonLayout): Edit[] {
  const open = container.offset + 1;
  const close = container.offset + container.length - 1;
  const inside = text.slice(open, close);
  if (container.type === "array") return [{ offset: open, length: 0, content: member }];
  const outer = indentOfLine(text, container.offset);
  if (/^\s*$/.test(inside)) {
    return [{ offset: open, length: inside.length, content: `${layout.eol}${outer}${layout.indentUnit}${member}${layout.eol}${outer}` }];
  }
  // Only comments inside: the member goes first and the comments stay below it.
  return [{ offset: open, length: 0, content: `${layout.eol}${outer}${layout.indentUnit}${member}` }];
}

/**
 * What follows `offset` on its line: the end of a comma if one comes first, and the position of the line break
 * if only comments lie between (undefined when another token comes first, i.e. the container continues inline).
 */
function scanLineAfter(text: string, offset: number): { commaEnd?: number; lineBreak?: number } {
  const scanner = createScanner(text, false);
  scanner.setPosition(offset);
  let commaEnd: number | undefined;
  for (;;) {
    const kind = scanner.scan();
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) continue;
    if (kind === SyntaxKind.CommaToken && commaEnd === undefined) {
      commaEnd = scanner.getTokenOffset() + scanner.getTokenLength();
      continue;
    }
    if (kind === SyntaxKind.LineBreakTrivia) return { commaEnd, lineBreak: scanner.getTokenOffset() };
    if (kind === SyntaxKind.EOF) return { commaEnd, lineBreak: text.length };
    return { commaEnd };
  }
}

/** The whitespace that starts the line holding `offset`. */
function indentOfLine(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}
