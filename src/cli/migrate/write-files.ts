import { randomBytes } from "node:crypto";
import * as nodeFs from "node:fs";
import * as path from "node:path";
import { isEnvironmentError, reasonOf, UsageError } from "../errors";

/** One file to replace: the bytes it was read as (to notice a concurrent edit) and the bytes to write. */
export interface FileWrite {
  file: string;
  /** How messages name the file (relative to the working folder). */
  shown: string;
  original: Uint8Array;
  bytes: Uint8Array;
}

/** The calls the writer makes, injectable so a test can make one of them fail at a chosen moment. */
export type WriterFs = Pick<typeof nodeFs, "realpathSync" | "statSync" | "readFileSync" | "accessSync" | "writeFileSync" | "chmodSync" | "chownSync" | "renameSync" | "rmSync" | "copyFileSync">;

/** A write that could not be done: the user's problem (exit 2), and the message says what was changed. */
export class WriteError extends UsageError {}

interface Staged {
  write: FileWrite;
  /** The file the bytes go to: a symlink's target, so the link stays a link. */
  target: string;
  temp?: string;
}

/**
 * Replaces all files or none. Every new file is first written in full beside its target (same folder, so the
 * swap is a rename on one file system); only when all are staged are they renamed over their targets. A
 * failure while staging leaves every file as it was; a failure while swapping puts back the files already
 * swapped. Symlinks are written through (the link is kept), and each file keeps its mode and owner.
 */
export function writeFiles(writes: readonly FileWrite[], fs: WriterFs = nodeFs): void {
  const staged = resolveTargets(writes, fs);
  for (const s of staged) {
    try {
      checkWritable(s, fs);
    } catch (error) {
      throw asWriteError(error, s, "no file was changed");
    }
  }
  for (const s of staged) {
    try {
      s.temp = stage(s.target, s.write.bytes, fs);
    } catch (error) {
      removeTemps(staged, fs);
      throw asWriteError(error, s, "no file was changed");
    }
  }
  const swapped: Staged[] = [];
  for (const s of staged) {
    try {
      swap(s.temp!, s.target, fs);
      s.temp = undefined;
      swapped.push(s);
    } catch (error) {
      removeTemps(staged, fs);
      const notRestored = restore(swapped, fs);
      const outcome = notRestored.length === 0
        ? `no file was changed${swapped.length > 0 ? ` (${swapped.length} already replaced ${swapped.length === 1 ? "was" : "were"} restored)` : ""}`
        : `these files were changed and could not be restored: ${notRestored.map((r) => r.write.shown).join(", ")}`;
      throw asWriteError(error, s, outcome);
    }
  }
}

function resolveTargets(writes: readonly FileWrite[], fs: WriterFs): Staged[] {
  const byTarget = new Map<string, Staged>();
  for (const write of writes) {
    let target: string;
    try {
      target = fs.realpathSync(write.file);
    } catch (error) {
      throw asWriteError(error, { write, target: write.file }, "no file was changed");
    }
    const other = byTarget.get(target);
    if (!other) byTarget.set(target, { write, target });
    // Two project paths for one file (a symlink and its target) that the rules rewrite differently: no right answer.
    else if (!Buffer.from(other.write.bytes).equals(Buffer.from(write.bytes))) {
      throw new WriteError(`${other.write.shown} and ${write.shown} are the same file (a symlink) and would be rewritten differently; no file was changed`);
    }
  }
  return [...byTarget.values()];
}

/** Before anything is staged: a file edited since it was read, or one marked read-only, stops the whole run. */
function checkWritable({ write, target }: Staged, fs: WriterFs): void {
  if (!Buffer.from(fs.readFileSync(target)).equals(Buffer.from(write.original))) {
    throw new WriteError(`${write.shown} changed while ssot-imports was migrating it; run migrate again; no file was changed`);
  }
  // A rename would replace a read-only file without complaint (and root may write anything): the mode is the user's word.
  const readOnly = (fs.statSync(target).mode & 0o222) === 0 || !canWrite(target, fs);
  if (readOnly) throw new WriteError(`cannot write ${write.shown}: the file is read-only; no file was changed`);
  if (!canWrite(path.dirname(target), fs)) throw new WriteError(`cannot write ${write.shown}: its folder ${path.dirname(target)} is read-only; no file was changed`);
}

function canWrite(file: string, fs: WriterFs): boolean {
  try {
    fs.accessSync(file, nodeFs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function stage(target: string, bytes: Uint8Array, fs: WriterFs): string {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const stat = fs.statSync(target);
  fs.writeFileSync(temp, bytes, { flag: "wx" });
  // Set explicitly: a mode given at creation would be narrowed by the umask.
  fs.chmodSync(temp, stat.mode & 0o7777);
  if (process.getuid?.() === 0 && (stat.uid !== 0 || stat.gid !== 0)) fs.chownSync(temp, stat.uid, stat.gid);
  return temp;
}

/**
 * A rename gives the path a new inode, which would split a file with several hard links: the other names would
 * keep the old text. Such a file is overwritten in place instead (from the staged copy, so the bytes are ready).
 */
function swap(temp: string, target: string, fs: WriterFs): void {
  if (fs.statSync(target).nlink > 1) {
    fs.copyFileSync(temp, target);
    fs.rmSync(temp, { force: true });
  } else fs.renameSync(temp, target);
}

function removeTemps(staged: readonly Staged[], fs: WriterFs): void {
  for (const s of staged) {
    if (s.temp === undefined) continue;
    try {
      fs.rmSync(s.temp, { force: true });
    } catch {
      // Best effort: the message already says what failed; a stray temporary file is named by its .tmp suffix.
    }
    s.temp = undefined;
  }
}

/** Puts the original bytes back into files already swapped; returns those it could not restore. */
function restore(swapped: readonly Staged[], fs: WriterFs): Staged[] {
  const failed: Staged[] = [];
  for (const s of swapped) {
    try {
      swap(stage(s.target, s.write.original, fs), s.target, fs);
    } catch {
      failed.push(s);
    }
  }
  return failed;
}

/** The user's problem (the file system said no) in words; anything else is our defect and stays as it is. */
function asWriteError(error: unknown, failed: Staged, outcome: string): unknown {
  if (!isEnvironmentError(error)) return error;
  const folder = error.path !== undefined && error.path !== failed.target && (error.code === "EACCES" || error.code === "EPERM") ? " (its folder is not writable)" : "";
  return new WriteError(`cannot write ${failed.write.shown}: ${reasonOf(error)}${folder}; ${outcome}`);
}
