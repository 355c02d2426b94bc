import fc from "fast-check";
import { FATES, FORMS, type GroupModel, type ImporterModel, type ProjectModel, type SymbolModel } from "./model";
import { normalize } from "./normalize";

/**
 * fast-check arbitraries for a project. Every field is an independent choice (`normalize` repairs the
 * combinations that cannot exist), so shrinking can drop importers, groups and symbols one at a time and
 * flip each choice towards the first, simplest value.
 */
// Weighted towards what makes projects hostile (renames, splits, forgotten names) and values (types are erased).
const symbol: fc.Arbitrary<SymbolModel> = fc.record({ fate: fc.constantFrom(...FATES, "rename", "forgotten", "split"), type: fc.constantFrom(false, false, true) });

const importer: fc.Arbitrary<ImporterModel> = fc.record({
  form: fc.constantFrom(...FORMS),
  picks: fc.array(fc.nat({ max: 5 }), { minLength: 1, maxLength: 3 }),
  aliased: fc.boolean(),
  viaAlias: fc.boolean(),
  nested: fc.boolean(),
  withLookalike: fc.boolean(),
});

const group: fc.Arbitrary<GroupModel> = fc.record({
  symbols: fc.array(symbol, { minLength: 1, maxLength: 4 }),
  defaultFate: fc.constantFrom("none", "same", "toNamed"),
  oldKept: fc.boolean(),
  splitOnly: fc.constantFrom(false, false, false, true),
  chain: fc.constantFrom("none", "midKept", "midDeleted"),
  importers: fc.array(importer, { minLength: 1, maxLength: 4 }),
});

export const projectArbitrary: fc.Arbitrary<ProjectModel> = fc.record({ groups: fc.array(group, { minLength: 1, maxLength: 2 }) }).map(normalize);
