/**
 * `ssot-imports/jest`: a Jest transformer that rewrites deprecated imports (mock calls included) with the same
 * core as `ssot-imports migrate`, then hands the text to the project's own transformer:
 *
 *   transform: { "^.+\\.tsx?$": ["ssot-imports/jest", { "transformer": "ts-jest", "transformerOptions": { … } }] }
 */
import { createHash } from "node:crypto";
import { optionsError, SsotJestError } from "./errors";
import { validateJestOptions, type JestTransformerOptions } from "./options";
import { RewrittenCacheFS } from "./cache-fs-view";
import { ProjectCache, type RewritingProject } from "./project-cache";
import { RewriteMemo } from "./rewrite-source";
import { loadInnerTransformer, type InnerTransformer, type InnerTransformOptions, type TransformedSource } from "./wrapped-transformer";

export type { JestTransformerOptions } from "./options";
export type { InnerTransformOptions, TransformedSource } from "./wrapped-transformer";

export interface SsotJestTransformer {
  readonly canInstrument: boolean;
  getCacheKey(text: string, file: string, options: InnerTransformOptions): string;
  getCacheKeyAsync(text: string, file: string, options: InnerTransformOptions): Promise<string>;
  process(text: string, file: string, options: InnerTransformOptions): TransformedSource;
  processAsync(text: string, file: string, options: InnerTransformOptions): Promise<TransformedSource>;
}

/** Jest calls this once per worker with the options of the `transform` entry. */
export function createTransformer(rawOptions?: unknown): SsotJestTransformer {
  const validated = validateJestOptions(rawOptions);
  if (!validated.ok) throw optionsError(validated.problems);
  const options = validated.options;
  const projects = new ProjectCache(options);
  const memo = new RewriteMemo();
  const inner = new InnerSlot(options);
  let currentProject: RewritingProject | undefined;
  const cacheFS = new RewrittenCacheFS((file, text) => (currentProject ? memo.rewrite(currentProject, file, text) : text));

  /** The rewritten text, and the options the wrapped transformer expects (its own config, not ours). */
  const prepare = (text: string, file: string, jestOptions: InnerTransformOptions) => {
    const project = projects.get(jestOptions.config.rootDir);
    currentProject = project;
    const rewritten = memo.rewrite(project, file, text);
    cacheFS.remember(file, text, rewritten);
    const innerOptions = { ...jestOptions, cacheFS: cacheFS.viewOf(jestOptions.cacheFS), transformerConfig: options.transformerOptions ?? {} };
    return { project, rewritten, innerOptions };
  };
  const cacheKey = (fingerprint: string, innerKey: string) =>
    createHash("sha256").update(fingerprint).update("\0").update(options.transformer).update("\0").update(innerKey).digest("hex");
  // Jest keys a transformer without getCacheKey on the text, its config, `instrument` and the file: so do we,
  // with the rewritten text and the wrapped transformer's own options.
  const fallbackKey = (rewritten: string, file: string, innerOptions: InnerTransformOptions) =>
    createHash("sha256")
      .update([rewritten, file, String(innerOptions.configString), JSON.stringify(innerOptions.transformerConfig) ?? "", String(innerOptions.instrument)].join("\0"))
      .digest("hex");

  return {
    get canInstrument() {
      return inner.loadedSync()?.canInstrument === true;
    },
    getCacheKey(text, file, jestOptions) {
      const { project, rewritten, innerOptions } = prepare(text, file, jestOptions);
      const transformer = inner.sync(jestOptions.config.rootDir);
      const innerKey = transformer.getCacheKey?.(rewritten, file, innerOptions) ?? fallbackKey(rewritten, file, innerOptions);
      return cacheKey(project.fingerprint, innerKey);
    },
    async getCacheKeyAsync(text, file, jestOptions) {
      const { project, rewritten, innerOptions } = prepare(text, file, jestOptions);
      const transformer = await inner.async(jestOptions.config.rootDir);
      const innerKey = transformer.getCacheKeyAsync
        ? await transformer.getCacheKeyAsync(rewritten, file, innerOptions)
        : (transformer.getCacheKey?.(rewritten, file, innerOptions) ?? fallbackKey(rewritten, file, innerOptions));
      return cacheKey(project.fingerprint, innerKey);
    },
    process(text, file, jestOptions) {
      const { rewritten, innerOptions } = prepare(text, file, jestOptions);
      const transformer = inner.sync(jestOptions.config.rootDir);
      if (!transformer.process) throw new SsotJestError(`ssot-imports/jest: "${options.transformer}" transforms only asynchronously (ES modules); it cannot serve require()`);
      return transformer.process(rewritten, file, innerOptions);
    },
    async processAsync(text, file, jestOptions) {
      const { rewritten, innerOptions } = prepare(text, file, jestOptions);
      const transformer = await inner.async(jestOptions.config.rootDir);
      return transformer.processAsync ? transformer.processAsync(rewritten, file, innerOptions) : transformer.process!(rewritten, file, innerOptions);
    },
  };
}

/**
 * The wrapped transformer, created on first use: only then does Jest say where its rootDir is, which is where
 * the user's config names it from.
 */
class InnerSlot {
  private value: { rootDir: string; transformer: InnerTransformer | Promise<InnerTransformer> } | undefined;

  constructor(private readonly options: JestTransformerOptions) {}

  loadedSync(): InnerTransformer | undefined {
    const transformer = this.value?.transformer;
    return transformer instanceof Promise ? undefined : transformer;
  }

  async(rootDir: string): Promise<InnerTransformer> {
    return Promise.resolve(this.load(rootDir));
  }

  sync(rootDir: string): InnerTransformer {
    const transformer = this.load(rootDir);
    if (transformer instanceof Promise) {
      throw new SsotJestError(`ssot-imports/jest: "${this.options.transformer}" is created asynchronously, so it can only serve ES modules (processAsync)`);
    }
    return transformer;
  }

  private load(rootDir: string): InnerTransformer | Promise<InnerTransformer> {
    if (this.value?.rootDir !== rootDir) {
      const loading = loadInnerTransformer(this.options.transformer, this.options.transformerOptions, rootDir);
      const slot: { rootDir: string; transformer: InnerTransformer | Promise<InnerTransformer> } = { rootDir, transformer: loading };
      // Once created, an asynchronously created transformer serves require() too.
      if (loading instanceof Promise) void loading.then((created) => (slot.transformer = created), () => undefined);
      this.value = slot;
    }
    return this.value.transformer;
  }
}

/**
 * Jest loads a transformer with Babel's interop: a module marked `__esModule`, as our bundle is, is read from its
 * `default` export.
 */
export default { createTransformer };
