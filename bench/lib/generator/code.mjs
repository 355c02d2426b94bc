// Part of bench/generate.mjs: the text of the generated modules.

import { relSpecifier } from "./imports.mjs";

// Module bodies: ordinary application code, like most real modules. A couple of interfaces and a union of
// string literals, a small class, plain functions, and 0–3 imports of earlier modules. Deliberately no deep
// conditional/mapped types and no type that embeds another module's types transitively: those make checking
// superlinear in the size of the project, which real codebases of small modules are not (1,000 such modules
// check in a few seconds). Every module exports `run<i>()`, which src/main.ts calls, so that a bundle of the
// tree reaches every module and running it prints something that depends on what the importers imported.

export function regularModule(m, deps, extra = "", calls = []) {
  const i = m.index;
  const lines = [];
  for (const d of deps) {
    lines.push(`import { Entity${d.index}, makeEntity${d.index} } from "${relSpecifier(m.file, d.file)}";`);
  }
  lines.push("");
  lines.push(`/** ${m.noun} records of the ${m.domain} domain (module ${i}). */`);
  lines.push(`export interface Entity${i}Options {`);
  lines.push(`  readonly id: string;`);
  lines.push(`  limit: number;`);
  lines.push(`  tags: string[];`);
  lines.push(`}`);
  lines.push("");
  lines.push(`export interface Entity${i}Stats {`);
  lines.push(`  count: number;`);
  lines.push(`  total: number;`);
  lines.push(`}`);
  lines.push("");
  lines.push(`export class Entity${i} {`);
  lines.push(`  private readonly items: Entity${i}Options[] = [];`);
  lines.push(`  constructor(readonly label: string) {}`);
  lines.push("");
  lines.push(`  add(item: Entity${i}Options): number {`);
  lines.push(`    return this.items.push(item);`);
  lines.push(`  }`);
  lines.push("");
  lines.push(`  stats(): Entity${i}Stats {`);
  lines.push(`    let total = 0;`);
  lines.push(`    for (const item of this.items) total += item.limit;`);
  lines.push(`    return { count: this.items.length, total };`);
  lines.push(`  }`);
  lines.push(`}`);
  lines.push("");
  lines.push(`export function makeEntity${i}(limit = ${i % 97}): Entity${i} {`);
  lines.push(`  const entity = new Entity${i}("${m.noun}-${i}");`);
  lines.push(`  entity.add({ id: "${m.noun}-0", limit, tags: ["${m.domain}"] });`);
  lines.push(`  return entity;`);
  lines.push(`}`);
  for (const [j, d] of deps.entries()) {
    lines.push("");
    lines.push(`export function relate${i}_${j}(source: Entity${i}, target: Entity${d.index}): number {`);
    lines.push(`  return target.add({ id: source.label, limit: ${j + 1}, tags: ["${m.domain}"] }) + source.stats().count;`);
    lines.push(`}`);
  }
  if (extra) lines.push("", extra);
  lines.push("");
  lines.push(`export function run${i}(): string {`);
  lines.push(`  const entity = makeEntity${i}();`);
  const parts = [`entity.stats().total`];
  for (const [j, d] of deps.entries()) parts.push(`relate${i}_${j}(entity, makeEntity${d.index}())`);
  lines.push(`  return \`${i} ${parts.map((p) => `\${${p}}`).join(" ")}${calls.map((c) => ` \${${c}}`).join("")}\`;`);
  lines.push(`}`);
  return lines.join("\n") + "\n";
}

/** src/main.ts: calls every module's run function, so a bundle of the tree reaches all of them, and prints. */
export function mainModule(regular) {
  const lines = [];
  for (const m of regular) lines.push(`import { run${m.index} } from "${relSpecifier("src/main.ts", m.file)}";`);
  lines.push("");
  lines.push(`declare const console: { log(message: string): void };`);
  lines.push("");
  lines.push(`const lines: string[] = [];`);
  for (const m of regular) lines.push(`lines.push(run${m.index}());`);
  lines.push(`console.log(lines.join("\\n"));`);
  return lines.join("\n") + "\n";
}

/** The four roles of a rule's API under the given names: shared shape, so old and new are interchangeable. */
export function apiBody({ cls, factory, options, describe }, flavour, defaultFactory = false) {
  const L = [];
  if (options) {
    L.push(`export interface ${options} {`);
    L.push(`  user: string;`);
    L.push(`  capacity?: number;`);
    L.push(`  onMessage?: (message: string, from: string) => void;`);
    L.push(`}`);
    L.push("");
  }
  if (cls) {
    const opt = options ?? `{ user: string; capacity?: number }`;
    L.push(`export class ${cls} {`);
    L.push(`  ${flavour === "shared" ? "static readonly shared: string[] = [];\n  private readonly messages = " + cls + ".shared;" : "private readonly messages: string[] = [];"}`);
    L.push(`  constructor(readonly options: ${opt}) {}`);
    L.push(`  send(message: string): readonly string[] {`);
    L.push(`    if (this.messages.length >= (this.options.capacity ?? 100)) this.messages.shift();`);
    L.push(`    this.messages.push(\`\${this.options.user}: \${message}\`);`);
    L.push(`    return this.messages;`);
    L.push(`  }`);
    L.push(`  history(filter: (line: string) => boolean = () => true): string[] {`);
    L.push(`    return this.messages.filter(filter);`);
    L.push(`  }`);
    L.push(`}`);
    L.push("");
  }
  if (factory && cls) {
    const opt = options ?? `{ user: string; capacity?: number }`;
    const head = defaultFactory ? `export default function` : `export function ${factory}`;
    L.push(`${head}(options: ${opt}): ${cls} {`);
    L.push(`  return new ${cls}(options);`);
    L.push(`}`);
    L.push("");
  }
  if (describe) {
    L.push(`export function ${describe}(subject: { readonly options: { user: string; capacity?: number } }): string {`);
    L.push(`  return \`\${subject.options.user} (capacity \${subject.options.capacity ?? 100})\`;`);
    L.push(`}`);
    L.push("");
  }
  return L.join("\n");
}
