import * as path from "node:path";
import type { ModuleRef } from "../rules/types";

const WRITTEN_EXTENSION = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/**
 * The specifier an importer should write for `target`, in the importer's own style: relative to the importing
 * file for a path module, keeping an extension only where the importer wrote one; bare modules as written.
 */
export function specifierFor(target: ModuleRef, importer: string, written: string): string {
  if (target.kind === "bare") return target.written;
  const writtenExtension = WRITTEN_EXTENSION.exec(written)?.[0];
  const file = target.file ?? target.key;
  const base = target.isFolder && !writtenExtension ? target.key.replace(/\/index$/, "") : target.key;
  let relative = path.posix.relative(path.posix.dirname(importer.replace(/\\/g, "/")), base);
  if (!relative.startsWith("../") && relative !== "..") relative = relative === "" ? "." : `./${relative}`;
  if (!writtenExtension) return relative;
  return relative + extensionInStyle(file, writtenExtension);
}

/** `.ts` written (allowImportingTsExtensions) keeps source extensions; `.js` written means output extensions. */
function extensionInStyle(file: string, writtenExtension: string): string {
  const source = /\.d\.[cm]?ts$/.test(file) ? file.replace(/\.d(\.[cm]?ts)$/, "$1") : file;
  const extension = /\.[^./]+$/.exec(source)?.[0] ?? ".js";
  if (/^\.[cm]?tsx?$/.test(writtenExtension)) return extension;
  switch (extension) {
    case ".mts":
    case ".mjs":
      return ".mjs";
    case ".cts":
    case ".cjs":
      return ".cjs";
    case ".tsx":
    case ".jsx":
      return writtenExtension === ".jsx" ? ".jsx" : ".js";
    default:
      return ".js";
  }
}
