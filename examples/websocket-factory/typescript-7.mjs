// The TypeScript 7 recipe on this example (docs/typescript-7.md): types from TypeScript 7's `tsc --noEmit` with
// the facades that `ssot-imports facades` writes, output from esbuild with the ssot-imports plugin. Run by
// demo.mjs (after its own builds) and by transformer-tests/examples/typescript-7-recipe.test.ts.
//
// It runs on a copy of the example at the migration's hard stage: the deprecated websocket_manager_factory is
// deleted while the 24 modules that import it are not migrated yet. TypeScript 7 runs no plugin, so without the
// facades it cannot resolve those imports at all; with them it type-checks every one against the SSOT module.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { foreignMessages, linkPackage, parseRun, USERS } from "./story.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
export const TSC_7 = path.join(root, "compat", "typescript-7", "node_modules", "typescript", "bin", "tsc");
export const DEPRECATED = "src/websocket_core/websocket_manager_factory.ts";

/** One command of the recipe, run in the copy: its status and its output, stdout and stderr together. */
function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status ?? 1, output: `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}` };
}

const errorLines = (output) => output.split("\n").filter((line) => /\): error TS\d+:/.test(line));

/**
 * @returns {Promise<{ checks: Array<{ ok: boolean, text: string }>, steps: string[], dir: string }>}
 *   `steps`: the commands as a user types them, with what each printed in one line.
 */
export async function runTypeScript7Recipe({ keep = false } = {}) {
  const checks = [];
  const steps = [];
  if (!fs.existsSync(TSC_7)) {
    checks.push({ ok: false, text: `TypeScript 7 is not installed at ${path.relative(root, TSC_7)}: run node tools/install-compat.mjs` });
    return { checks, steps, dir: "" };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ssot-ts7-recipe-"));
  try {
    for (const entry of ["src", "ssot-imports.json", "tsconfig.json"]) fs.cpSync(path.join(here, entry), path.join(dir, entry), { recursive: true });
    fs.rmSync(path.join(dir, DEPRECATED));
    linkPackage(dir, root);
    const version = run(TSC_7, ["-v"], dir).output.trim().replace(/^Version /, "TypeScript ");

    const bare = run(TSC_7, ["-p", "tsconfig.json", "--noEmit", "--pretty", "false"], dir);
    const unresolved = errorLines(bare.output).filter((line) => line.includes("TS2307")).length;
    steps.push(`tsc --noEmit (${version}), no facades: ${errorLines(bare.output).length} errors, ${unresolved} of them "Cannot find module" for the deleted factory`);
    checks.push({ ok: bare.code !== 0 && unresolved > 0, text: `without facades ${version} cannot resolve the deleted module (${unresolved} imports)` });

    const facades = run(process.execPath, [path.join(root, "dist", "cli", "main.js"), "facades", "--write-tsconfig"], dir);
    steps.push(`ssot-imports facades --write-tsconfig: ${facades.output.split("\n")[0]}`);
    checks.push({ ok: facades.code === 0, text: `ssot-imports facades wrote the facades and .ssot-imports/tsconfig.json${facades.code === 0 ? "" : `: ${facades.output}`}` });

    const typed = run(TSC_7, ["-p", ".ssot-imports/tsconfig.json", "--noEmit", "--pretty", "false"], dir);
    steps.push(`tsc -p .ssot-imports/tsconfig.json --noEmit (${version}): ${typed.code === 0 ? "no errors" : `${errorLines(typed.output).length} errors`}`);
    checks.push({ ok: typed.code === 0, text: `${version} type-checks the unmigrated sources against the SSOT module${typed.code === 0 ? "" : `:\n${typed.output}`}` });

    // Output: esbuild with the plugin, as examples/websocket-factory/build-esbuild.mjs does in place.
    const esbuild = createRequire(path.join(root, "package.json"))("esbuild");
    const { ssotImports } = createRequire(path.join(dir, "package.json"))("ssot-imports/esbuild");
    let built = true;
    try {
      await esbuild.build({ absWorkingDir: dir, entryPoints: ["src/main.ts"], bundle: true, platform: "node", format: "cjs", outfile: "out/main.js", logLevel: "silent", plugins: [ssotImports()] });
    } catch (error) {
      built = false;
      checks.push({ ok: false, text: `esbuild + ssot-imports failed: ${error.message}` });
    }
    if (built) {
      const ran = run(process.execPath, [path.join(dir, "out", "main.js")], dir);
      const { startupIsolated, inboxes } = parseRun(ran.output);
      const foreign = foreignMessages(inboxes);
      const leaks = USERS.filter((user) => (foreign[user] ?? []).length > 0);
      const complete = USERS.every((user) => (inboxes[user] ?? []).length > 0);
      steps.push(`esbuild + ssot-imports, then node out/main.js: ${leaks.length === 0 && complete ? "every user sees only their own messages" : `leaks to ${leaks.join(", ")}`}`);
      checks.push({ ok: ran.code === 0 && complete && leaks.length === 0 && startupIsolated === true, text: `the esbuild output runs isolated: no user sees another user's message${ran.code === 0 ? "" : ` (exit ${ran.code}: ${ran.output})`}` });
    }
    return { checks, steps, dir };
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * demo.mjs's last section: the recipe's steps and checks, in the demo's colours. Returns whether every check held.
 *
 * @param {import("picocolors/types").Colors} c
 */
export async function showTypeScript7Recipe(c) {
  const { checks, steps } = await runTypeScript7Recipe();
  const lines = ["", c.bold("TypeScript 7 (no plugin runs in it): types from tsc 7 with the facades, output from esbuild + ssot-imports")];
  lines.push(c.dim("  On a copy of the example whose deprecated factory is deleted, its 24 importers not migrated (docs/typescript-7.md):"));
  for (const step of steps) lines.push(`  ${step}`);
  for (const check of checks) lines.push(`  ${check.ok ? c.green("✓") : c.red("✗")} ${check.text}`);
  console.log(lines.join("\n"));
  return checks.length > 0 && checks.every((check) => check.ok);
}
