import type { SsotDiagnostic } from "../diagnostic";
import type { JsonSource } from "./json-source";
import * as path from "node:path";
import type { Node } from "jsonc-parser";
import { isInside, isPathLike, resolveModuleRef, toPosix, type FileSystem } from "./module-paths";
import { RuleIndex } from "./targets";
import type { ModuleRef, Rule, RuleSet, RuleSetOptions, SymbolTarget } from "./types";
import type { RawRule } from "./validate";

/**
 * Turns shape-checked rules into absolute, comparable modules and rejects the contradictions that only
 * show once paths are known: a rule onto itself, two rules for one module, cycles, targets that do not exist.
 */
export function normaliseRules(
  raw: readonly RawRule[],
  options: RuleSetOptions,
  source: JsonSource,
  baseDir: string,
  fs: FileSystem,
  scope: ProjectScope = { root: baseDir, allowOutside: false },
): { ruleSet: RuleSet; errors: SsotDiagnostic[] } {
  const errors: SsotDiagnostic[] = [];
  const rules: Rule[] = [];
  const fail = (offset: number, rule: string, message: string) =>
    errors.push({ severity: "error", file: source.file, ...source.locate(offset), rule, message });

  // A bare target is resolved by the adapter's resolver (node_modules, path aliases). A path target must exist,
  // unless another rule deprecates it in turn: then it is only a step of a chain, and may be gone already.
  const froms = raw.map((r) => resolveModuleRef(r.from, baseDir, fs));
  const deprecatedKeys = new Set(froms.map((m) => m.key));
  const targetExists = (module: ModuleRef) => module.kind === "bare" || module.file !== undefined || deprecatedKeys.has(module.key);

  // A path that only descends (`./src/x`, no `..` step) stays inside the rules file's folder: only the others are
  // resolved again to be tested (each resolve normalises the whole path; see isInside).
  const baseInside = isInside(scope.root, toPosix(path.resolve(baseDir)));
  const descends = (written: string) => baseInside && written.startsWith("./") && !/(?:^|[\\/])\.\.(?:[\\/]|$)/.test(written);

  raw.forEach((r, i) => {
    const label = `rule ${r.index} (${r.from} → ${r.to ?? "listed symbols only"})`;
    let ok = true;
    const from = froms[i];
    const to = r.to === undefined ? undefined : resolveModuleRef(r.to, baseDir, fs);
    const leaves = (written: string, node: Node, key: string) => {
      if (scope.allowOutside || !isPathLike(written) || descends(written) || isInside(scope.root, toPosix(path.resolve(baseDir, written)))) return false;
      fail(node.offset, label, `${key} ${written} is outside the project (${scope.root}); rules may only name modules inside it, unless the rules file says "allowOutsideProject": true`);
      return true;
    };
    if (leaves(r.from, r.fromNode, `"from"`)) ok = false;
    if (to && leaves(r.to!, r.toNode!, `"to"`)) ok = false;
    else if (to && !targetExists(to)) {
      fail(r.toNode!.offset, label, `"to" names ${r.to}, which ${missingTargetReason(r.to!, baseDir, fs)}`);
      ok = false;
    }
    if (to && to.key === from.key) {
      fail(r.toNode!.offset, label, `"from" and "to" are the same module (${from.kind === "path" ? from.key : from.written})`);
      ok = false;
    }
    const symbols = new Map<string, SymbolTarget>();
    const symbolLocations = new Map<string, { line: number; column: number }>();
    for (const s of r.symbols) {
      let module: ModuleRef | undefined;
      if (s.to !== undefined) {
        module = resolveModuleRef(s.to, baseDir, fs);
        if (leaves(s.to, s.node, `symbol "${s.oldName}" moves to`)) ok = false;
        else if (!targetExists(module)) {
          fail(s.node.offset, label, `symbol "${s.oldName}" moves to ${s.to}, which ${missingTargetReason(s.to, baseDir, fs)}`);
          ok = false;
        }
      }
      symbols.set(s.oldName, { module, name: s.newName });
      symbolLocations.set(s.oldName, source.locate(s.node.offset));
    }
    if (!ok) return;
    rules.push({
      index: r.index,
      label,
      from,
      to,
      symbols,
      message: r.message,
      ...source.locate(r.node.offset),
      symbolLocations,
    });
  });

  const unique = rejectDuplicates(rules, raw, fail);
  const ruleSet: RuleSet = { file: source.file, baseDir, rules: unique, options };
  const cyclic = findCycles(ruleSet, raw, fail);
  return { ruleSet: { ...ruleSet, rules: unique.filter((r) => !cyclic.has(r)) }, errors };
}

/** The folder rule paths must stay inside, and whether the rules file opted out of that. */
export interface ProjectScope {
  root: string;
  allowOutside: boolean;
}

/** Why a path target has no module: a file that is not source code (`./package.json`), or nothing at all. */
function missingTargetReason(written: string, baseDir: string, fs: FileSystem): string {
  const absolute = toPosix(path.resolve(baseDir, written));
  if (fs.fileExists(absolute)) return `is not a module (not a source file: .ts, .tsx, .mts, .cts, .js, .jsx, .mjs, .cjs, .d.ts)`;
  if (fs.directoryExists?.(absolute)) return `is a folder without an index file (index.ts, index.js, …)`;
  return `does not exist (no file with a source extension, and no folder index)`;
}

function rejectDuplicates(rules: Rule[], raw: readonly RawRule[], fail: (offset: number, rule: string, message: string) => void): Rule[] {
  const firstByKey = new Map<string, Rule>();
  const kept: Rule[] = [];
  for (const rule of rules) {
    const first = firstByKey.get(rule.from.key);
    if (first) {
      const node = raw.find((r) => r.index === rule.index)!.fromNode;
      fail(node.offset, rule.label, `"from" ${rule.from.written} is already deprecated by ${first.label}; merge the two rules`);
      continue;
    }
    firstByKey.set(rule.from.key, rule);
    kept.push(rule);
  }
  return kept;
}

function findCycles(ruleSet: RuleSet, raw: readonly RawRule[], fail: (offset: number, rule: string, message: string) => void): Set<Rule> {
  const index = new RuleIndex(ruleSet);
  const cyclic = new Set<Rule>();
  const offsetOf = (rule: Rule) => raw.find((r) => r.index === rule.index)!.node.offset;
  for (const rule of ruleSet.rules) {
    const path = [rule];
    for (let next = rule.to && index.ruleFor(rule.to.key); next; next = next.to && index.ruleFor(next.to.key)) {
      if (next === rule) {
        fail(offsetOf(rule), rule.label, `rules form a cycle: ${path.map((r) => `rule ${r.index}`).join(" → ")} → rule ${rule.index}`);
        cyclic.add(rule);
        break;
      }
      if (path.includes(next)) break;
      path.push(next);
    }
    if (cyclic.has(rule)) continue;
    for (const name of rule.symbols.keys()) {
      if (index.symbolTarget(rule, name) === undefined) {
        fail(offsetOf(rule), rule.label, `symbol "${name}" is moved in a cycle between rules`);
        cyclic.add(rule);
      }
    }
  }
  return cyclic;
}
