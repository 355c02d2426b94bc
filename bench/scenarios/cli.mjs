// CLI scenario (issue 4): `ssot-imports report --format json` on the unmigrated 10,000-module tree versus
// `tsc --noEmit` on the same tree (report needs module resolution, not type checking: it should cost a small
// fraction). Peer: ESLint's core `no-restricted-imports` (flat config written into the project,
// @typescript-eslint/parser, no type-aware rules) restricting the same deprecated modules.
//
// Before measuring, report's JSON and ESLint's JSON are compared: the same number of violations, at the same
// file:line places, or the bench stops and says where they disagree.

import * as fs from "node:fs";
import * as path from "node:path";
import { measure } from "../lib/measure.mjs";

const PROJECT = { modules: 10000, deprecatedShare: 0.05 };

const cli = (ctx) => path.join(ctx.repo, "dist", "cli", "main.js");
const eslintBin = (ctx) => path.join(ctx.repo, "node_modules", "eslint", "bin", "eslint.js");

function reportCommand(ctx, project) {
  return { cmd: process.execPath, args: [cli(ctx), "report", "--project", "tsconfig.json", "--format", "json"], cwd: project.unmigrated };
}

function tscCommand(ctx, project) {
  // The plain compiler on the same tree; tsconfig.noplugin.json is tsconfig.json without the plugin entry.
  return { cmd: process.execPath, args: [ctx.typescript.plain.tsc, "-p", "tsconfig.noplugin.json", "--noEmit"], cwd: project.unmigrated };
}

function eslintCommand(ctx, project) {
  // No cache (a cold lint, as in CI); warnings, not errors, so that the exit status is 0 with violations.
  return { cmd: process.execPath, args: [eslintBin(ctx), "--format", "json", "src"], cwd: project.unmigrated };
}

/** eslint.config.mjs for the unmigrated tree: one no-restricted-imports pattern per rule, by regex on the specifier. */
function writeEslintConfig(project) {
  const rules = JSON.parse(fs.readFileSync(path.join(project.unmigrated, "ssot-imports.json"), "utf8")).rules;
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const patterns = rules.map((rule) => {
    const stem = rule.from.replace(/^\.\/src\//, "");
    return {
      // Relative specifiers ending in the deprecated module's path under src/, with or without ".js".
      regex: `^\\.{1,2}/(?:.*/)?${escape(stem)}(?:\\.js)?$`,
      message: `Deprecated: import ${rule.to} instead.${rule.message ? ` ${rule.message}` : ""}`,
    };
  });
  const config = `// Written by bench/scenarios/cli.mjs: ESLint's no-restricted-imports for the modules ssot-imports.json deprecates.
import tsParser from "@typescript-eslint/parser";

export default [
  {
    files: ["src/**/*.ts"],
    languageOptions: { parser: tsParser },
    linterOptions: { reportUnusedDisableDirectives: "off" },
    rules: {
      "no-restricted-imports": ["warn", { patterns: ${JSON.stringify(patterns, null, 2).replace(/\n/g, "\n      ")} }],
    },
  },
];
`;
  fs.writeFileSync(path.join(project.unmigrated, "eslint.config.mjs"), config);
}

async function verify(ctx, project) {
  writeEslintConfig(project);
  const report = JSON.parse((await measure(reportCommand(ctx, project))).stdout);
  const eslint = JSON.parse((await measure(eslintCommand(ctx, project))).stdout);
  const fromReport = report.violations.map((v) => `${v.file}:${v.line}`).sort();
  const fromEslint = eslint
    .flatMap((f) => f.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => `${path.relative(project.unmigrated, f.filePath).split(path.sep).join("/")}:${m.line}`))
    .sort();
  const otherMessages = eslint.flatMap((f) => f.messages.filter((m) => m.ruleId !== "no-restricted-imports").map((m) => `${f.filePath}:${m.line} ${m.message}`));
  if (otherMessages.length > 0) throw new Error(`ESLint reports something else than no-restricted-imports (parse errors?):\n  ${otherMessages.slice(0, 5).join("\n  ")}`);
  if (report.summary.violations !== project.importSites) {
    throw new Error(`ssot-imports report finds ${report.summary.violations} violations, the generator wrote ${project.importSites} deprecated import statements`);
  }
  const count = (xs) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map());
  const a = count(fromReport);
  const b = count(fromEslint);
  const onlyReport = [...a].filter(([k, n]) => (b.get(k) ?? 0) < n).map(([k]) => k);
  const onlyEslint = [...b].filter(([k, n]) => (a.get(k) ?? 0) < n).map(([k]) => k);
  if (onlyReport.length || onlyEslint.length) {
    throw new Error(`report and ESLint disagree: ${report.summary.violations} vs ${fromEslint.length} violations\n  only report: ${onlyReport.slice(0, 5).join(", ")}\n  only ESLint: ${onlyEslint.slice(0, 5).join(", ")}`);
  }
  ctx.violationAgreement = { report: report.summary.violations, eslint: fromEslint.length, files: report.summary.files };
  return `report: ${report.summary.violations} violations in ${report.summary.files} files = the ${project.importSites} deprecated import statements the generator wrote; ESLint no-restricted-imports: ${fromEslint.length} warnings at the same file:line places (every one of them an import/export-from statement, one message per statement)`;
}

export default [
  {
    name: "cli-report",
    runs: 3, // tsc --noEmit (~40 s) and ESLint (~80 s) on 10,000 modules dominate the bench; the margin to 0.2× is wide
    warmup: 0, // verify() has just run report and ESLint once, which warms the disk cache
    title: "ssot-imports report --format json / tsc --noEmit, same unmigrated tree; peer: ESLint no-restricted-imports",
    project: PROJECT,
    targets: { time: 0.2 },
    verify,
    with: reportCommand,
    without: tscCommand,
    peers: [{ name: "eslint no-restricted-imports", note: "@typescript-eslint/parser, no type information, no cache", command: eslintCommand }],
  },
];
