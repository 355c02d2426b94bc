import type { AugmentationSite, Binding, CallSite, ImportTypeSite, NamespaceBinding } from "../scan/types";
import type { SitePlan } from "./context";

/**
 * A namespace-like local (`* as ns`, `x = require()`, `const m = await import()`): when the rule renames or
 * moves exports, every `ns.member` is renamed, which is safe only if all uses are visible member accesses
 * and all members still live in one module.
 */
export function planNamespace(plan: SitePlan, namespace: NamespaceBinding, otherBindings: readonly Binding[] = []): void {
  plan.symbols.push("*");
  if (!plan.reshapes) return plan.replaceSpecifier(plan.moduleTarget);
  if (!namespace.members) {
    return plan.fail(
      plan.site.specifier.start,
      `\`${namespace.local}\` is used as a whole (not only as \`${namespace.local}.member\`), and the rule renames or moves exports of this module; import the names you use instead`,
    );
  }
  const members = namespace.members;
  plan.symbols.push(...members.map((m) => m.name), ...otherBindings.map((b) => b.imported));
  const targets = members.map((m) => plan.target(m.name));
  const modules = new Map(targets.map((t) => [t.module.key, t.module]));
  for (const binding of otherBindings) {
    const target = plan.target(binding.imported);
    if (target.name !== binding.imported) {
      return plan.fail(binding.element.start, `the default import \`${binding.local}\` beside a namespace import becomes \`${target.name}\`; split the import`);
    }
    modules.set(target.module.key, target.module);
  }
  if (modules.size > 1) {
    const moved = members.filter((_, i) => targets[i].module.key !== targets[0].module.key).map((m) => m.name);
    return plan.fail(
      plan.site.specifier.start,
      `members of \`${namespace.local}\` would come from ${modules.size} modules (${[...new Set(moved)].join(", ")} moved elsewhere); import them by name`,
    );
  }
  const module = modules.values().next().value ?? plan.moduleTarget;
  members.forEach((member, i) => {
    if (targets[i].name !== member.name) plan.edits.push({ start: member.range.start, end: member.range.end, text: targets[i].name });
  });
  plan.replaceSpecifier(module);
}

/** `require("…")`, `import("…")` and test-framework mock calls. */
export function planCall(plan: SitePlan, site: CallSite): void {
  if (!plan.reshapes) {
    plan.symbols.push("*");
    return plan.replaceSpecifier(plan.moduleTarget);
  }
  // `setMock(path, exports)` hands over the module object itself: keyed by export names, like a factory's.
  // `unstable_mockModule` and `unstable_unmockModule` are Jest's mock and unmock for ES modules.
  if (site.kind === "mock" && /(?:^|\.)(?:mock|doMock|unmock|doUnmock|dontMock|setMock|unstable_mockModule|unstable_unmockModule)$/.test(site.callee)) {
    if (site.extraArguments === 0) {
      // An automock covers one module; a symbol moved to another one would silently stop being mocked.
      const moduleTarget = plan.moduleTarget;
      const elsewhere = plan.index.listedNames(plan.rule).filter((name) => plan.target(name).module.key !== moduleTarget.key);
      if (elsewhere.length > 0) {
        const modules = [...new Set(elsewhere.map((name) => plan.target(name).module.written))].join(", ");
        return plan.fail(site.specifier.start, `\`${site.callee}\` mocks one module, but the rule moves ${elsewhere.join(", ")} to ${modules}; add a \`${site.callee}\` call for each module by hand`);
      }
      plan.symbols.push("*");
      return plan.replaceSpecifier(moduleTarget);
    }
    return plan.fail(site.specifier.start, `the factory of \`${site.callee}\` returns the deprecated module's export names, which the rule renames or moves; migrate this mock by hand`);
  }
  const usage = site.usage;
  switch (usage.kind) {
    case "unused":
      plan.symbols.push("*");
      return plan.replaceSpecifier(plan.moduleTarget);
    case "namespace":
      return planNamespace(plan, usage.namespace);
    case "member":
      return planNamespace(plan, { local: site.callee, members: [usage.member] });
    case "destructured": {
      const groups = plan.group(usage.bindings);
      if (groups.length > 1) {
        return plan.fail(site.specifier.start, `the names destructured from \`${site.callee}("${site.specifier.value}")\` would come from ${groups.length} modules; split the statement`);
      }
      plan.symbols.push(...usage.bindings.map((b) => b.imported));
      for (const item of groups[0]?.items ?? []) plan.renameBinding(item.binding, item.target.name);
      return plan.replaceSpecifier(groups[0]?.module ?? plan.moduleTarget);
    }
    case "opaque":
      return plan.fail(site.specifier.start, `the module object of \`${site.callee}("${site.specifier.value}")\` is used in a way whose member names cannot be seen, and the rule renames or moves exports; destructure the names you use`);
  }
}

/** `import("…").Name` in a type: the first qualifier names the export. */
export function planImportType(plan: SitePlan, site: ImportTypeSite): void {
  if (!plan.reshapes) {
    plan.symbols.push("*");
    return plan.replaceSpecifier(plan.moduleTarget);
  }
  if (!site.qualifier) {
    return plan.fail(site.specifier.start, `\`${site.isTypeOf ? "typeof " : ""}import("${site.specifier.value}")\` names the whole module, whose exports the rule renames or moves; name the export you need`);
  }
  const target = plan.target(site.qualifier.name);
  if (target.name !== site.qualifier.name) {
    plan.edits.push({ start: site.qualifier.range.start, end: site.qualifier.range.end, text: target.name });
  }
  plan.symbols.push(site.qualifier.name);
  plan.replaceSpecifier(target.module);
}

/**
 * `declare module "…" { interface Manager { … } }` patches exports by name, so each declared name follows the
 * rule: a renamed one is renamed in place (it augments the export under its new name); one moved to another
 * module, or onto `default`, cannot be expressed in this block and is an error rather than a stray declaration.
 */
export function planAugmentation(plan: SitePlan, site: AugmentationSite): void {
  const moduleTarget = plan.moduleTarget;
  for (const declared of site.declared) {
    const target = plan.target(declared.name);
    if (target.module.key !== moduleTarget.key || target.name === "default") {
      return plan.fail(site.specifier.start, `this augmentation declares \`${declared.name}\`, which the rule moves to \`${target.name}\` in ${target.module.written}; augment it there by hand`);
    }
    if (target.name !== declared.name) plan.edits.push({ start: declared.range.start, end: declared.range.end, text: target.name });
  }
  plan.replaceSpecifier(moduleTarget);
}
