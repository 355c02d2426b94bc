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
    project: {
      groups: [{ symbols: [{ fate: "forgotten", type: false }], defaultFate: "none", oldKept: true, splitOnly: false, chain: "none", importers: [importer("importEquals", [0])] }],
    },
  },
  {
    name: "a forgotten name destructured from `require()` is refused by every adapter",
    project: { groups: [{ symbols: [{ fate: "forgotten", type: false }], defaultFate: "none", oldKept: true, splitOnly: false, chain: "none", importers: [importer("require", [0])] }] },
  },
  {
    name: "a forgotten name read from an `import()` module object is refused by every adapter",
    project: { groups: [{ symbols: [{ fate: "forgotten", type: false }], defaultFate: "none", oldKept: true, splitOnly: false, chain: "none", importers: [importer("dynamicImport", [0])] }] },
  },
  {
    name: "a forgotten name re-exported with `export { name } from` is refused by every adapter",
    project: { groups: [{ symbols: [{ fate: "forgotten", type: false }], defaultFate: "none", oldKept: true, splitOnly: false, chain: "none", importers: [importer("exportNamed", [0])] }] },
  },
  {
    // Was a known failure: esbuild bundle: true served one facade re-exporting the kept deprecated file and the
    // split target, so the deprecated file ran although every import of it moved away.
    name: "a bundle loads the modules the migrated program loads, no more",
    project: {
      groups: [
        { symbols: [{ fate: "split", type: false }, { fate: "stay", type: false }], defaultFate: "none", oldKept: true, splitOnly: true, chain: "none", importers: [importer("named", [0])] },
      ],
    },
  },
  {
    // Not a bug of ssot-imports: esbuild itself keeps an import-equals used only as a type (and loads the module),
    // tsc drops it; the fuzzer first blamed the plugin, and now compares each build with the twin its own compiler built.
    name: "`import x = require()` used only in types loads what the same compiler loads for the migrated program",
    project: {
      groups: [{ symbols: [{ fate: "same", type: true }], defaultFate: "none", oldKept: false, splitOnly: false, chain: "none", importers: [importer("importEquals", [0])] }],
    },
  },
  {
    // Was a known failure: esbuild bundle: true served the deleted module one facade that re-exported the module
    // target (export *) besides the split target, so the SSOT module ran too.
    name: "a bundle of an import that only asks for a split symbol does not load the SSOT module",
    project: {
      groups: [{ symbols: [{ fate: "split", type: false }], defaultFate: "none", oldKept: false, splitOnly: false, chain: "none", importers: [importer("named", [0])] }],
    },
  },
  {
    // Found while writing the generator: every adapter but esbuild bundle agreed here; kept as a passing case.
    name: "a chain with its middle deleted: forgotten names read by name and through a namespace are refused naming the first rule",
    project: {
      groups: [
        {
          symbols: [{ fate: "forgotten", type: false }, { fate: "rename", type: false }, { fate: "rename", type: true }],
          defaultFate: "toNamed",
          oldKept: true,
          splitOnly: false,
          chain: "midDeleted",
          importers: [importer("namespace", [0, 3], { nested: true }), importer("named", [0, 1, 2], { aliased: true, viaAlias: true })],
        },
      ],
    },
  },
  {
    name: "lookalikes, the path alias and nested importers: every form but the refused ones, through a kept chain",
    project: {
      groups: [
        {
          symbols: [{ fate: "rename", type: false }, { fate: "toDefault", type: false }, { fate: "split", type: false }, { fate: "same", type: true }],
          defaultFate: "none",
          oldKept: true,
          splitOnly: false,
          chain: "midKept",
          importers: [
            importer("named", [0, 1, 2, 3], { aliased: true, viaAlias: true, withLookalike: true }),
            importer("exportStar", [0, 1, 2], { nested: true, withLookalike: true }),
            importer("exportNamed", [0, 1, 2, 3], { aliased: true, nested: true }),
            importer("sideEffect", [], { viaAlias: true, withLookalike: true }),
            importer("require", [0, 1], { nested: true }),
          ],
        },
      ],
    },
  },
];
