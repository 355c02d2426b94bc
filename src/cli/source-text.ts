/**
 * How a source file's bytes became text, so a rewrite can turn its text back into exactly those bytes.
 * `utf8`: valid UTF-8, decoded as such. `bytes`: not valid UTF-8 (Latin-1, Shift-JIS, a stray byte); each byte
 * is read as one character (Latin-1), which maps every byte to a character and back without loss, so the text
 * outside the edited ranges is written back byte for byte. Import statements are ASCII wherever it matters
 * (keywords, punctuation, specifiers), so scanning and planning work unchanged on such text.
 */
export type SourceEncoding = "utf8" | "bytes";

export interface SourceText {
  text: string;
  encoding: SourceEncoding;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function decodeSource(bytes: Uint8Array): SourceText {
  try {
    return { text: utf8.decode(bytes), encoding: "utf8" };
  } catch {
    return { text: Buffer.from(bytes).toString("latin1"), encoding: "bytes" };
  }
}

export function encodeSource(text: string, encoding: SourceEncoding): Buffer {
  return Buffer.from(text, encoding === "utf8" ? "utf8" : "latin1");
}

/**
 * Text that a rewrite may insert into a `bytes` file: only ASCII means the same in every encoding a source file
 * plausibly uses. A non-ASCII name from a rule could not be encoded without knowing the file's encoding.
 */
export function isPortableInsert(text: string): boolean {
  return /^[\x00-\x7f]*$/.test(text);
}
