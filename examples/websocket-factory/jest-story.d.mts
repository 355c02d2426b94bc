// Types for jest-story.mjs, which demo.mjs runs as plain JavaScript and the vitest test imports.
export interface JestRunSpec {
  name: string;
  config: string;
  migrated: boolean;
}
export interface JestRunResult {
  run: JestRunSpec;
  /** Status by the test's full name. */
  tests: Record<string, string>;
  /** Suites that failed to run (relative paths). */
  failedToRun: string[];
  output: string;
}
export declare const LEAK_TEST: string;
export declare const MOCK_TEST: string;
export declare const JEST_RUNS: readonly JestRunSpec[];
export declare function runJestSuites(exampleDir: string, repoRoot: string): Promise<JestRunResult[]>;
export declare function judgeJest(results: JestRunResult[]): Array<{ ok: boolean; text: string }>;
