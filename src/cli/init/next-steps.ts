/**
 * What `init` tells the user to do next, per tool found in package.json. The snippets are the documented
 * configurations of each entry point (docs/init.md shows the same), so one place changes when an API does.
 */

export interface PackageInfo {
  /** dependencies and devDependencies, names only. */
  dependencies: ReadonlySet<string>;
  scripts: Readonly<Record<string, string>>;
}

export type Tool = "tsc" | "esbuild" | "vite" | "jest";

/** The tools init has a next step for, in the order it prints them. */
export function detectTools(pkg: PackageInfo | undefined): Tool[] {
  // Without a package.json there is nothing to detect, but there is a tsconfig: tsc is the one tool implied.
  if (!pkg) return ["tsc"];
  const has = (name: string) => pkg.dependencies.has(name);
  const tools: Tool[] = [];
  if (has("typescript") || has("ts-patch")) tools.push("tsc");
  if (has("esbuild")) tools.push("esbuild");
  if (has("vite") || has("vitest")) tools.push("vite");
  if (has("jest")) tools.push("jest");
  return tools;
}

export interface StepContext {
  pkg: PackageInfo | undefined;
  tools: readonly Tool[];
  /** The tsconfig, relative to the package folder (`tsconfig.json`). */
  tsconfig: string;
  /** The rules file relative to the package folder when it is not `ssot-imports.json` there (bundlers' default). */
  rulesOption?: string;
}

/** One block of lines per step; the caller prints them under "Next steps". */
export function nextSteps(context: StepContext): string[][] {
  const { pkg, tools } = context;
  const has = (name: string) => pkg?.dependencies.has(name) ?? false;
  const steps: string[][] = [];
  const install = ["ssot-imports", ...(tools.includes("tsc") && !has("ts-patch") ? ["ts-patch"] : [])].filter((name) => !has(name));
  if (install.length > 0) steps.push([`Install: npm install --save-dev ${install.join(" ")}`]);
  const options = context.rulesOption ? `{ rules: ${JSON.stringify(context.rulesOption)} }` : "";

  if (tools.includes("tsc")) {
    const patched = Object.values(pkg?.scripts ?? {}).some((script) => /\bts-patch install\b/.test(script));
    steps.push([
      `tsc: the plugin entry is in ${context.tsconfig}; TypeScript runs it through ts-patch.`,
      patched
        ? `  Your scripts already run "ts-patch install": build with tsc as before.`
        : `  Run once: npx ts-patch install   (keep it with "prepare": "ts-patch install -s" in package.json scripts)`,
      `  or build with ts-patch's compiler without patching: npx tspc -p ${context.tsconfig}`,
    ]);
  }
  if (tools.includes("esbuild")) {
    steps.push([
      `esbuild: add the plugin to your build script:`,
      `  import { ssotImports } from "ssot-imports/esbuild";`,
      `  await esbuild.build({ /* your options */ plugins: [ssotImports(${options})] });`,
    ]);
  }
  if (tools.includes("vite")) {
    steps.push([
      `Vite/Vitest: add the plugin to vite.config.ts (or vitest.config.ts):`,
      `  import { ssotImports } from "ssot-imports/vite";`,
      `  export default defineConfig({ plugins: [ssotImports(${options})] });`,
    ]);
  }
  if (tools.includes("jest")) {
    const transformer = has("ts-jest") ? "ts-jest" : has("@swc/jest") ? "@swc/jest" : "babel-jest";
    const rules = context.rulesOption ? `, "rules": ${JSON.stringify(context.rulesOption)}` : "";
    steps.push([
      `Jest: wrap your transformer in jest.config (ssot-imports/jest rewrites the imports, then hands over to ${transformer}):`,
      `  "transform": { "^.+\\\\.[cm]?[jt]sx?$": ["ssot-imports/jest", { "transformer": "${transformer}"${rules} }] }`,
    ]);
  }
  steps.push([
    `Editor: add { "name": "ssot-imports/language-service" } to compilerOptions.plugins in ${context.tsconfig},`,
    `  and use the workspace's TypeScript version (VS Code: "TypeScript: Select TypeScript Version").`,
  ]);
  steps.push([`Then: npx ssot-imports report   (what still imports a deprecated module)`]);
  return steps;
}
