import type { SsotDiagnostic } from "../diagnostic";

/**
 * A module named by a rule. Path modules are matched by what an import resolves to; bare ones by the
 * specifier as written.
 */
export type ModuleRef = PathModule | BareModule;

export interface PathModule {
  kind: "path";
  /** Absolute, `/`-separated, without a source extension: the identity imports are compared against. */
  key: string;
  /** The file that exists for it (absent when the module was deleted, which only a `from` may be). */
  file?: string;
  /** True when the user named a folder whose `index` file is the module. */
  isFolder: boolean;
  /** As written in the rules file, for messages. */
  written: string;
}

export interface BareModule {
  kind: "bare";
  key: string;
  written: string;
}

export interface SymbolTarget {
  /** Absent: the rule's own `to`, or `from` when the rule has none. */
  module?: ModuleRef;
  name: string;
}

export interface Rule {
  /** 1-based position in the rules array. */
  index: number;
  /** `rule 1 (./src/old → ./src/new)`: how every message names it. */
  label: string;
  from: ModuleRef;
  to?: ModuleRef;
  symbols: ReadonlyMap<string, SymbolTarget>;
  message?: string;
  /** Where the rule object starts in the rules file. */
  line: number;
  column: number;
  /** Where each `symbols` entry sits, so a missing export can be pointed at precisely. */
  symbolLocations: ReadonlyMap<string, { line: number; column: number }>;
}

export interface RuleSetOptions {
  /** `summary`: one line per build with the count of rewritten imports per rule. */
  report: "off" | "summary";
  /** Callee names whose first string argument is a module specifier (test-framework mocks). */
  mockFunctions: readonly string[];
}

export interface RuleSet {
  /** The rules file, or the tsconfig that holds them inline. */
  file: string;
  /** Folder that `./` paths in the rules are relative to. */
  baseDir: string;
  rules: readonly Rule[];
  options: RuleSetOptions;
  /** What the user should hear about although nothing is wrong enough to stop (`"rules": []`). */
  warnings?: readonly SsotDiagnostic[];
}

export const DEFAULT_MOCK_FUNCTIONS: readonly string[] = [
  "vi.mock",
  "vi.doMock",
  "vi.unmock",
  "vi.doUnmock",
  "vi.importActual",
  "vi.importMock",
  "jest.mock",
  "jest.doMock",
  "jest.unmock",
  "jest.dontMock",
  "jest.setMock",
  "jest.requireActual",
  "jest.requireMock",
  "jest.createMockFromModule",
];
