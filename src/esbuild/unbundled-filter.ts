import * as fs from "node:fs";
import * as path from "node:path";
import type { PartialMessage, PluginBuild } from "esbuild";
import { escapeRegExp } from "../match/escape-regexp";
import type { Matcher } from "../match/matcher";
import { isGlob, writtenEntryPoints } from "./entry-points";
import { exactFiles } from "./file-filter";
import { realPath } from "./real-path";

/** Any TypeScript or JavaScript file: the fallback when the files of the build cannot be listed up front. */
const ANY_SOURCE = /\.[cm]?[jt]sx?$/;

/**
 * `bundle: false` loads exactly the entry points, and each onLoad callback is a round trip between Go and
 * JavaScript that costs more than transpiling a small file. So the entry files are read once at set-up, and
 * esbuild's filter names only those that contain a needle of the rules; every other file never reaches
 * JavaScript. A rebuild that finds a newly deprecated import outside that filter says so instead of missing it.
 */
export class UnbundledFilter {
  readonly filter: RegExp;
  private readonly entries: readonly string[] | undefined;
  private readonly covered: ReadonlySet<string>;
  /** Texts of the covered files as read at set-up, so their first load does not read them again. */
  private readonly texts = new Map<string, string>();
  /** Files read since set-up, by modification time, so a rebuild rereads only what changed. */
  private readonly seen = new Map<string, number>();
  /** Files last modified before this were read by the set-up scan (no stat per file needed there). */
  private scannedBefore = -Infinity;
  /** The needles the files were last read for: new rules mean every file must be read again. */
  private needles = "";

  constructor(build: PluginBuild, matcher: Matcher | undefined) {
    const entries = entryFiles(build);
    // Without rules (they failed to load) or without a list of files (globs), every file must be looked at.
    this.entries = matcher ? entries : undefined;
    const covered = new Set<string>();
    if (matcher && entries) {
      this.needles = matcher.needles.join("\0");
      this.scannedBefore = Date.now() - 1;
      const textWithNeedle = needleReader(matcher);
      for (const file of entries) {
        const text = textWithNeedle(file);
        if (text === undefined) continue;
        covered.add(file);
        this.texts.set(file, text);
      }
    }
    this.covered = covered;
    this.filter = this.entries === undefined ? ANY_SOURCE : exactFiles([...covered]);
  }

  /** The text read at set-up, once: later builds must read the file as it is then. */
  takeText(file: string): string | undefined {
    const text = this.texts.get(file);
    this.texts.delete(file);
    return text;
  }

  /** A later build: texts the first build did not take (it stopped early) may be stale, and from other rules. */
  dropTexts(): void {
    this.texts.clear();
  }

  /** Entry files changed since the last look that now import a deprecated module the filter does not cover. */
  uncovered(matcher: Matcher): PartialMessage[] {
    if (!this.entries) return [];
    const needles = matcher.needles.join("\0");
    if (needles !== this.needles) {
      this.seen.clear();
      this.scannedBefore = -Infinity;
      this.needles = needles;
    }
    const textWithNeedle = needleReader(matcher);
    const newly: string[] = [];
    for (const file of this.entries) {
      if (this.covered.has(file)) continue;
      let mtimeMs: number;
      try {
        mtimeMs = fs.statSync(file).mtimeMs;
      } catch {
        continue; // esbuild reports a missing entry point itself
      }
      if (this.seen.get(file) === mtimeMs || (!this.seen.has(file) && mtimeMs < this.scannedBefore)) continue;
      this.seen.set(file, mtimeMs);
      if (textWithNeedle(file) !== undefined) newly.push(file);
    }
    return newly.map((file) => ({
      text: `${file} now imports a module deprecated by the ssot-imports rules, but this esbuild context was set up before it did; restart esbuild (plugin filters are fixed at set-up)`,
    }));
  }
}

/**
 * A file's text if it contains a needle of the rules (Matcher.fileMayMatch), else undefined. One pass of one
 * pattern over the raw bytes (as latin1, one char per byte, so nothing is decoded): UTF-8 decoding every entry
 * file, or a pass per needle, would cost more than reading them. Only a file that matches is decoded. The bytes
 * are read into one reused buffer: a fresh buffer (and a stat) per file was a fifth of the scan.
 */
function needleReader(matcher: Matcher): (file: string) => string | undefined {
  if (matcher.needles.length === 0) return () => undefined;
  const needles = new RegExp(matcher.needles.map((needle) => escapeRegExp(Buffer.from(needle, "utf8").toString("latin1"))).join("|"));
  let buffer = Buffer.allocUnsafe(64 * 1024);
  return (file) => {
    let fd: number;
    try {
      fd = fs.openSync(file, "r");
    } catch {
      return undefined; // esbuild reports a missing entry point itself
    }
    let length = 0;
    try {
      for (;;) {
        if (length === buffer.length) {
          const larger = Buffer.allocUnsafe(buffer.length * 2);
          buffer.copy(larger, 0, 0, length);
          buffer = larger;
        }
        const wanted = buffer.length - length;
        const read = fs.readSync(fd, buffer, length, wanted, null);
        length += read;
        // A regular file gives less than asked only at its end: no further read (a syscall) to see 0 bytes.
        if (read < wanted) break;
      }
    } catch {
      return undefined; // a folder, or a file that vanished: esbuild reports it
    } finally {
      fs.closeSync(fd);
    }
    return needles.test(buffer.toString("latin1", 0, length)) ? buffer.toString("utf8", 0, length) : undefined;
  };
}

/** The entry points as absolute files, or undefined when esbuild expands them itself (globs). */
function entryFiles(build: PluginBuild): string[] | undefined {
  const base = build.initialOptions.absWorkingDir ?? process.cwd();
  const written = writtenEntryPoints(build.initialOptions.entryPoints);
  if (written.some(isGlob)) return undefined;
  // esbuild loads files by their real path; the folders are resolved (few), not every file.
  const realFolders = new Map<string, string>();
  return written.map((e) => {
    // Tools pass thousands of absolute, already normal paths here, and path.normalize (inside resolve and join)
    // took 3 µs a path: 10–25 ms of set-up for 4,000 entry points, before esbuild can start.
    const file = isNormalAbsolute(e) ? e : path.resolve(base, e);
    const folder = path.dirname(file);
    let real = realFolders.get(folder);
    if (real === undefined) {
      real = realPath(folder) ?? folder;
      realFolders.set(folder, real);
    }
    if (real === folder) return file;
    const name = file.slice(folder.length + (folder.endsWith(path.sep) ? 0 : 1));
    return path.sep === "/" ? `${real === "/" ? "" : real}/${name}` : path.join(real, name);
  });
}

/** A path that path.resolve would return unchanged; tested without normalizing it (POSIX only, else asked). */
function isNormalAbsolute(file: string): boolean {
  if (path.sep !== "/") return path.isAbsolute(file) && path.normalize(file) === file;
  return file.startsWith("/") && !/\/\/|\/\.\.?(?:\/|$)|.\/$/.test(file);
}
