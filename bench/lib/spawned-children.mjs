// esbuild does its work in a Go child process that it spawns and unrefs; left alone, node exits without reaping
// it, the child is re-parented, and its CPU time and memory are missing from what /usr/bin/time reports for the
// bench's process tree. The build scripts therefore capture every child at spawn (before esbuild is loaded),
// stop esbuild after the build, and await the children: once node has reaped them, wait4() folds their rusage
// into ours (CPU time summed; peak RSS = the larger of node's and Go's).

import * as fs from "node:fs";
import * as path from "node:path";
import { createRequire } from "node:module";

const childProcess = createRequire(import.meta.url)("node:child_process");

/** Every child this process spawns from now on (call it before requiring esbuild). */
export function captureSpawnedChildren() {
  const children = [];
  const spawn = childProcess.spawn;
  childProcess.spawn = (...args) => {
    const child = spawn(...args);
    children.push(child);
    return child;
  };
  return children;
}

/** Stops esbuild's service and waits until each captured child has exited, so node reaps it before exiting. */
export async function reapChildren(children, stopEsbuild) {
  for (const child of children) child.ref(); // keep the event loop alive until the exit event has been seen
  const exited = children.map((child) => (child.exitCode !== null || child.signalCode !== null ? null : new Promise((resolve) => child.once("exit", resolve))));
  await stopEsbuild();
  await Promise.all(exited);
}

/**
 * The entry points of an unbundled build of `cwd`: every source file under its src/, or, with `like`, the files
 * that `like`'s src/ has (the twin's), so that both sides compile the same files. The unmigrated tree also holds
 * the deprecated modules, which no file imports once the plugin has rewritten them; compiled by one side only,
 * they would be counted as the plugin's cost although a user who keeps them pays for them with or without it.
 */
export function unbundledEntries(cwd, like) {
  const src = path.join(cwd, "src");
  if (!like) return sourceFiles(src);
  const likeSrc = path.join(path.resolve(cwd, like), "src");
  return sourceFiles(likeSrc).map((file) => path.join(src, path.relative(likeSrc, file)));
}

/** The TypeScript sources under `dir` (no declaration files). */
export function sourceFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.[cm]?tsx?$/.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) out.push(full);
  }
  return out;
}
