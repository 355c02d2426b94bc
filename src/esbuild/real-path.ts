import * as fs from "node:fs";
import { toPosix } from "../rules/module-paths";

/** The path esbuild reports for a file (symlinks followed), `/`-separated; undefined when it does not exist. */
export function realPath(file: string): string | undefined {
  try {
    return toPosix(fs.realpathSync.native(file));
  } catch {
    return undefined;
  }
}
