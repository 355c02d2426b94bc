import type { ImportSite, MemberUse } from "../scan/types";

/** A name an import asks of its module, and where the importer wrote it. */
export interface AskedName {
  name: string;
  offset: number;
}

/**
 * Every export name one import site reads from its module, as far as the syntax shows: named and default
 * bindings, re-exported names, destructured names, `ns.member` accesses, `import("…").Name`. A namespace used
 * as a whole, `export *` and a side-effect import name nothing that can be checked.
 */
export function askedNames(site: ImportSite): AskedName[] {
  const members = (uses: readonly MemberUse[] | undefined) => (uses ?? []).map((m) => ({ name: m.name, offset: m.range.start }));
  switch (site.kind) {
    case "import":
    case "export": {
      if (site.exportStar) return [];
      const bindings = [...(site.defaultBinding ? [site.defaultBinding] : []), ...(site.named ?? [])];
      return [...bindings.map((b) => ({ name: b.imported, offset: b.importedRange.start })), ...members(site.namespace?.members)];
    }
    case "import-equals":
      return members(site.namespace.members);
    case "require":
    case "dynamic-import":
    case "mock": {
      const usage = site.usage;
      if (usage.kind === "destructured") return usage.bindings.map((b) => ({ name: b.imported, offset: b.importedRange.start }));
      if (usage.kind === "member") return members([usage.member]);
      if (usage.kind === "namespace") return members(usage.namespace.members);
      return [];
    }
    case "import-type":
      return members(site.qualifier ? [site.qualifier] : []);
    case "augmentation":
      // An augmentation may add names; it never needs them to exist.
      return [];
  }
}
