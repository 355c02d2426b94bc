import * as path from "node:path";
import { isPathLike } from "../rules/module-paths";
import type { ModuleRef } from "../rules/types";
import type { UnwrittenExtension } from "./types";

const WRITTEN_EXTENSION = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/**
 * The specifier an importer should write for `target`, in the importer's own style: relative to the importing
 * file for a path module, keeping an extension only where the importer wrote one; bare modules as written.
 * An importer that wrote a bare specifier or an alias shows no style: `unwritten` says what its setting needs.
 */
export function specifierFor(target: ModuleRef, importer: string, written: string, unwritten?: UnwrittenExtension): string {
  if (target.kind === "bare") return target.written;
  const file = target.file ?? target.key;
  const writtenExtension = WRITTEN_EXTENSION.exec(written)?.[0];
  let extension = writtenExtension ? extensionInStyle(file, writtenExtension) : "";
  if (!writtenExtension && unwritten && !isPathLike(written)) extension = unwritten === "emitted" ? extensionInStyle(file, ".js") : unwritten;
  // A folder is imported by its name only where no extension is written: ES module loaders have no folder lookup.
  const base = target.isFolder && !extension ? target.key.replace(/\/index$/, "") : target.key;
  let relative = path.posix.relative(path.posix.dirname(importer.replace(/\\/g, "/")), base);
  if (!relative.startsWith("../") && relative !== "..") relative = relative === "" ? "." : `./${relative}`;
  return relative + extension;
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
