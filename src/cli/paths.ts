import * as path from "node:path";

/** `/`-separated path of `file` relative to `from`: the form every output uses, on Windows too. */
export function relativePath(from: string, file: string): string {
  const relative = path.relative(from, file).split(path.sep).join("/");
  return relative === "" ? "." : relative;
}

/** Resolves a path the user typed against the CLI's working directory (not necessarily process.cwd()). */
export function fromCwd(cwd: string, file: string): string {
  return path.resolve(cwd, file);
}
