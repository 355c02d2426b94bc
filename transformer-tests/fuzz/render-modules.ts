import type { GroupModel } from "./model";

/**
 * The modules of one group (folder `src/g<n>/`) and its rules. Every module prints its own folder and file in
 * what it returns (`g0.old.s1`), so an import left on the deprecated module, a chain stopped in the middle or a
 * rewritten lookalike changes the program's output. Each module also records that it was loaded, so a
 * side-effect import that goes to the wrong module shows too.
 */

/** Where an export of the deprecated module lives once migrated; `undefined` module: nowhere (forgotten). */
export interface Target {
  module: "ssot" | "extra" | "old" | undefined;
  /** The export's name there (`default` included). */
  name: string;
}

export const oldName = (g: GroupModel, index: number): string => (index === g.symbols.length ? "default" : `${g.symbols[index].type ? "S" : "s"}${index}`);
const newName = (g: GroupModel, index: number) => `${g.symbols[index].type ? "N" : "n"}${index}`;
const middleName = (g: GroupModel, index: number) => `${g.symbols[index].type ? "T" : "t"}${index}`;
const extraName = (g: GroupModel, index: number) => `${g.symbols[index].type ? "M" : "m"}${index}`;
const NAMED_DEFAULT = "fromDefault";

/** Final home of each name the deprecated module exported (the default is index `symbols.length`). */
export function targetOf(g: GroupModel, index: number): Target {
  if (index === g.symbols.length) return g.defaultFate === "same" ? { module: "ssot", name: "default" } : { module: "ssot", name: NAMED_DEFAULT };
  const name = oldName(g, index);
  switch (g.symbols[index].fate) {
    case "same":
      return { module: "ssot", name };
    case "rename":
      return { module: "ssot", name: newName(g, index) };
    case "toDefault":
      return { module: "ssot", name: "default" };
    case "split":
      return { module: "extra", name: extraName(g, index) };
    case "stay":
      return { module: "old", name };
    case "forgotten":
      return { module: undefined, name };
  }
}

function declare(name: string, type: boolean, words: string): string {
  if (type) return `export interface ${name} { v: string }\n`;
  if (name === "default") return `export default function (): string { return "${words}.default"; }\n`;
  return `export function ${name}(): string { return "${words}.${name}"; }\n`;
}

const mark = (words: string) => `((globalThis as any).__loaded ??= []).push("${words}");\n`;

function moduleText(g: GroupModel, prefix: string, file: string, exports: Array<{ name: string; type: boolean }>): string {
  const words = `${prefix}.${file}`;
  return mark(words) + exports.map((e) => declare(e.name, e.type, words)).join("") + (exports.length === 0 ? "export {};\n" : "");
}

export interface GroupFiles {
  /** Files both the user's project and the hand-migrated twin have. */
  shared: Record<string, string>;
  /** The deprecated module (and a kept middle module), present only while it still exists. */
  deprecated: Record<string, string>;
  rules: object[];
}

export function renderGroupModules(g: GroupModel, n: number): GroupFiles {
  const prefix = `g${n}`;
  const dir = `src/${prefix}`;
  const indexes = [...g.symbols.keys()];
  const oldExports = indexes.map((i) => ({ name: oldName(g, i), type: g.symbols[i].type }));
  if (g.defaultFate !== "none") oldExports.push({ name: "default", type: false });
  const ssot: Array<{ name: string; type: boolean }> = [];
  const extra: Array<{ name: string; type: boolean }> = [];
  for (const i of indexes) {
    const t = targetOf(g, i);
    if (t.module === "ssot") ssot.push({ name: t.name, type: g.symbols[i].type });
    if (t.module === "extra") extra.push({ name: t.name, type: g.symbols[i].type });
  }
  if (g.defaultFate !== "none") ssot.push({ name: targetOf(g, g.symbols.length).name, type: false });
  // A value the rules never mention, so the SSOT module is never empty.
  ssot.push({ name: "ssotOnly", type: false });

  const shared: Record<string, string> = {
    [`${dir}/ssot.ts`]: moduleText(g, prefix, "ssot", ssot),
    [`${dir}/extra.ts`]: moduleText(g, prefix, "extra", extra),
    // Same file name as the deprecated module, another folder: no rule may touch it or its importers.
    [`${dir}/other/old.ts`]: moduleText(g, prefix, "other.old", oldExports),
  };
  const deprecated: Record<string, string> = {};
  if (g.oldKept) deprecated[`${dir}/old.ts`] = moduleText(g, prefix, "old", oldExports);

  const from = `./${dir}/old`;
  const extraTo = `./${dir}/extra`;
  const split = (i: number) => ({ to: extraTo, name: extraName(g, i) });
  if (g.splitOnly) {
    const symbols = Object.fromEntries(indexes.filter((i) => g.symbols[i].fate === "split").map((i) => [oldName(g, i), split(i)]));
    return { shared, deprecated, rules: [{ from, symbols }] };
  }
  const to = `./${dir}/ssot`;
  if (g.chain === "none") {
    const symbols: Record<string, unknown> = {};
    for (const i of indexes) {
      const fate = g.symbols[i].fate;
      if (fate === "rename" || fate === "toDefault") symbols[oldName(g, i)] = targetOf(g, i).name;
      if (fate === "split") symbols[oldName(g, i)] = split(i);
    }
    if (g.defaultFate === "toNamed") symbols.default = NAMED_DEFAULT;
    return { shared, deprecated, rules: [withSymbols({ from, to }, symbols)] };
  }
  // old → mid → ssot: the first hop renames into middle names, the second into the final ones.
  const mid = `./${dir}/mid`;
  const first: Record<string, unknown> = {};
  const second: Record<string, unknown> = {};
  const midExports: Array<{ name: string; type: boolean }> = [];
  for (const i of indexes) {
    const fate = g.symbols[i].fate;
    if (fate === "rename" || fate === "toDefault") {
      first[oldName(g, i)] = middleName(g, i);
      second[middleName(g, i)] = targetOf(g, i).name;
      midExports.push({ name: middleName(g, i), type: g.symbols[i].type });
    } else if (fate === "split") first[oldName(g, i)] = split(i);
    else if (fate === "same") midExports.push({ name: oldName(g, i), type: g.symbols[i].type });
  }
  if (g.defaultFate === "toNamed") {
    first.default = "midDefault";
    second.midDefault = NAMED_DEFAULT;
    midExports.push({ name: "midDefault", type: false });
  } else if (g.defaultFate === "same") midExports.push({ name: "default", type: false });
  if (g.chain === "midKept") deprecated[`${dir}/mid.ts`] = moduleText(g, prefix, "mid", midExports);
  return { shared, deprecated, rules: [withSymbols({ from, to: mid }, first), withSymbols({ from: mid, to }, second)] };
}

function withSymbols(rule: { from: string; to: string }, symbols: Record<string, unknown>): object {
  return Object.keys(symbols).length > 0 ? { ...rule, symbols } : rule;
}
