import { describeReplacement } from "../../messages";
import type { Violation } from "../scan";

/**
 * What a deprecated import resolves to under the rules, chains followed, written as its importer would write
 * it: the module, and each imported name that changes. The words are the core's, shared with the builds.
 */
export function describeTarget(v: Violation): string {
  return describeReplacement(v.replacement, v.targets);
}

/** `3 violations in 2 files`, with singulars where they belong. */
export function countPhrase(violations: number, files: number): string {
  return `${violations} ${violations === 1 ? "violation" : "violations"} in ${files} ${files === 1 ? "file" : "files"}`;
}
