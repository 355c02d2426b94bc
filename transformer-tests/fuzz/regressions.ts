import type { ProjectModel } from "./model";

/**
 * Every failure the generator found, shrunk to a literal project so it replays whatever the generator becomes.
 * `knownFailure`: the adapters still get it wrong today (the test is `it.fails`, and turns red the day it is
 * fixed, to be moved to the passing cases); the text says what goes wrong.
 */
export interface Regression {
  name: string;
  project: ProjectModel;
  knownFailure?: string;
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
    knownFailure:
      "esbuild bundle: true builds it silently and the program crashes (ns0.s0 is not a function): the bundle relies on esbuild's linker messages, and a CommonJS-style import gets none",
    project: {
      groups: [{ symbols: [{ fate: "forgotten", type: false }], defaultFate: "none", oldKept: true, splitOnly: false, chain: "none", importers: [importer("importEquals", [0])] }],
    },
  },
];
