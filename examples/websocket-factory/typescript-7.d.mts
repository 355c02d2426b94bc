// Types for typescript-7.mjs, which demo.mjs runs as plain JavaScript and the vitest test imports.
export declare const TSC_7: string;
export declare const DEPRECATED: string;
export declare function runTypeScript7Recipe(options?: { keep?: boolean }): Promise<{ checks: Array<{ ok: boolean; text: string }>; steps: string[]; dir: string }>;
export declare function showTypeScript7Recipe(c: import("picocolors/types").Colors): Promise<boolean>;
