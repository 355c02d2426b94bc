import * as path from "node:path";
import { isPathLike } from "../rules/module-paths";
import type { ModuleRef } from "../rules/types";

const WRITTEN_EXTENSION = /\.(?:[cm]?[jt]s|[jt]sx)$/;
/** `.ts` written (allowImportingTsExtensions): the source's own extension, whatever the output is called. */
const SOURCE_STYLE = /^\.[cm]?tsx?$/;

/** See ExtensionPolicy; `extensionRequired` is its answer for the import at hand. */
export interface SpecifierStyle {
  extensionRequired?: boolean;
  outputExtension?: string;
}

/**
 * The specifier an importer should write for `target`, in the importer's own style: relative to the importing
 * file for a path module, keeping an extension only where the importer wrote one; bare modules as written.
 * An importer that wrote a bare specifier or an alias shows no style: it gets the output's extension where the
 * import requires one.
 */
export function specifierFor(target: ModuleRef, importer: string, written: string, style: SpecifierStyle = {}): string {
  if (target.kind === "bare") return target.written;
  const file = target.file ?? target.key;
  const wanted = WRITTEN_EXTENSION.exec(written)?.[0] ?? (style.extensionRequired && !isPathLike(written) ? ".js" : undefined);
  const extension = wanted === undefined ? "" : style.outputExtension && !SOURCE_STYLE.test(wanted) ? style.outputExtension : extensionInStyle(file, wanted);
  // A folder is imported by its name only where no extension is written: ES module loaders have no folder lookup.
  const base = target.isFolder && !extension ? target.key.replace(/\/index$/, "") : target.key;
  return relativeSpecifier(path.posix.dirname(importer.replace(/\\/g, "/")), base) + extension;
}

/**
 * Every importer in a folder asks for the same few targets: path.posix.relative normalises both paths at each
 * call, ~3% of the node side of a `bundle: false` build of the bench tree (200 importers).
 */
const relativeSpecifiers = new Map<string, string>();

function relativeSpecifier(folder: string, base: string): string {
  // Not absolute to posix (Windows drive paths): the answer depends on the working directory, so not kept.
  if (!folder.startsWith("/") || !base.startsWith("/")) return dotted(path.posix.relative(folder, base));
  const key = `${folder}\0${base}`;
  let specifier = relativeSpecifiers.get(key);
  if (specifier === undefined) {
    specifier = dotted(path.posix.relative(folder, base));
    // A long watch session plans ever new folders; the answers are cheap to make again.
    if (relativeSpecifiers.size >= 10_000) relativeSpecifiers.clear();
    relativeSpecifiers.set(key, specifier);
  }
  return specifier;
}

/** A relative path as an import specifier: `./` unless it climbs. */
function dotted(relative: string): string {
  if (relative.startsWith("../") || relative === "..") return relative;
  return relative === "" ? "." : `./${relative}`;
}

/** `.ts` written (allowImportingTsExtensions) keeps source extensions; `.js` written means output extensions. */
function extensionInStyle(file: string, writtenExtension: string): string {
  const source = /\.d\.[cm]?ts$/.test(file) ? file.replace(/\.d(\.[cm]?ts)$/, "$1") : file;
  const extension = /\.[^./]+$/.exec(source)?.[0] ?? ".js";
  if (SOURCE_STYLE.test(writtenExtension)) return extension;
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
