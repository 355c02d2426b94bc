import type * as TS from "typescript";

/**
 * Where TypeScript's JavaScript API (5.9, 6.0) may be found. TypeScript 7's `typescript` package has none (its
 * main export is its version string), so a project on 7 keeps 6 beside it under this alias for the tools
 * that need a parser and a resolver: `npm i -D typescript-6@npm:typescript@~6.0` (docs/typescript-7.md).
 */
export const TYPESCRIPT_API_PACKAGES = ["typescript", "typescript-6"] as const;

export const NO_TYPESCRIPT_API =
  "ssot-imports needs TypeScript's JavaScript API (TypeScript 5.9 or 6.0); the installed `typescript` has none " +
  "(TypeScript 7 ships only a native compiler): install TypeScript 6 beside it, npm i -D typescript-6@npm:typescript@~6.0";

/** The first of TYPESCRIPT_API_PACKAGES that `requireFrom` finds and that has the API, else undefined. */
export function typeScriptApiFrom(requireFrom: (id: string) => unknown): typeof TS | undefined {
  for (const name of TYPESCRIPT_API_PACKAGES) {
    let candidate: unknown;
    try {
      candidate = requireFrom(name);
    } catch {
      continue;
    }
    if (typeof (candidate as Partial<typeof TS> | undefined)?.createProgram === "function") return candidate as typeof TS;
  }
  return undefined;
}
