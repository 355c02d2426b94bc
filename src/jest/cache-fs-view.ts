/** Sources the core may rewrite; Jest's cacheFS also holds JSON, snapshots and node_modules files, left alone. */
const REWRITABLE = /\.[cm]?[jt]sx?$/;

/**
 * Jest hands every transformer `cacheFS`, the texts its runtime has read, and ts-jest's type checker reads
 * imported files (and, on a file's first compile, the file itself) from there rather than from the text it is
 * given. So the wrapped transformer gets this view of it, in which a file with deprecated imports reads as the
 * text Jest runs; Jest's own map is left as Jest wrote it.
 */
export class RewrittenCacheFS {
  /** The texts of files passed through the transformer, which a view must serve even if Jest has not cached them. */
  private readonly processed = new Map<string, string>();
  private readonly views = new WeakMap<Map<string, string>, Map<string, string>>();

  constructor(private readonly rewrite: (file: string, text: string) => string) {}

  remember(file: string, original: string, rewritten: string): void {
    if (rewritten !== original) this.processed.set(file, rewritten);
    else this.processed.delete(file);
  }

  viewOf(cacheFS: Map<string, string> | undefined): Map<string, string> | undefined {
    if (!cacheFS) return cacheFS;
    let view = this.views.get(cacheFS);
    if (!view) {
      view = this.createView(cacheFS);
      this.views.set(cacheFS, view);
    }
    return view;
  }

  private createView(cacheFS: Map<string, string>): Map<string, string> {
    const read = (file: string): string | undefined => {
      const processed = this.processed.get(file);
      if (processed !== undefined) return processed;
      const text = cacheFS.get(file);
      if (text === undefined || !REWRITABLE.test(file) || /[\\/]node_modules[\\/]/.test(file)) return text;
      try {
        return this.rewrite(file, text);
      } catch {
        // That file's own transform reports why; as an import seen by the type checker it stays as written.
        return text;
      }
    };
    const view = {
      get: read,
      has: (file: string) => this.processed.has(file) || cacheFS.has(file),
      set: (file: string, text: string) => {
        cacheFS.set(file, text);
        return view;
      },
      delete: (file: string) => cacheFS.delete(file),
      get size() {
        return cacheFS.size;
      },
    };
    return view as unknown as Map<string, string>;
  }
}
