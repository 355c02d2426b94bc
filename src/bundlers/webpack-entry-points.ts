import * as path from "node:path";

/** webpack's normalised `entry` option: per entry name, its requests; or a function (a dynamic entry). */
type NormalizedEntry = Record<string, { import?: readonly string[] } | undefined> | (() => unknown);

/**
 * The build's entry points as absolute paths, as webpack's options write them (requests relative to `context`,
 * with or without extension), for the load plan (load-plan.ts: an entry point is built as it is). Undefined when
 * they cannot be known before the build runs (a dynamic entry): then nothing is served at load.
 */
export function webpackEntryPoints(options: { context?: string; entry?: unknown }): string[] | undefined {
  const entry = options.entry as NormalizedEntry | undefined;
  if (!entry || typeof entry === "function") return undefined;
  const context = options.context ?? process.cwd();
  // An entry through inline loaders (`!`) names its file in a way not read here: nothing is served at load then.
  const requests = Object.values(entry).flatMap((description) => description?.import ?? []);
  if (requests.some((request) => request.includes("!"))) return undefined;
  return requests.map((request) => path.resolve(context, request.split("?")[0]));
}
