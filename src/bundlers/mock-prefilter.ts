import * as fs from "node:fs";
import { fileOfId } from "./facade-ids";
import type { HookFilters } from "./hook-filters";

/** The part of webpack's input file system this needs (enhanced-resolve's CachedInputFileSystem has it). */
interface InputFileSystem {
  readFileSync?(file: string): Buffer | string;
}

/**
 * webpack tests a transform filter's `code` part only inside unplugin's transform loader, so every script file
 * of a build would pass through one more loader (its text copied into a string, its module's request longer)
 * just to be turned down there. unplugin asks `transformInclude(id)` when it picks a module's loaders: the
 * file's text, read through the compiler's cached input file system, which webpack then reads it from again
 * without touching the disk, decides there. A file that cannot be read is left to the loader, as before.
 */
export function mockCallsMayBeIn(inputFileSystem: InputFileSystem | undefined, filter: () => HookFilters["transform"]): (id: string) => boolean {
  const read = inputFileSystem?.readFileSync ? (file: string) => inputFileSystem.readFileSync!(file) : (file: string) => fs.readFileSync(file);
  return (id) => {
    const { id: ids, code } = filter();
    if (!ids.include.test(id) || ids.exclude.some((pattern) => pattern.test(id))) return false;
    if (!code) return true;
    let text: Buffer | string;
    try {
      text = read(fileOfId(id));
    } catch {
      return true;
    }
    return code.include.test(typeof text === "string" ? text : text.toString("utf8"));
  };
}
