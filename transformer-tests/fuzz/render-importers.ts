import type { GroupModel, ImporterModel } from "./model";
import { oldName, targetOf, type Target } from "./render-modules";

/**
 * One importer of a group's deprecated module, written twice: as the user has it, and migrated by hand (every
 * name imported from where it lives now, under its new name, keeping the local name). Where a picked name is
 * one the rules forgot, the twin is instead the refusal every adapter must give: file and line.
 */

export interface Refusal {
  file: string;
  line: number;
  /** 1-based index of the rule that matched the import. */
  rule: number;
}

export interface ImporterFiles {
  unmigrated: Record<string, string>;
  twin: Record<string, string>;
  refusals: Refusal[];
  /** Module that exports `run()`, relative to src/, without extension. */
  runModule: string;
}

interface Pick {
  index: number;
  old: string;
  /** The local (or re-exported) name the user's code uses. */
  local: string;
  type: boolean;
  target: Target;
}

type Module = "ssot" | "extra" | "old";

/** `import a, { b as c, type D } from "m"` from bindings; `default` as the imported name becomes the default clause. */
function importLine(bindings: Array<{ imported: string; local: string; type: boolean }>, specifier: string): string {
  const def = bindings.find((b) => b.imported === "default" && !b.type);
  const named = bindings.filter((b) => b !== def).map((b) => `${b.type ? "type " : ""}${b.imported === b.local ? b.local : `${b.imported} as ${b.local}`}`);
  const clauses = [def?.local, named.length > 0 ? `{ ${named.join(", ")} }` : undefined].filter(Boolean);
  return `import ${clauses.join(", ")} from "${specifier}";`;
}

function exportLine(bindings: Array<{ imported: string; exported: string; type: boolean }>, specifier: string): string {
  const named = bindings.map((b) => `${b.type ? "type " : ""}${b.imported === b.exported ? b.exported : `${b.imported} as ${b.exported}`}`);
  return `export { ${named.join(", ")} } from "${specifier}";`;
}

const modulesOf = (picks: Pick[]): Module[] => [...new Set(picks.map((p) => p.target.module).filter((m): m is Module => m !== undefined))];

