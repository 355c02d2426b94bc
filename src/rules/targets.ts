import type { ModuleRef, Rule, RuleSet } from "./types";

/** Where one imported name really lives once every rule in the chain has been applied. */
export interface ResolvedSymbol {
  module: ModuleRef;
  name: string;
}

/** Rules indexed by the module they deprecate; built once per rule set. */
export class RuleIndex {
  private readonly byFromKey = new Map<string, Rule>();
  /** Planners ask the same rule and name for every importer: each chain is walked once per rule set. */
  private readonly symbolTargets = new Map<Rule, Map<string, ResolvedSymbol | undefined>>();
  private readonly listed = new Map<Rule, readonly string[]>();

  /**
   * `otherKeys`: further keys naming a rule's `from`, for an adapter whose resolver reports paths another way
   * than the rules file names them (esbuild follows symlinks to the real path).
   */
  constructor(
    readonly ruleSet: RuleSet,
    otherKeys?: ReadonlyMap<string, Rule>,
  ) {
    for (const rule of ruleSet.rules) if (!this.byFromKey.has(rule.from.key)) this.byFromKey.set(rule.from.key, rule);
    for (const [key, rule] of otherKeys ?? []) if (!this.byFromKey.has(key)) this.byFromKey.set(key, rule);
  }

  ruleFor(moduleKey: string): Rule | undefined {
    return this.byFromKey.get(moduleKey);
  }

  /** The module that everything not listed in `symbols` comes from: chains followed, `from` if there is no `to`. */
  moduleTarget(rule: Rule): ModuleRef {
    let current = rule;
    const seen = new Set<Rule>();
    while (current.to && !seen.has(current)) {
      seen.add(current);
      const next = this.byFromKey.get(current.to.key);
      if (!next) return current.to;
      current = next;
    }
    return current.to ?? current.from;
  }

  /**
   * Follows one name through renames, moves and chains. Returns undefined on a cycle, which the loader reports
   * for every listed name; an unlisted name can only cycle through module chains, which the loader rejects too.
   */
  symbolTarget(rule: Rule, name: string): ResolvedSymbol | undefined {
    let targets = this.symbolTargets.get(rule);
    if (!targets) this.symbolTargets.set(rule, (targets = new Map()));
    if (targets.has(name)) return targets.get(name);
    const target = this.followName(rule, name);
    targets.set(name, target);
    return target;
  }

  private followName(rule: Rule, name: string): ResolvedSymbol | undefined {
    const seen = new Set<string>();
    let current: Rule | undefined = rule;
    let module: ModuleRef = rule.from;
    let currentName = name;
    while (current) {
      const step = `${current.index}:${currentName}`;
      if (seen.has(step)) return undefined;
      seen.add(step);
      const listed = current.symbols.get(currentName);
      module = listed?.module ?? current.to ?? current.from;
      currentName = listed?.name ?? currentName;
      const next = this.byFromKey.get(module.key);
      current = next && next !== current ? next : undefined;
    }
    return { module, name: currentName };
  }

  /** Every name listed along the rule's chain: the only names whose home can differ from the module target. */
  listedNames(rule: Rule): readonly string[] {
    let listed = this.listed.get(rule);
    if (!listed) this.listed.set(rule, (listed = this.collectListedNames(rule)));
    return listed;
  }

  private collectListedNames(rule: Rule): readonly string[] {
    const names = new Set<string>();
    const seen = new Set<Rule>();
    for (let current: Rule | undefined = rule; current && !seen.has(current); current = current.to && this.byFromKey.get(current.to.key)) {
      seen.add(current);
      for (const name of current.symbols.keys()) names.add(name);
    }
    return [...names];
  }

  /** True when some imported name may end up renamed or in another module than the module target. */
  reshapesExports(rule: Rule): boolean {
    const seen = new Set<Rule>();
    for (let current: Rule | undefined = rule; current && !seen.has(current); current = current.to && this.byFromKey.get(current.to.key)) {
      if (current.symbols.size > 0) return true;
      seen.add(current);
    }
    return false;
  }
}
