import type { ProjectModel } from "./model";
import type { Adapter } from "./run-adapters";

/**
 * Every failure the generator found, shrunk to a literal project so it replays whatever the generator becomes.
 * `knownFailure`: the adapters still get it wrong today (the test is `it.fails`, and turns red the day it is
 * fixed, to be moved to the passing cases); the text says what goes wrong.
 */
export interface Regression {
  name: string;
  project: ProjectModel;
  knownFailure?: string;
  /** With `knownFailure`: the adapters that get it wrong today (all others must agree with the twin). */
  failing?: Adapter[];
  /** Compare the modules a bundle loads exactly (see CompareOptions.strictBundleLoads). */
  strictBundleLoads?: boolean;
}

const importer = (form: ProjectModel["groups"][number]["importers"][number]["form"], picks: number[], extra: Partial<ProjectModel["groups"][number]["importers"][number]> = {}) => ({
  form,
  picks,
  aliased: false,
  viaAlias: false,
  nested: false,
  withLookalike: false,
  ...extra,
});

export const REGRESSIONS: Regression[] = [
  {
    name: "a forgotten name read through `import x = require()` is refused by every adapter",
    failing: ["esbuild bundle"],
    knownFailure:
      "esbuild bundle: true builds it silently and the program crashes (ns0.s0 is not a function): the bundle relies on esbuild's linker messages, and a CommonJS-style import gets none",
    project: {
      groups: [{ symbols: [{ fate: "forgotten", type: false }], defaultFate: "none", oldKept: true, splitOnly: false, chain: "none", importers: [importer("importEquals", [0])] }],
    },
  },
  {
    name: "a forgotten name destructured from `require()` is refused by every adapter",
    failing: ["esbuild bundle"],
    knownFailure: "esbuild bundle: true builds it silently and the program crashes (s0 is not a function)",
    project: { groups: [{ symbols: [{ fate: "forgotten", type: false }], defaultFate: "none", oldKept: true, splitOnly: false, chain: "none", importers: [importer("require", [0])] }] },
  },
  {
    name: "a forgotten name read from an `import()` module object is refused by every adapter",
    failing: ["esbuild bundle"],
    knownFailure: "esbuild bundle: true builds it silently and the program crashes (ns0.s0 is not a function)",
    project: { groups: [{ symbols: [{ fate: "forgotten", type: false }], defaultFate: "none", oldKept: true, splitOnly: false, chain: "none", importers: [importer("dynamicImport", [0])] }] },
  },
  {
    name: "a forgotten name re-exported with `export { name } from` is refused by every adapter",
    failing: ["esbuild bundle"],
    knownFailure: "esbuild bundle: true builds it silently: the bundle references a variable it never declares (s02 is not defined)",
    project: { groups: [{ symbols: [{ fate: "forgotten", type: false }], defaultFate: "none", oldKept: true, splitOnly: false, chain: "none", importers: [importer("exportNamed", [0])] }] },
  },
  {
    name: "a bundle loads the modules the migrated program loads, no more",
    failing: ["esbuild bundle"],
    knownFailure:
      "esbuild bundle: true evaluates the deprecated module (its top-level side effects run) although every import of it moved to the split target: the facade re-exports the deprecated file itself",
    strictBundleLoads: true,
    project: {
      groups: [
        { symbols: [{ fate: "split", type: false }, { fate: "stay", type: false }], defaultFate: "none", oldKept: true, splitOnly: true, chain: "none", importers: [importer("named", [0])] },
      ],
    },
  },
  {
    name: "`import x = require()` used only in types loads nothing, as in the migrated program",
    failing: ["esbuild bundle", "esbuild bundle: false"],
    knownFailure:
      "esbuild (bundle and not) loads the SSOT module: the plugin's type-stripping transform keeps an import-equals used only as a type as `const x = require()`, which the rewrite then sends to the SSOT module (tsc and a plain esbuild build drop it)",
    project: {
      groups: [{ symbols: [{ fate: "same", type: true }], defaultFate: "none", oldKept: false, splitOnly: false, chain: "none", importers: [importer("importEquals", [0])] }],
    },
  },
];
