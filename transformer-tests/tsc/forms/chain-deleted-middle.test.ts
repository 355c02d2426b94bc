/**
 * A chain whose middle modules are gone (`a → b`, `b → c`, `c → d`; b and c deleted): a `to` that is another
 * rule's `from` need not exist. Before, the loader refused `"to" names ./src/legacy/b, which does not exist`.
 */
import { describe, it } from "vitest";
import { expectSameBehaviour } from "../../helpers/differential";
import { CHAIN_MIGRATED, CHAIN_RULES, CHAIN_SHARED, CHAIN_UNMIGRATED } from "../../helpers/chain-fixture";

describe("a chain whose middle modules were deleted", () => {
  it("builds with tsc like the hand-migrated program", () => {
    expectSameBehaviour({
      name: "chain-deleted-middle",
      shared: { ...CHAIN_SHARED, "src/env.d.ts": `declare const console: { log(...args: unknown[]): void };\n` },
      unmigrated: CHAIN_UNMIGRATED,
      migrated: CHAIN_MIGRATED,
      rules: CHAIN_RULES,
      compilerOptions: { lib: ["es2022"] },
      entry: "out/main.js",
    });
  });
});
