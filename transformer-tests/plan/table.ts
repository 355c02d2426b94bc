/**
 * typescript-eslint-style tables for the planner: `valid` sources come out unchanged, `invalid` ones come out as
 * `output` with exactly the listed diagnostics. Every case runs through `rewriteFile` in both layouts; in
 * `same-line` (build mode) the line count must never change.
 */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import type { Layout } from "../../src/plan/types";
import { ROOT, lineCount, rewrite, type CoreFixture, type RulesDocument } from "../helpers/core";

export interface ExpectedDiagnostic {
  line: number;
  column?: number;
  /** A fragment of the message. */
  message: string;
  /** The rule label; defaults to the table's `rule`. */
  rule?: string;
}

interface CaseBase {
  name: string;
  code: string;
  /** Extra fixture files, or overrides of the table's (undefined deletes one). */
  files?: Record<string, string | undefined>;
  rules?: RulesDocument;
  importer?: string;
  paths?: Record<string, string[]>;
  packages?: Record<string, string>;
  /** Only run in this layout (for cases that only make sense in one). */
  only?: Layout;
}

export type ValidCase = CaseBase;

export interface InvalidCase extends CaseBase {
  /** The rewritten source in build mode; null when nothing may change (an error case). */
  output: string | null;
  /** The codemod's output, when it differs from build mode's. */
  newLineOutput?: string;
  errors?: ExpectedDiagnostic[];
}

export interface Table {
  /** Default fixture files (relative to the project root), rules and importer for every case. */
  files: Record<string, string>;
  rules: RulesDocument;
  importer: string;
  paths?: Record<string, string[]>;
  packages?: Record<string, string>;
  /** The label diagnostics carry when a case does not say otherwise. */
  rule?: string;
  valid?: ValidCase[];
  invalid?: InvalidCase[];
}

const LAYOUTS: Layout[] = ["same-line", "new-line"];

function fixtureOf(table: Table, c: CaseBase): { fixture: CoreFixture; importer: string } {
  const importer = c.importer ?? table.importer;
  return {
    importer,
    fixture: { files: { ...table.files, ...c.files, [importer]: c.code }, rules: c.rules ?? table.rules, paths: c.paths ?? table.paths, packages: c.packages ?? table.packages },
  };
}

export function runTable(title: string, table: Table): void {
  describe(title, () => {
    for (const c of table.valid ?? []) {
      for (const layout of LAYOUTS.filter((l) => !c.only || c.only === l)) {
        it(`valid (${layout}): ${c.name}`, () => {
          const { fixture, importer } = fixtureOf(table, c);
          const result = rewrite(fixture, importer, layout);
          expect(result.diagnostics).toEqual([]);
          expect(result.text).toBe(c.code);
        });
      }
    }
    for (const c of table.invalid ?? []) {
      for (const layout of LAYOUTS.filter((l) => !c.only || c.only === l)) {
        it(`invalid (${layout}): ${c.name}`, () => {
          const { fixture, importer } = fixtureOf(table, c);
          const result = rewrite(fixture, importer, layout);
          const expected = (layout === "new-line" ? (c.newLineOutput ?? c.output) : c.output) ?? c.code;
          expect(result.text).toBe(expected);
          if (layout === "same-line") expect(lineCount(result.text)).toBe(lineCount(c.code));
          const file = path.posix.join(ROOT, importer);
          const actual = result.diagnostics.map((d) => ({ file: d.file, line: d.line, column: d.column, rule: d.rule, message: d.message }));
          const wanted = (c.errors ?? []).map((e) => ({
            file,
            line: e.line,
            column: e.column ?? expect.any(Number),
            rule: e.rule ?? table.rule ?? expect.any(String),
            message: expect.stringContaining(e.message),
          }));
          expect(actual).toEqual(wanted);
          if (c.errors === undefined) expect(result.text).not.toBe(c.code);
        });
      }
    }
  });
}
