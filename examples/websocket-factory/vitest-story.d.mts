// Types for vitest-story.mjs, which demo.mjs runs as plain JavaScript and the vitest test imports.
export declare const VITEST_LEAK_TEST: string;
export declare const VITEST_MOCK_TEST: string;
export interface VitestRunSpec { name: string; config: string; migrated: boolean }
export interface VitestRunResult { run: VitestRunSpec; tests: Record<string, string>; failedToRun: string[]; output: string }
export declare const VITEST_RUNS: readonly VitestRunSpec[];
export declare function runVitestSuites(exampleDir: string, repoRoot: string): Promise<VitestRunResult[]>;
export declare function judgeVitest(results: VitestRunResult[]): Array<{ ok: boolean; text: string }>;
