import { didYouMean } from "../rules/did-you-mean";

/** The second element of `["ssot-imports/jest", { … }]` in Jest's `transform`. */
export interface JestTransformerOptions {
  /** The project's own transformer, as Jest would name it: `ts-jest`, `babel-jest`, `@swc/jest`, or a path. */
  transformer: string;
  /** Handed to that transformer's `createTransformer` (what its own `transform` entry would have held). */
  transformerOptions?: unknown;
  /** The rules file, relative to Jest's `rootDir`; default: the tsconfig's plugin entry's, else ssot-imports.json beside it. */
  rules?: string;
  /** The tsconfig whose module resolution decides what an import names; default: ts-jest's `tsconfig`, else `<rootDir>/tsconfig.json`. */
  tsconfig?: string;
}

const KNOWN = ["transformer", "transformerOptions", "rules", "tsconfig"] as const;

export type OptionsResult = { ok: true; options: JestTransformerOptions } | { ok: false; problems: string[] };

/** Jest passes the options object as the user wrote it: every mistake is named, none is ignored. */
export function validateJestOptions(raw: unknown): OptionsResult {
  if (raw === undefined || raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return { ok: false, problems: [`options are required: ["ssot-imports/jest", { "transformer": "ts-jest" }]`] };
  }
  const problems: string[] = [];
  const options = raw as Record<string, unknown>;
  for (const key of Object.keys(options)) {
    if ((KNOWN as readonly string[]).includes(key)) continue;
    const hint = didYouMean(key, KNOWN);
    problems.push(`unknown option "${key}"${hint ? `; did you mean "${hint}"?` : ""} (known: ${KNOWN.join(", ")})`);
  }
  if (typeof options.transformer !== "string" || options.transformer.trim() === "") {
    problems.push(`"transformer" must name the transformer to wrap, e.g. "ts-jest", "babel-jest" or "@swc/jest"`);
  } else if (/(?:^|[\\/])ssot-imports[\\/]jest$/.test(options.transformer)) {
    problems.push(`"transformer" names ssot-imports/jest itself; name the transformer it should hand the rewritten text to`);
  }
  for (const key of ["rules", "tsconfig"] as const) {
    if (options[key] !== undefined && typeof options[key] !== "string") problems.push(`"${key}" must be a path (relative to Jest's rootDir)`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, options: options as unknown as JestTransformerOptions };
}
