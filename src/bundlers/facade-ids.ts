import * as path from "node:path";
import { toPosix } from "../rules/module-paths";
import type { Rule, RuleSet } from "../rules/types";

/**
 * A facade's module id. `\0` is the convention of Rollup-like bundlers for a module no file backs (other
 * plugins leave it alone); webpack and Rspack get it wrapped by unplugin as a virtual module. The rest is the
 * deprecated module relative to the rules file's folder, so bundles name it the same on every machine.
 */
const MARK = "ssot-imports-facade:";
const PREFIX = `\0${MARK}`;

/** Found anywhere in an id: webpack and Rspack hand the id back inside a virtual path of theirs. */
export const FACADE_ID = /ssot-imports-facade:/;

export function facadeId(ruleSet: RuleSet, rule: Rule): string {
  if (rule.from.kind === "bare") return PREFIX + rule.from.key;
  const relative = path.posix.relative(toPosix(ruleSet.baseDir), rule.from.key);
  return PREFIX + (relative.startsWith("../") ? relative : `./${relative}`);
}

/**
 * The rule key a facade id stands for (the inverse of facadeId); undefined for any other id, such as another
 * plugin's module derived from a facade (`\0…?commonjs-proxy`), which that plugin loads itself.
 */
export function facadeKey(ruleSet: RuleSet, id: string): string | undefined {
  const at = id.indexOf(MARK);
  if (at < 0 || id.includes("?", at)) return undefined;
  const name = id.slice(at + MARK.length);
  return name.startsWith("./") || name.startsWith("../") ? path.posix.join(toPosix(ruleSet.baseDir), name) : name;
}

/** A module id as a file path: bundlers append queries (`?v=…`, `?raw`) that name no other file. */
export function fileOfId(id: string): string {
  const query = id.indexOf("?");
  return query < 0 ? id : id.slice(0, query);
}
