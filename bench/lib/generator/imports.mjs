// Part of bench/generate.mjs: the deprecated import sites of the importers, as written and as the tool
// rewrites them (the twin's text mirrors src/plan/ on purpose: the bench compares the two builds' output).

import * as path from "node:path";
import { resolveTarget } from "./rules.mjs";

export function relSpecifier(fromFile, toFile, ext = "") {
  let rel = path.posix.relative(path.posix.dirname(fromFile), toFile.replace(/\.ts$/, ""));
  if (!rel.startsWith("../")) rel = `./${rel}`;
  return rel + ext;
}

/**
 * One import statement as an importer writes it, and as the tool rewrites it.
 * site: { form: "named"|"type"|"default"|"namespace"|"reexport", bindings: [{ imported, local, typeOnly }], ext }
 */
export function importTexts(specs, k, importerFile, site) {
  const spec = specs[k];
  const oldSpecifier = relSpecifier(importerFile, spec.from + ".ts", site.ext);
  const targetSpecifier = (module) => relSpecifier(importerFile, module + ".ts", site.ext);
  const bindingText = (b, name) => (b.typeOnly ? "type " : "") + (name === b.local ? name : `${name} as ${b.local}`);

  if (site.form === "namespace") {
    const before = `import * as ${site.local} from "${oldSpecifier}";`;
    const after = `import * as ${site.local} from "${targetSpecifier(resolveTarget(specs, k, spec.roles.cls.old).module)}";`;
    return { before, after };
  }
  const keyword = site.form === "reexport" ? "export" : "import";
  const typeKw = site.form === "type" ? "type " : "";
  const clause = (items) => {
    const def = items.find((x) => x.isDefault);
    const named = items.filter((x) => !x.isDefault);
    return [def ? def.local : "", named.length ? `{ ${named.map((x) => x.text).join(", ")} }` : ""].filter(Boolean).join(", ");
  };
  const beforeItems = site.bindings.map((b) => ({ isDefault: b.imported === "default", local: b.local, text: bindingText({ ...b, typeOnly: b.typeOnly && site.form !== "type" }, b.imported === b.local ? b.local : b.imported) }));
  const before = `${keyword} ${typeKw}${clause(beforeItems)} from "${oldSpecifier}";`;

  // Group bindings by the module they end up in, in order of first appearance (SitePlan.group).
  const groups = new Map();
  for (const b of site.bindings) {
    const target = resolveTarget(specs, k, b.imported);
    if (!groups.has(target.module)) groups.set(target.module, []);
    groups.get(target.module).push({ b, target });
  }
  // The statement stays with the rule's module-level target when some names go there, else with the first group.
  let moduleTarget = spec.to;
  for (let next; (next = specs.find((s) => s.from === moduleTarget)); ) moduleTarget = next.to;
  const entries = [...groups.entries()];
  const primaryIndex = Math.max(0, entries.findIndex(([module]) => module === moduleTarget));
  const [primaryModule, primary] = entries[primaryIndex];
  const others = entries.filter((_, n) => n !== primaryIndex);
  const statement = (module, items) =>
    `${keyword} ${typeKw}${clause(items.map(({ b, target }) => {
      if (b.imported === "default" && target.name === "default") return { isDefault: true, local: b.local };
      return { isDefault: false, text: bindingText({ ...b, typeOnly: b.typeOnly && site.form !== "type" }, target.name), local: b.local };
    }))} from "${targetSpecifier(module)}";`;
  // In place (renamed bindings become `new as local`, moved ones are removed, the specifier changes) or, for a
  // renamed default, regenerated: either way the statement reads like this. Split-off groups follow on its line.
  let after = statement(primaryModule, primary);
  if (others.length > 0) after += " " + others.map(([module, items]) => statement(module, items)).join(" ");
  return { before, after };
}

/** The import sites one importer has for rule k, and code that uses what they import. */
export function makeSites(specs, k, m, r) {
  const spec = specs[k];
  const roles = spec.roles;
  const i = m.index;
  const ext = r.chance(0.2) ? ".js" : "";
  const local = (name) => name;
  const uses = [];
  const sites = [];
  const variant = r.int(0, 9);

  if (spec.kind === "redirect" && k === 1 && variant < 5) {
    // Namespace import of a plain redirect: only the specifier changes.
    const ns = `channels${k}_${i}`;
    sites.push({ form: "namespace", local: ns, ext });
    uses.push(`export function openChannel${k}_${i}(user: string): number {\n  const registry: ${ns}.${roles.cls.old} = ${ns}.${roles.factory.old}({ user, capacity: ${i % 50 + 1} });\n  registry.send("hello from ${m.noun}");\n  return ${ns}.${roles.describe.old}(registry).length + registry.history().length;\n}`);
    return sites.map((site, n) => ({ k, site, use: uses[n], call: `openChannel${k}_${i}("user${i}")` }));
  }
  if (k === 7 && variant < 4) {
    // Re-export from a barrel-like module, and a type-only import.
    sites.push({ form: "reexport", ext, bindings: [{ imported: roles.factory.old, local: roles.factory.old }, { imported: roles.options.old, local: roles.options.old, typeOnly: true }] });
    sites.push({ form: "type", ext, bindings: [{ imported: roles.cls.old, local: roles.cls.old }] });
    uses.push(`export type Policy${k}_${i} = ${roles.cls.old};`);
    return [{ k, site: sites[0], use: undefined }, { k, site: sites[1], use: uses[0] }];
  }

  const bindings = [];
  let factoryCall;
  if (roles.factory.old === "default") {
    const alias = `makeSessionStore${i}`;
    bindings.push({ imported: "default", local: alias });
    factoryCall = alias;
  } else {
    bindings.push({ imported: roles.factory.old, local: local(roles.factory.old) });
    factoryCall = roles.factory.old;
  }
  const clsLocal = variant < 3 ? `Legacy${roles.cls.old}` : roles.cls.old; // some importers alias
  bindings.push({ imported: roles.cls.old, local: clsLocal });
  bindings.push({ imported: roles.options.old, local: roles.options.old, typeOnly: true });
  const describeFirst = spec.kind === "move" && variant >= 7;
  const describe = { imported: roles.describe.old, local: roles.describe.old };
  if (describeFirst) bindings.unshift(describe); // moved symbol first: the primary statement is the moved one
  else bindings.push(describe);
  sites.push({ form: "named", ext, bindings });
  uses.push(
    `export function connect${k}_${i}(user: string, sink: string[] = []): ${clsLocal} {\n` +
    `  const options: ${roles.options.old} = { user, capacity: ${i % 40 + 2}, onMessage: (message) => sink.push(message) };\n` +
    `  const client = ${factoryCall}(options);\n` +
    `  client.send(${describe.local}(client));\n` +
    `  return client instanceof ${clsLocal} ? client : new ${clsLocal}(options);\n` +
    `}`,
  );
  return sites.map((site, n) => ({ k, site, use: uses[n], call: `connect${k}_${i}("user${i}").history().length` }));
}
