/**
 * A chain whose middle modules are gone (`a → b`, `b → c`, `c → d`; b and c deleted) bundles and transpiles
 * like the hand-migrated program. Before, the rules were refused because `b` does not exist.
 */
import { describe, expect, it } from "vitest";
import { buildAndRun, createTwins, variantName, type Variant } from "../helpers/esbuild-build";
import { CHAIN_MIGRATED, CHAIN_RULES, CHAIN_SHARED, CHAIN_UNMIGRATED } from "../helpers/chain-fixture";

const VARIANTS: Variant[] = [
  { bundle: true, format: "esm", platform: "node" },
  { bundle: false, format: "cjs", platform: "node" },
];

describe("a chain whose middle modules were deleted", () => {
  for (const variant of VARIANTS) {
    it(`builds like the hand-migrated program (${variantName(variant)})`, async () => {
      const { pluginDir, plainDir } = createTwins(`chain-${variant.bundle}`, {
        unmigrated: { ...CHAIN_SHARED, ...CHAIN_UNMIGRATED, "ssot-imports.json": JSON.stringify(CHAIN_RULES) },
        migrated: { ...CHAIN_SHARED, ...CHAIN_MIGRATED },
      });
      const plain = await buildAndRun(plainDir, variant);
      const plugin = await buildAndRun(pluginDir, variant, {});
      expect(plugin.result.errors).toEqual([]);
      expect(plain.stdout).toBe("chain: d:make d d:default d:make\n");
      expect(plugin.stdout).toBe(plain.stdout);
    });
  }
});
