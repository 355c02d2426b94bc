/**
 * The targets' exports are asked of esbuild in one probe build for all of them (a build has a fixed cost on
 * esbuild's side); a file esbuild cannot read must fail only its own answer, not the batch's.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as esbuild from "esbuild";
import type { BuildOptions, PluginBuild } from "esbuild";
import { describe, expect, it } from "vitest";
import { ExportsCache } from "../../src/esbuild/module-exports";
import { createProject } from "../helpers/project";

function recordingBuild(dir: string): { build: PluginBuild; probes: string[][] } {
  const probes: string[][] = [];
  const build = {
    initialOptions: { absWorkingDir: dir, platform: "node" },
    esbuild: {
      build: (options: BuildOptions) => {
        probes.push(Object.values(options.entryPoints as Record<string, string>).map((file) => path.basename(file)));
        return esbuild.build(options);
      },
    },
  } as unknown as PluginBuild;
  return { build, probes };
}

describe("ExportsCache.prefetch", () => {
  const dir = createProject({
    "src/a.ts": `export const a = 1;\nexport function b() {}\n`,
    "src/c.ts": `export default class C {}\nexport type T = string;\n`,
    "src/broken.ts": `export const x = ;\n`,
  }, "exports-cache");
  const file = (name: string) => fs.realpathSync(path.join(dir, "src", name));

  it("asks about every file in one build, and answers each from it", async () => {
    const { build, probes } = recordingBuild(dir);
    const cache = new ExportsCache(build);
    cache.prefetch([file("a.ts"), file("c.ts"), file("a.ts")]);
    const [a, c] = await Promise.all([cache.of(file("a.ts")), cache.of(file("c.ts"))]);
    expect(probes).toEqual([["a.ts", "c.ts"]]);
    expect([...a.values].sort()).toEqual(["a", "b"]);
    expect([...c.values]).toEqual(["default"]);
    expect(a.exact && c.exact).toBe(true);
  });

  it("asks again alone when the batch fails, so only the unreadable file fails", async () => {
    const { build, probes } = recordingBuild(dir);
    const cache = new ExportsCache(build);
    cache.prefetch([file("a.ts"), file("broken.ts")]);
    // Asked while the batch is still running: the answer must come from the retry, not the failed batch.
    const [a, broken] = await Promise.allSettled([cache.of(file("a.ts")), cache.of(file("broken.ts"))]);
    expect(a.status === "fulfilled" && [...a.value.values].sort()).toEqual(["a", "b"]);
    expect(broken.status).toBe("rejected");
    expect(probes).toEqual([["a.ts", "broken.ts"], ["a.ts"], ["broken.ts"]]);
  });
});
