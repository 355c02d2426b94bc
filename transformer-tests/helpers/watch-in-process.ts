import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import type * as TS from "typescript";
import transformProgram from "../../src/tsc/index";
import { TS_PACKAGE_DIR, type TsVersion } from "./processes";

const require = createRequire(import.meta.url);
const PLUGIN_CONFIG = { transform: "ssot-imports/tsc", transformProgram: true };

/**
 * `tsc --watch` in this process, so a test can read the plugin's work counters (src/work-counts.ts), which live
 * in the process that runs the plugin. The watch program is TypeScript's own (`createWatchProgram` on a config
 * file, emitting and reporting like tsc); the plugin is applied as ts-patch applies a `transformProgram`
 * plugin: to the Program that `createProgram` built inside the builder, with the builder's compiler host.
 * The plugin is the source module, not dist/, so its counters are the ones the test imports.
 *
 * Time and file events are the test's: a file edit calls the watchers tsc registered for it, and `settle()`
 * runs the timers tsc set (its 250 ms debounce), so every rebuild happens exactly when the test says.
 */
export class InProcessWatch {
  readonly ts: typeof TS;
  /** Files written since the last `settle()`, relative to the project, sorted. */
  written: string[] = [];
  /** Diagnostics of the last rebuild, formatted `file(line,col): TSxxxx: message`. */
  diagnostics: string[] = [];
  /** Per Program since the last `settle()`: did the plugin hand back the Program tsc built, or build another? */
  programs: Array<"kept" | "rebuilt"> = [];
  /** The Programs tsc built and handed the plugin since the last `settle()`, held weakly. */
  given: Array<WeakRef<TS.Program>> = [];
  private readonly fileWatchers = new Map<string, Set<TS.FileWatcherCallback>>();
  private readonly directoryWatchers = new Map<string, Set<TS.DirectoryWatcherCallback>>();
  private readonly timers = new Map<number, () => void>();
  private nextTimer = 1;
  private readonly watch: TS.WatchOfConfigFile<TS.EmitAndSemanticDiagnosticsBuilderProgram>;

  constructor(
    readonly dir: string,
    version: TsVersion = "6.0",
  ) {
    const ts: typeof TS = require(TS_PACKAGE_DIR[version]);
    this.ts = ts;
    const sys: TS.System = {
      ...ts.sys,
      write: () => {},
      writeFile: (file, data, bom) => {
        this.written.push(this.relative(file));
        ts.sys.writeFile(file, data, bom);
      },
      watchFile: (file, callback) => this.register(this.fileWatchers, file, callback),
      watchDirectory: (folder, callback) => this.register(this.directoryWatchers, folder, callback),
      setTimeout: (callback, _ms, ...args) => {
        const id = this.nextTimer++;
        this.timers.set(id, () => callback(...args));
        return id;
      },
      clearTimeout: (id) => this.timers.delete(id as number),
    };
    const createProgram: TS.CreateProgram<TS.EmitAndSemanticDiagnosticsBuilderProgram> = (rootNames, options, compilerHost, oldProgram, configDiagnostics, references) => {
      // As ts-patch: a tsconfig without the plugin entry builds as plain tsc does.
      if (!rootNames || !options || !compilerHost || !options.plugins) return ts.createEmitAndSemanticDiagnosticsBuilderProgram(rootNames, options, compilerHost, oldProgram, configDiagnostics, references);
      // What the builder hands createProgram (internal, but what tsc itself passes).
      const previous = (oldProgram as { getProgramOrUndefined?(): TS.Program | undefined } | undefined)?.getProgramOrUndefined?.();
      const program = ts.createProgram({ rootNames, options, host: compilerHost, oldProgram: previous, configFileParsingDiagnostics: configDiagnostics, projectReferences: references });
      const transformed = transformProgram(program, compilerHost, PLUGIN_CONFIG, { ts });
      this.programs.push(transformed === program ? "kept" : "rebuilt");
      this.given.push(new WeakRef(program));
      return ts.createEmitAndSemanticDiagnosticsBuilderProgram(transformed, compilerHost, oldProgram, configDiagnostics);
    };
    const host = ts.createWatchCompilerHost(path.join(dir, "tsconfig.json"), {}, sys, createProgram, (d) => this.diagnostics.push(this.format(d)), () => {});
    this.watch = ts.createWatchProgram(host);
  }

  /** Writes a file (relative to the project) and tells tsc, as its file system watcher would. */
  edit(file: string, text: string): void {
    const full = path.join(this.dir, file);
    const existed = fs.existsSync(full);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    this.notify(full, existed ? this.ts.FileWatcherEventKind.Changed : this.ts.FileWatcherEventKind.Created);
  }

  append(file: string, text: string): void {
    this.edit(file, fs.readFileSync(path.join(this.dir, file), "utf8") + text);
  }

  remove(file: string): void {
    const full = path.join(this.dir, file);
    fs.rmSync(full);
    this.notify(full, this.ts.FileWatcherEventKind.Deleted);
  }

  /** Runs what tsc scheduled (the rebuild) until nothing is left; returns the files written meanwhile. */
  settle(): string[] {
    this.written = [];
    this.diagnostics = [];
    this.programs = [];
    this.given = [];
    for (let rounds = 0; this.timers.size > 0; rounds++) {
      if (rounds > 100) throw new Error("tsc --watch keeps scheduling work");
      const [id, run] = this.timers.entries().next().value!;
      this.timers.delete(id);
      run();
    }
    return this.written.sort();
  }

  read(file: string): string {
    return fs.readFileSync(path.join(this.dir, file), "utf8");
  }

  close(): void {
    this.watch.close();
  }

  private notify(full: string, kind: TS.FileWatcherEventKind): void {
    const key = normalized(full);
    for (const callback of this.fileWatchers.get(key) ?? []) callback(full, kind);
    for (const [folder, callbacks] of this.directoryWatchers) {
      if (key.startsWith(folder + "/")) for (const callback of callbacks) callback(full);
    }
  }

  private register<T>(watchers: Map<string, Set<T>>, file: string, callback: T): TS.FileWatcher {
    const key = normalized(file);
    const set = watchers.get(key) ?? new Set<T>();
    watchers.set(key, set.add(callback));
    return { close: () => set.delete(callback) };
  }

  private relative(file: string): string {
    return path.relative(this.dir, file).split(path.sep).join("/");
  }

  private format(d: TS.Diagnostic): string {
    const message = this.ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file || d.start === undefined) return `TS${d.code}: ${message}`;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${this.relative(d.file.fileName)}(${line + 1},${character + 1}): TS${d.code}: ${message}`;
  }
}

function normalized(file: string): string {
  return path.resolve(file).split(path.sep).join("/").replace(/\/+$/, "");
}
