import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Writes through a temporary file in the same folder and a rename, which is atomic on one file system: a
 * crash or a full disk leaves the old file or the new one, never half of each. The file's mode is kept, and a
 * symlink is written through.
 */
export function writeFileAtomic(file: string, text: string): void {
  // Through a symlink to the file it names: the link stays a link.
  file = realPathOf(file);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let mode: number | undefined;
  try {
    mode = fs.statSync(file).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  try {
    fs.writeFileSync(temp, text);
    // Set explicitly: a mode given at creation would be narrowed by the umask.
    if (mode !== undefined) fs.chmodSync(temp, mode);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

function realPathOf(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}