export function renderImporter(g: GroupModel, n: number, k: number, imp: ImporterModel, firstRule: number): ImporterFiles {
  const folder = imp.nested ? `g${n}/sub` : `g${n}`;
  const file = `src/${folder}/u${k}.ts`;
  const up = imp.nested ? ".." : ".";
  const spec = (module: string) => (imp.viaAlias ? `@al/g${n}/${module}` : `${up}/${module}`);
  const picks: Pick[] = imp.picks.map((index) => {
    const old = oldName(g, index);
    const type = index < g.symbols.length && g.symbols[index].type;
    const local = old === "default" ? `dflt${k}` : imp.aliased ? `a_${old}` : old;
    return { index, old, local, type, target: targetOf(g, index) };
  });
  const forgotten = picks.filter((p) => p.target.module === undefined);
  const words = `g${n}.u${k}`;
  const typeDecls = (ref: (p: Pick) => string, from = picks) => from.filter((p) => p.type).map((p) => `  const v_${p.old}: ${ref(p)} = { v: "${words}.${p.old}" };`);
  const values = (call: (p: Pick) => string, from: Pick[]) => from.map((p) => (p.type ? `v_${p.old}.v` : `${call(p)}()`));
  // The twin leaves out the names the rules forgot: it only has to compile, its output is never compared then.
  const twinPicks = picks.filter((p) => p.target.module !== undefined);
  const logLine = (call: (p: Pick) => string, from = picks) => `  console.log("${words}", ${[...values(call, from), ...lookalikeUse()].join(", ") || '""'});`;

  const lookalikeIndex = g.symbols.findIndex((s) => !s.type);
  const lookalike = imp.withLookalike && lookalikeIndex >= 0 ? oldName(g, lookalikeIndex) : undefined;
  const lookalikeImport = lookalike ? [`import { ${lookalike} as look${k} } from "${imp.viaAlias ? `@al/g${n}/other/old` : `${up}/other/old`}";`] : [];
  function lookalikeUse(): string[] {
    return lookalike ? [`look${k}()`] : [];
  }

  const twinBindings = (module: Module) => picks.filter((p) => p.target.module === module).map((p) => ({ imported: p.target.name, local: p.local, type: p.type }));
  const runFn = (head: string[], body: string[]) => [...lookalikeImport, ...head, "export async function run(): Promise<void> {", ...body, "}", ""].join("\n");

  const unmigrated: Record<string, string> = {};
  const twin: Record<string, string> = {};
  let refusalLines: Array<{ file: string; line: number }> = [];
  const refuseAt = (f: string, text: string, needle: string) => {
    if (forgotten.length > 0) refusalLines.push({ file: f, line: text.split("\n").findIndex((l) => l.includes(needle)) + 1 });
  };

  switch (imp.form) {
    case "named":
    case "default":
    case "typeOnly": {
      const typeOnly = imp.form === "typeOnly";
      const statement = (line: string) => (typeOnly ? line.replace(/^import /, "import type ") : line);
      const head = statement(importLine(picks.map((p) => ({ imported: p.old, local: p.local, type: p.type && !typeOnly })), spec("old")));
      const body = [...typeDecls((p) => p.local), logLine((p) => p.local)];
      const twinBody = [...typeDecls((p) => p.local, twinPicks), logLine((p) => p.local, twinPicks)];
      unmigrated[file] = runFn([head], body);
      twin[file] = runFn(modulesOf(picks).map((m) => statement(importLine(twinBindings(m).map((b) => ({ ...b, type: b.type && !typeOnly })), spec(m)))), twinBody);
      refuseAt(file, unmigrated[file], head);
      break;
    }
    case "namespace":
    case "importEquals":
    case "dynamicImport": {
      const ns = (m: Module | "old-as-written") => (m === "old-as-written" ? `ns${k}` : `ns${k}_${m}`);
      const head = (m: Module | "old-as-written", s: string) =>
        imp.form === "namespace" ? `import * as ${ns(m)} from "${s}";` : imp.form === "importEquals" ? `import ${ns(m)} = require("${s}");` : `  const ${ns(m)} = await import("${s}");`;
      const access = (p: Pick, m: Module | "old-as-written", name: string) => `${ns(m)}.${name}`;
      const dynamic = imp.form === "dynamicImport";
      const userLog = logLine((p) => access(p, "old-as-written", p.old));
      const userTypes = typeDecls((p) => access(p, "old-as-written", p.old));
      const twinLog = logLine((p) => access(p, p.target.module!, p.target.name), twinPicks);
      const twinTypes = typeDecls((p) => access(p, p.target.module!, p.target.name), twinPicks);
      const twinHeads = modulesOf(picks).map((m) => head(m, spec(m)));
      unmigrated[file] = dynamic ? runFn([], [head("old-as-written", spec("old")), ...userTypes, userLog]) : runFn([head("old-as-written", spec("old"))], [...userTypes, userLog]);
      twin[file] = dynamic ? runFn([], [...twinHeads, ...twinTypes, twinLog]) : runFn(twinHeads, [...twinTypes, twinLog]);
      refuseAt(file, unmigrated[file], userLog);
      break;
    }
    case "require": {
      const destructure = (bindings: Array<{ imported: string; local: string }>) => bindings.map((b) => (b.imported === b.local ? b.local : `${b.imported}: ${b.local}`)).join(", ");
      const head = `const { ${destructure(picks.map((p) => ({ imported: p.old, local: p.local })))} } = require("${spec("old")}");`;
      unmigrated[file] = runFn([head], [logLine((p) => p.local)]);
      twin[file] = runFn(modulesOf(picks).map((m) => `const { ${destructure(twinBindings(m))} } = require("${spec(m)}");`), [logLine((p) => p.local, twinPicks)]);
      refuseAt(file, unmigrated[file], head);
      break;
    }
    case "sideEffect": {
      const body = [logLine(() => "")];
      unmigrated[file] = runFn([`import "${spec("old")}";`], body);
      // The module-level target is where a side-effect import goes, whatever the chain in between.
      twin[file] = runFn([`import "${spec("ssot")}";`], body);
      break;
    }
    case "exportNamed":
    case "exportStar": {
      const reFile = `src/${folder}/re${k}.ts`;
      const exported = (p: Pick) => (p.old === "default" ? `rdef${k}` : imp.form === "exportNamed" && imp.aliased ? `r_${p.old}` : p.old);
      const consumer = picks.map((p) => ({ imported: exported(p), local: p.local, type: p.type }));
      unmigrated[file] = runFn([importLine(consumer, `./re${k}`)], [...typeDecls((p) => p.local), logLine((p) => p.local)]);
      const twinConsumer = consumer.filter((_, i) => picks[i].target.module !== undefined);
      twin[file] = runFn(twinConsumer.length > 0 ? [importLine(twinConsumer, `./re${k}`)] : [], [...typeDecls((p) => p.local, twinPicks), logLine((p) => p.local, twinPicks)]);
      const twinExports = (m: Module) => picks.filter((p) => p.target.module === m).map((p) => ({ imported: p.target.name, exported: exported(p), type: p.type }));
      if (imp.form === "exportNamed") {
        const line = exportLine(picks.map((p) => ({ imported: p.old, exported: exported(p), type: p.type })), spec("old"));
        unmigrated[reFile] = `${line}\n`;
        twin[reFile] = modulesOf(picks).map((m) => `${exportLine(twinExports(m), spec(m))}\n`).join("") || "export {};\n";
        refuseAt(reFile, unmigrated[reFile], line);
      } else {
        const starModule: Module = g.splitOnly ? "old" : "ssot";
        unmigrated[reFile] = `export * from "${spec("old")}";\n`;
        // `export *` keeps the module's whole surface: every name the rules move is re-exported under its old name.
        const every = [...g.symbols.keys()].map((index) => ({ index, old: oldName(g, index), local: oldName(g, index), type: g.symbols[index].type, target: targetOf(g, index) }));
        const explicit = every.filter((p) => p.target.module !== undefined && !(p.target.module === starModule && p.target.name === p.old));
        const explicitExports = (m: Module) => explicit.filter((p) => p.target.module === m).map((p) => ({ imported: p.target.name, exported: p.old, type: p.type }));
        twin[reFile] = [`export * from "${spec(starModule)}";`, ...modulesOf(explicit).map((m) => exportLine(explicitExports(m), spec(m)))].join("\n") + "\n";
      }
      break;
    }
  }
  refusalLines = refusalLines.filter((r) => r.line > 0);
  return { unmigrated, twin, refusals: refusalLines.map((r) => ({ ...r, rule: firstRule })), runModule: `${folder}/u${k}` };
}
