/**
 * The text reading that clears a deprecated file without asking esbuild (declared-exports.ts), judged against
 * esbuild's own answer for the same file: whenever the reading answers, every value esbuild says the module
 * exports must be among its names (a name it misses would let a bundle forget it silently).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as esbuild from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { declaredValueExports } from "../../src/esbuild/declared-exports";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "ssot-declared-exports-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** What the plugin's probe build reads: esbuild's metafile exports of the file compiled alone. */
async function esbuildExports(text: string): Promise<string[]> {
  const file = path.join(work, `m${Math.random().toString(36).slice(2)}.ts`);
  fs.writeFileSync(file, text);
  const result = await esbuild.build({ entryPoints: [file], bundle: false, write: false, metafile: true, format: "esm", outdir: "/out", logLevel: "silent" });
  return Object.values(result.metafile.outputs)[0].exports.slice().sort();
}

/** Texts the reading answers for, with the names it gives (a superset of esbuild's where a comment names one). */
const CERTAIN: Array<[string, string[]]> = [
  ["export function f() {}\nexport async function g() {}\nexport function* h() {}\nexport async function *i() {}", ["f", "g", "h", "i"]],
  ["export class A {}\nexport abstract class B {}\nexport declare class C {}", ["A", "B", "C"]],
  // A namespace's own members are read as the module's too: a name too many only sends the rule to esbuild.
  ["export enum E { a }\nexport namespace N { export function inner() {} }", ["E", "N", "inner"]],
  ["export default function () {}", ["default"]],
  ["export default class Named {}", ["default"]],
  ["const a = 1, b = 2;\nexport { a, b as c, a as default };", ["a", "c", "default"]],
  ["const a = 1;\nexport { a as \"not an identifier\" };", ["not an identifier"]],
  ["export { x, y as z } from './elsewhere';", ["x", "z"]],
  ["export interface I { a: string }\nexport type T<X> = X[];\nexport type U = string;\nexport type { I as J };\nexport function kept() {}", ["kept"]],
  ["import { thing } from './other';\nexport function uses() { return thing; }", ["uses"]],
  ["// export function commented() {}\nexport function real() {}", ["commented", "real"]],
  ["import './side-effect';", []],
];

/** Texts whose exports need a parser (or run time): no answer, so esbuild is asked. */
const UNSURE = [
  "export const a = 1, forgotten = 2;",
  "export let z = 1;",
  "export const { a, b } = { a: 1, b: 2 };",
  "export * from './elsewhere';",
  "export * as ns from './elsewhere';",
  "const a = 1;\nexport { /* why */ a };",
  "module.exports = { a: 1 };",
  "exports.a = 1;",
  "const x = require('./x');\nexport function f() { return x; }",
  "/** Call this to export the data. */\nexport function f() {}",
  "namespace B { export const C = 1; }\nexport import A = B.C;",
];

describe("declaredValueExports", () => {
  it.each(CERTAIN)("answers for %j, never missing a name esbuild finds", async (text, names) => {
    const declared = declaredValueExports(text);
    expect(declared && [...declared].sort()).toEqual([...names].sort());
    const real = await esbuildExports(text);
    expect(real.filter((name) => !declared!.has(name))).toEqual([]);
  });

  it.each(UNSURE)("does not answer for %j", (text) => {
    expect(declaredValueExports(text)).toBeUndefined();
  });
});
