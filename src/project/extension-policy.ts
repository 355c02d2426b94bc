import type * as TS from "typescript";
import type { ExtensionPolicy } from "../plan/types";
import { loadsAsEsModuleAnywhere } from "../scan/import-use";

/**
 * Under node16/nodenext resolution an ES module import of a relative path must name its file's extension
 * (TS2835, and Node's loader fails without it), while CommonJS ones need none. So a path target of an import
 * written as a bare specifier or alias gets the emitted extension in an ES module file, and in any file's
 * `import()`, which loads as an ES module there; elsewhere the import keeps the extensionless style.
 */
export function extensionPolicyFor(ts: typeof TS, options: TS.CompilerOptions, fileFormat: TS.ResolutionMode): ExtensionPolicy {
  const { ModuleKind, ModuleResolutionKind } = ts;
  const module = options.module;
  const implied = module !== undefined && module >= ModuleKind.Node16 && module <= ModuleKind.NodeNext ? ModuleResolutionKind.Node16 : undefined;
  const resolution = options.moduleResolution ?? implied;
  if (resolution !== ModuleResolutionKind.Node16 && resolution !== ModuleResolutionKind.NodeNext) return {};
  if (fileFormat === ModuleKind.ESNext) return { requiresExtension: () => true };
  return { requiresExtension: loadsAsEsModuleAnywhere };
}
