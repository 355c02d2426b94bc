import * as fs from "node:fs";
import * as path from "node:path";
import { EXIT } from "../errors";
import { printDiagnostics } from "../format/diagnostics";
import { planFacades, type FacadeLayout } from "../facades/facade-layout";
import { facadeCompilerOptions, facadeTsconfig } from "../facades/tsconfig-fragment";
import { writeFacades } from "../facades/write-facades";
import type { Io } from "../io";
import { fromCwd, relativePath } from "../paths";
import { openProject, type ProjectOptions } from "../project-options";
import { writeFileAtomic } from "../write-atomic";

export interface FacadesOptions extends ProjectOptions {
  outDir?: string;
  besideSources?: boolean;
  printTsconfig?: boolean;
  /** `true`: `<out-dir>/tsconfig.json`; a string: that file. */
  writeTsconfig?: boolean | string;
  watch?: boolean;
}

export const DEFAULT_FACADES_DIR = ".ssot-imports";

/**
 * Writes the declaration facades that let a compiler without the plugin (TypeScript 7, plain tsc, an editor)
 * type-check unmigrated imports against the SSOT modules, and the compiler options that find them.
 */
export function runFacades(options: FacadesOptions, io: Io): number {
  const project = openProject(options, io);
  const outDir = options.outDir === undefined ? path.join(project.root, DEFAULT_FACADES_DIR) : fromCwd(io.cwd, options.outDir);
  const layout = planFacades(project, { outDir, besideSources: options.besideSources === true });
  if (layout.errors.length > 0) {
    printDiagnostics(io, layout.errors);
    io.stderr.write(`ssot-imports facades: nothing written (${layout.errors.length} ${layout.errors.length === 1 ? "error" : "errors"})\n`);
    return EXIT.failed;
  }

  const tsconfigFile = options.writeTsconfig === undefined || options.writeTsconfig === false ? undefined : options.writeTsconfig === true ? `${layout.outDir}/tsconfig.json` : fromCwd(io.cwd, options.writeTsconfig);
  const insideOut = tsconfigFile !== undefined && !path.relative(layout.outDir, tsconfigFile).startsWith("..");
  const extra = new Map(tsconfigFile && insideOut ? [[tsconfigFile, facadeTsconfig(project, layout, tsconfigFile)]] : []);
  const summary = writeFacades(layout, extra);
  if (tsconfigFile && !insideOut) {
    const text = facadeTsconfig(project, layout, tsconfigFile);
    if (!fs.existsSync(tsconfigFile) || fs.readFileSync(tsconfigFile, "utf8") !== text) writeFileAtomic(tsconfigFile, text);
  }

  // With --print-tsconfig stdout is the fragment alone, ready to paste or pipe; the summary goes to stderr.
  const report = options.printTsconfig ? io.stderr : io.stdout;
  if (options.printTsconfig) {
    const compilerOptions = facadeCompilerOptions(project, layout, project.root);
    io.stdout.write(JSON.stringify({ compilerOptions }, null, 2) + "\n");
  }
  report.write(summaryLine(layout, summary, io.cwd) + "\n");
  if (tsconfigFile) report.write(`  type-check with: tsc -p ${relativePath(io.cwd, tsconfigFile)} --noEmit\n`);
  if (layout.keptWithoutFacade.length > 0) {
    const n = layout.keptWithoutFacade.length;
    report.write(
      `  ${n} deprecated ${n === 1 ? "module still exists" : "modules still exist"} (${layout.keptWithoutFacade.map((f) => relativePath(io.cwd, f)).join(", ")}): ` +
        `a compiler resolves ${n === 1 ? "its" : "their"} importers to ${n === 1 ? "it" : "them"}, not to a facade; ` +
        `--beside-sources writes ${n === 1 ? "its facade" : "their facades"} next to ${n === 1 ? "it" : "them"} (<name>.ssot-facade.ts, found first through moduleSuffixes)\n`,
    );
  }
  return EXIT.ok;
}

function summaryLine(layout: FacadeLayout, summary: { written: number; unchanged: number; removed: number }, cwd: string): string {
  const facades = layout.files.size;
  const where = relativePath(cwd, layout.facadesDir);
  const beside = layout.beside.length > 0 ? `, ${layout.beside.length} beside sources` : "";
  return `ssot-imports facades: ${facades} ${facades === 1 ? "facade" : "facades"} in ${where}${beside} (${summary.written} written, ${summary.unchanged} unchanged, ${summary.removed} removed)`;
}

/**
 * `--watch`: generates, then again whenever the rules, the tsconfig, or a file in a folder holding a target or a
 * deprecated module changes (a deleted deprecated file turns its beside facade into a mirrored one). Runs until
 * the process ends. An error is printed and the previous facades stay until the next good run.
 */
export function watchFacades(options: FacadesOptions, io: Io): Promise<number> {
  const watchers = new Map<string, fs.FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  const run = () => {
    let status: number;
    try {
      status = runFacades(options, io);
    } catch (error) {
      io.stderr.write(`ssot-imports facades: ${(error as Error).message}\n`);
      status = EXIT.failed;
    }
    watchFolders(options, io, watchers, schedule);
    io.stdout.write(`ssot-imports facades: ${status === EXIT.ok ? "up to date" : "failed"}; watching for changes\n`);
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(run, 100);
  };
  run();
  return new Promise<number>(() => undefined);
}

function watchFolders(options: FacadesOptions, io: Io, watchers: Map<string, fs.FSWatcher>, onChange: () => void): void {
  let folders: Set<string>;
  try {
    const project = openProject(options, io);
    folders = new Set([path.dirname(project.configFile), path.dirname(project.ruleSet.file)]);
    for (const rule of project.ruleSet.rules) {
      for (const module of [rule.from, rule.to, ...[...rule.symbols.values()].map((s) => s.module)]) {
        if (module?.kind === "path") folders.add(path.dirname(module.file ?? module.key));
      }
    }
  } catch {
    return; // a broken config: keep watching what was watched, a fix will trigger a run
  }
  for (const folder of folders) {
    if (watchers.has(folder) || !fs.existsSync(folder)) continue;
    const watcher = fs.watch(folder, (_event, name) => {
      if (name && String(name).startsWith(".ssot-imports")) return;
      onChange();
    });
    watcher.on("error", () => undefined);
    watchers.set(folder, watcher);
  }
}
