import type { ActiveRules } from "../esbuild/active-rules";
import { escapeRegExp } from "../match/escape-regexp";
import { FACADE_ID } from "./facade-ids";
import type { LoadPlan } from "./load-plan";

/** Files whose code can import modules (and call `vi.mock`). */
export const SCRIPT = /\.[cm]?[jt]sx?(?:$|\?)/;

/** A pattern no id matches: a hook that has nothing to do gets no call. */
const NOTHING = /^\b$/;

export interface HookFilters {
  /** Specifiers that may name a deprecated module (the matcher's own pattern); undefined: every one. */
  resolveId?: { id: RegExp };
  /** Facades, and the deprecated files whose facade is served where they are loaded (load-plan.ts). */
  load: { id: { include: RegExp[] } };
  /** Script files outside node_modules whose text calls a mock function (the rules' `mockFunctions`). */
  transform: { id: { include: RegExp; exclude: RegExp[] }; code?: { include: RegExp } };
  /** Equal for two rule sets exactly when the same filters serve both. */
  signature: string;
}

/**
 * The hooks' filters, which Rolldown (and Vite's build on it) test in Rust: without them every import and every
 * module of a 4,000-module tree crosses into JavaScript to be turned down there. They come from the rules, so
 * they are fixed when the build starts; without usable rules nothing is filtered out and the hooks report why.
 * With a load plan, `resolveId` sees only the specifiers of the rules loading cannot serve.
 */
export function hookFilters(active: ActiveRules | undefined, plan?: LoadPlan): HookFilters {
  const id = { include: SCRIPT, exclude: [FACADE_ID, /[\\/]node_modules[\\/]/] };
  const load = { id: { include: plan?.loadFilter ? [FACADE_ID, plan.loadFilter] : [FACADE_ID] } };
  if (!active) return { load, transform: { id }, signature: "" };
  const specifiers = !plan ? new RegExp(active.matcher.specifierPattern()) : plan.viaResolve.length > 0 ? new RegExp(active.matcher.specifierPatternFor(plan.viaResolve)) : NOTHING;
  const mocks = new RegExp(active.ruleSet.options.mockFunctions.map(escapeRegExp).join("|") || "^\\b$");
  const signature = [specifiers.source, mocks.source, plan?.loadFilter?.source ?? ""].join("\n");
  return { resolveId: { id: specifiers }, load, transform: { id, code: { include: mocks } }, signature };
}
