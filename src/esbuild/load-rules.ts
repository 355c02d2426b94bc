import * as fs from "node:fs";
import * as path from "node:path";
import { DEFAULT_RULES_FILE, loadRulesFile, loadRulesText, type LoadResult } from "../rules/load";
import { projectRootFor, type FileSystem } from "../rules/module-paths";
import type { RulesOption } from "../rules/adapter-options";

export const nodeFileSystem: FileSystem = {
  fileExists: (file) => {
    try {
      // Most probes miss (each rule's module is tried with every extension): a miss throws nothing here.
      return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
    } catch {
      return false; // ENOTDIR and the like
    }
  },
  readFile: (file) => {
    try {
      return fs.readFileSync(file, "utf8");
    } catch {
      return undefined;
    }
  },
  directoryExists: (folder) => fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory() ?? false,
};

export interface LoadedRules {
  result: LoadResult;
  /** The file esbuild should watch so that editing it rebuilds; undefined for inline rules. */
  watchFile?: string;
}

export function loadEsbuildRules(option: RulesOption | undefined, cwd: string, fileSystem: FileSystem = nodeFileSystem): LoadedRules {
  if (option !== undefined && typeof option !== "string") {
    // Inline rules are described as JSON text so errors can still name a line: that of the pretty-printed object.
    const label = path.join(cwd, "ssotImports({ rules })");
    return { result: loadRulesText(label, JSON.stringify(option, null, 2), fileSystem) };
  }
  const file = path.resolve(cwd, option ?? DEFAULT_RULES_FILE);
  return { result: loadRulesFile(file, fileSystem, {}, projectRootFor(cwd, file)), watchFile: file };
}
