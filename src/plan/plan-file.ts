import { lineLocator } from "../diagnostic";
import type { RuleIndex } from "../rules/targets";
import type { Rule } from "../rules/types";
import type { ImportSite } from "../scan/types";
import { findForgottenName } from "../check/forgotten-names";
import { askedNames } from "./asked-names";
import { SitePlan, type PlanSettings } from "./context";
import { planDeclaration } from "./plan-declaration";
import { planAugmentation, planCall, planImportType, planNamespace } from "./plan-namespace";
import type { Layout, RewritePlan } from "./types";

export interface MatchedSite {
  site: ImportSite;
  rule: Rule;
}

export interface PlanInput extends PlanSettings {
  file: string;
  text: string;
  index: RuleIndex;
  matches: readonly MatchedSite[];
  layout?: Layout;
}

/** Decides what each deprecated import of one file becomes: pure, from sites and matches to text edits. */
export function planFile({ file, text, index, matches, layout = "same-line", ...settings }: PlanInput): RewritePlan {
  const plan: RewritePlan = { file, edits: [], rewrites: [], unsafe: [], diagnostics: [] };
  if (matches.length === 0) return plan;
  const locate = lineLocator(text);
  for (const { site, rule } of matches) {
    const sitePlan = new SitePlan(file, text, index, layout, site, rule, locate, settings);
    const forgotten = settings.exportsName && findForgottenName(file, site, rule, index, settings.exportsName, locate);
    if (forgotten) {
      sitePlan.error = forgotten;
      sitePlan.symbols.push(...askedNames(site).map((a) => a.name));
    } else planSite(sitePlan, site);
    if (sitePlan.error) {
      plan.diagnostics.push(sitePlan.error);
      plan.unsafe.push(sitePlan.located());
      continue;
    }
    plan.edits.push(...sitePlan.edits);
    const rewrite = sitePlan.rewrite();
    if (rewrite) plan.rewrites.push(rewrite);
  }
  plan.edits.sort((a, b) => a.start - b.start || a.end - b.end);
  return plan;
}

function planSite(sitePlan: SitePlan, site: ImportSite): void {
  switch (site.kind) {
    case "import":
    case "export":
      return planDeclaration(sitePlan, site);
    case "import-equals":
      return planNamespace(sitePlan, site.namespace);
    case "require":
    case "dynamic-import":
    case "mock":
      return planCall(sitePlan, site);
    case "import-type":
      return planImportType(sitePlan, site);
    case "augmentation":
      return planAugmentation(sitePlan, site);
  }
}
