import { createRequire } from "node:module";
import * as path from "node:path";
import { SsotJestError } from "./errors";

/** The parts of Jest's transformer API we call; Jest's own types stay out of our published declarations. */
export interface InnerTransformer {
  canInstrument?: boolean;
  getCacheKey?(text: string, file: string, options: InnerTransformOptions): string;
  getCacheKeyAsync?(text: string, file: string, options: InnerTransformOptions): Promise<string>;
  process?(text: string, file: string, options: InnerTransformOptions): TransformedSource;
  processAsync?(text: string, file: string, options: InnerTransformOptions): Promise<TransformedSource>;
}

export type TransformedSource = { code: string; map?: unknown } | string;

/** Jest's TransformOptions: we read `config.rootDir` and replace `transformerConfig`; the rest passes through. */
export interface InnerTransformOptions {
  config: { rootDir: string; [key: string]: unknown };
  cacheFS?: Map<string, string>;
  transformerConfig?: unknown;
  [key: string]: unknown;
}

interface TransformerModule extends InnerTransformer {
  createTransformer?(options?: unknown): InnerTransformer | Promise<InnerTransformer>;
}

/**
 * Loads the user's transformer the way Jest would from their config: resolved from Jest's rootDir, built by
 * its `createTransformer` with the options its own `transform` entry would hold. Jest awaits createTransformer,
 * so an asynchronous one is awaited by ours.
 */
export function loadInnerTransformer(name: string, options: unknown, rootDir: string): InnerTransformer | Promise<InnerTransformer> {
  let resolved: string;
  try {
    resolved = createRequire(path.join(rootDir, "package.json")).resolve(name);
  } catch {
    throw new SsotJestError(`ssot-imports/jest: cannot find the transformer "${name}" from ${rootDir}; install it, or name it as Jest's "transform" would`);
  }
  const exported = require(resolved) as TransformerModule & { __esModule?: boolean; default?: TransformerModule };
  // A transpiled ES module's exports sit under `default`, which is where Jest looks too.
  const loaded = exported?.__esModule && exported.default ? exported.default : exported;
  const transformer = typeof loaded?.createTransformer === "function" ? loaded.createTransformer(options) : loaded;
  return transformer instanceof Promise ? transformer.then((t) => checked(t, name)) : checked(transformer, name);
}

function checked(transformer: InnerTransformer | undefined, name: string): InnerTransformer {
  if (!transformer || (typeof transformer.process !== "function" && typeof transformer.processAsync !== "function")) {
    throw new SsotJestError(`ssot-imports/jest: "${name}" is not a Jest transformer (it has no process or processAsync)`);
  }
  return transformer;
}
