import * as fs from "node:fs";
import type { PluginBuild } from "esbuild";
import type { RuntimeExports } from "../facade/runtime-exports";

/** `export * from`: the module's exports include another module's, which only a bundled probe sees. */
const REEXPORTS_ALL = /export\s*\*/;

/**
 * What a target module exports at run time, asked of esbuild (the metafile of a build of it), cached by
 * modification time across rebuilds. `export *` needs the re-exported files too, so only then is it bundled.
 */
export class ExportsCache {
  private readonly cache = new Map<string, { mtimeMs: number; exports: Promise<RuntimeExports> }>();
  /** Files already checked for changes in this build: hundreds of importers ask about the same few targets. */
  private readonly current = new Set<string>();

  constructor(private readonly build: PluginBuild) {}

  /** A new build: every file may have changed since the last. */
  newBuild(): void {
    this.current.clear();
  }

  /** Cached as a promise: a prefetch at build start and the facade that needs the answer share one probe. */
  of(file: string): Promise<RuntimeExports> {
    const cached = this.valid(file);
    if (cached) return cached.exports;
    const source = readSource(file);
    return this.remember(source, this.probeOne(source));
  }

  /**
   * Asks about several files in one probe build instead of one build each (every build has a fixed cost on
   * esbuild's side): the prefetch at build start names every target of the rules at once. A file with
   * `export *` is probed alone, bundled, so that the others' imports are not followed.
   */
  prefetch(files: Iterable<string>): void {
    const wanted = [...new Set(files)].filter((file) => !this.valid(file)).map(readSource);
    const batched = wanted.filter(({ text }) => !REEXPORTS_ALL.test(text));
    for (const source of wanted) if (REEXPORTS_ALL.test(source.text)) this.remember(source, this.probeOne(source));
    if (batched.length === 0) return;
    const batch = this.probe(batched, false);
    // A file esbuild cannot read fails the whole batch: then each is asked alone, so only that one fails.
    batched.forEach((source, i) => this.remember(source, batch.then((all) => all[i], () => this.probeOne(source))));
  }

  /** The cached answer if the file has not changed since it was asked; checked once per build. */
  private valid(file: string): { mtimeMs: number; exports: Promise<RuntimeExports> } | undefined {
    const cached = this.cache.get(file);
    if (cached && this.current.has(file)) return cached;
    this.current.add(file);
    return cached && cached.mtimeMs === fs.statSync(file).mtimeMs ? cached : undefined;
  }

  private remember({ file, mtimeMs }: Source, exports: Promise<RuntimeExports>): Promise<RuntimeExports> {
    this.cache.set(file, { mtimeMs, exports });
    this.current.add(file);
    // A failed probe is not remembered: the next build asks again.
    exports.catch(() => {
      this.cache.delete(file);
      this.current.delete(file);
    });
    return exports;
  }

  private probeOne(source: Source): Promise<RuntimeExports> {
    return this.probe([source], REEXPORTS_ALL.test(source.text)).then(([exports]) => exports);
  }

  /** One esbuild build with each file an entry point named by its position; `bundle` to follow `export *`. */
  private async probe(sources: readonly Source[], bundle: boolean): Promise<RuntimeExports[]> {
    const result = await this.build.esbuild.build({
      entryPoints: Object.fromEntries(sources.map(({ file }, i) => [`probe${i}`, file])),
      bundle,
      packages: "external",
      write: false,
      metafile: true,
      format: "esm",
      platform: this.build.initialOptions.platform,
      tsconfig: this.build.initialOptions.tsconfig,
      // A relative `tsconfig` is relative to the build's working directory, not to this process's.
      absWorkingDir: this.build.initialOptions.absWorkingDir,
      logLevel: "silent",
      outdir: "/ssot-imports-exports-probe",
    });
    const { inputs, outputs } = result.metafile!;
    return sources.map(({ text }, i) => {
      const output = Object.entries(outputs).find(([name, o]) => o.entryPoint !== undefined && name.endsWith(`/probe${i}.js`))?.[1];
      const format = output?.entryPoint === undefined ? undefined : inputs[output.entryPoint]?.format;
      return { values: new Set(output?.exports ?? []), exact: format === "esm", text };
    });
  }
}

interface Source {
  file: string;
  mtimeMs: number;
  text: string;
}

/** Stat before read: an edit after the stat makes the cached answer stale at the next build, not kept. */
function readSource(file: string): Source {
  const { mtimeMs } = fs.statSync(file);
  return { file, mtimeMs, text: fs.readFileSync(file, "utf8") };
}
