import * as fs from "node:fs";
import * as path from "node:path";
import type { RuleSet } from "../rules/types";

/** `@scope/name/deep/path` → `@scope/name`; `name/deep` → `name`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/**
 * The installed packages that may import a deprecated bare specifier: those whose manifest depends on its
 * package. Vitest hands `node_modules` to Node unprocessed, so such a package would load the deprecated module
 * behind the plugin's back; the Vite adapter inlines them instead. Read from the manifests (top level and one
 * scope deep), not from the packages' code: cheap, and it is what a package may legitimately import.
 */
export function packagesDependingOnDeprecated(ruleSet: RuleSet, root: string): string[] {
  const deprecated = new Set(ruleSet.rules.filter((r) => r.from.kind === "bare").map((r) => packageNameOf(r.from.key)));
  if (deprecated.size === 0) return [];
  const found = new Set<string>();
  for (let dir = root; ; dir = path.dirname(dir)) {
    for (const name of installedPackages(path.join(dir, "node_modules"))) {
      const manifest = readManifest(path.join(dir, "node_modules", name, "package.json"));
      const wanted = { ...manifest?.dependencies, ...manifest?.peerDependencies, ...manifest?.optionalDependencies };
      if (Object.keys(wanted).some((dependency) => deprecated.has(dependency))) found.add(name);
    }
    if (path.dirname(dir) === dir) break;
  }
  return [...found].sort();
}

function installedPackages(nodeModules: string): string[] {
  const names: string[] = [];
  for (const entry of readDir(nodeModules)) {
    if (entry.startsWith(".")) continue;
    if (entry.startsWith("@")) names.push(...readDir(path.join(nodeModules, entry)).map((inner) => `${entry}/${inner}`));
    else names.push(entry);
  }
  return names;
}

function readDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

type Manifest = Partial<Record<"dependencies" | "peerDependencies" | "optionalDependencies", Record<string, string>>>;

function readManifest(file: string): Manifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
  } catch {
    return undefined;
  }
}
