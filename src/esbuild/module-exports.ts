import * as fs from "node:fs";
import type { PluginBuild } from "esbuild";

export interface RuntimeExports {
  /** Names that exist at run time, as esbuild itself sees them. */
  values: Set<string>;
  /**
   * True for an ES module, whose `values` are all there is. A CommonJS module's exports are only known at run
   * time (`values` is empty), so a name missing from `values` may still exist.
   */
  exact: boolean;
  /** The module's text, to tell a type-only export (erased) from a missing one. */
  text: string;
}

/**
 * What a target module exports at run time, asked of esbuild (a metafile of a one-file build), cached by
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
    const cached = this.cache.get(file);
    if (cached && this.current.has(file)) return cached.exports;
    const mtimeMs = fs.statSync(file).mtimeMs;
    this.current.add(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached.exports;
    const exports = this.probe(file);
    this.cache.set(file, { mtimeMs, exports });
    // A failed probe is not remembered: the next build asks again.
    exports.catch(() => {
      this.cache.delete(file);
      this.current.delete(file);
    });
    return exports;
  }

  private async probe(file: string): Promise<RuntimeExports> {
    const text = fs.readFileSync(file, "utf8");
    const result = await this.build.esbuild.build({
      entryPoints: [file],
      bundle: /export\s*\*/.test(text),
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
    const output = Object.values(result.metafile!.outputs).find((o) => o.entryPoint !== undefined);
    const format = output?.entryPoint === undefined ? undefined : result.metafile!.inputs[output.entryPoint]?.format;
    return { values: new Set(output?.exports ?? []), exact: format === "esm", text };
  }
}

/** Declared as a type (interface, type alias, `export type {…}`): erased at run time, so nothing to re-export. */
export function isTypeOnlyExport(text: string, name: string): boolean {
  const escaped = name.replace(/[$]/g, "\\$");
  return new RegExp(`\\b(?:interface|type)\\s+${escaped}\\b|export\\s+type\\s*\\{[^}]*\\b${escaped}\\b`).test(text);
}
