import type { ActiveRules } from "../esbuild/active-rules";
import { escapeRegExp } from "../match/escape-regexp";
import { FACADE_ID } from "./facade-ids";

/** Files whose code can import modules (and call `vi.mock`). */
export const SCRIPT = /\.[cm]?[jt]sx?(?:$|\?)/;

export interface HookFilters {
  /** Specifiers that may name a deprecated module (the matcher's own pattern); undefined: every one. */
  resolveId?: { id: RegExp };
  /** Script files outside node_modules whose text calls a mock function (the rules' `mockFunctions`). */
  transform: { id: { include: RegExp; exclude: RegExp[] }; code?: { include: RegExp } };
  /** Equal for two rule sets exactly when the same filters serve both. */
  signature: string;
}

/**
 * The hooks' filters, which Rolldown (and Vite's build on it) test in Rust: without them every import and every
 * module of a 4,000-module tree crosses into JavaScript to be turned down there. They come from the rules, so
 * they are fixed when the build starts; without usable rules nothing is filtered out and the hooks report why.
 */
export function hookFilters(active: ActiveRules | undefined): HookFilters {
  const id = { include: SCRIPT, exclude: [FACADE_ID, /[\\/]node_modules[\\/]/] };
  if (!active) return { transform: { id }, signature: "" };
  const specifiers = new RegExp(active.matcher.specifierPattern());
  const mocks = new RegExp(active.ruleSet.options.mockFunctions.map(escapeRegExp).join("|") || "^\\b$");
  return { resolveId: { id: specifiers }, transform: { id, code: { include: mocks } }, signature: `${specifiers.source}\n${mocks.source}` };
}
