import * as path from "node:path";

/**
 * Whether a file is one of the build's entry points, written as Vite's options take them: a path with or
 * without its extension, or a folder for its index. An entry point is built as it is, never replaced.
 */
export function entryPointTest(entries: readonly string[]): (file: string) => boolean {
  const written = new Set(entries.map((entry) => path.resolve(entry)));
  return (file) => {
    const resolved = path.resolve(file);
    const bare = resolved.slice(0, resolved.length - path.extname(resolved).length);
    return written.has(resolved) || written.has(bare) || (path.basename(bare) === "index" && written.has(path.dirname(bare)));
  };
}
