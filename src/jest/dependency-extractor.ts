/**
 * `dependencyExtractor: "ssot-imports/jest/dependency-extractor"` in jest.config: so that `jest --watch` re-runs
 * the tests after an edit of the rules file.
 *
 * `jest --watch` re-runs the tests related to the changed files, following the dependencies Jest's haste map
 * extracted from each file. No module imports the rules file, so an edit of it alone re-ran nothing, although
 * every file the transformer rewrites may change with it. Here each file Jest maps depends, besides what it
 * imports, on the nearest `ssot-imports.json` above it: an edit of the rules is then related to every test.
 * The transformer's cache keys already hash the rules, so the re-run sees the new rules.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const RULES_FILE = "ssot-imports.json";

/** Per folder, the rules file nearest above it (null: none up to the root). Jest maps thousands of files. */
const nearest = new Map<string, string | null>();

function nearestRulesFile(dir: string): string | null {
  const known = nearest.get(dir);
  if (known !== undefined) return known;
  const candidate = path.join(dir, RULES_FILE);
  const parent = path.dirname(dir);
  const found = fs.existsSync(candidate) ? candidate : parent === dir ? null : nearestRulesFile(parent);
  nearest.set(dir, found);
  return found;
}

type DefaultExtract = (code: string, filePath: string) => Set<string>;

export function extract(code: string, filePath: string, defaultExtract: DefaultExtract): Set<string> {
  const dependencies = defaultExtract(code, filePath);
  const rules = nearestRulesFile(path.dirname(filePath));
  if (rules && rules !== filePath) dependencies.add(rules);
  return dependencies;
}

/** Part of the haste map's cache key: dependencies extracted by another version of this module are not reused. */
export function getCacheKey(): string {
  return "ssot-imports/jest/dependency-extractor 1";
}
