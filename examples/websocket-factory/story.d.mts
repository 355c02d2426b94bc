// Types for story.mjs, which demo.mjs runs as plain JavaScript and the vitest test imports.
export declare const USERS: readonly string[];
export declare const EXPECTED_IMPORTS: number;
export declare const EXPECTED_FILES: number;
export declare function parseRun(stdout: string): { startupIsolated: boolean | undefined; inboxes: Record<string, string[]> };
export declare function ownerOf(message: string): string | undefined;
export declare function foreignMessages(inboxes: Record<string, string[]>): Record<string, string[]>;
export declare function parseSummary(output: string): { line: string; imports: number; files: number } | undefined;
export declare function hashSources(dir: string): Record<string, string>;
export declare function linkPackage(dir: string, repoRoot: string): void;
