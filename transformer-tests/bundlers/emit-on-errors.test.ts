/**
 * webpack and Rspack: only an error of ssot-imports keeps a build from writing (forgotten-names.test.ts). A build
 * that fails for another reason writes, or not, as the bundler's own `optimization.emitOnErrors` says (false in
 * production, true in development), exactly as the hand-migrated twin built without the plugin. Our shouldEmit
 * tap used to answer `true` when it had nothing to say, which ends a bail hook: webpack's NoEmitOnErrorsPlugin,
 * tapped after the user's plugins, was skipped, and a production build with another error wrote its bundle.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { bundle, type BundlerName } from "../helpers/bundlers";
import { migrationFixture } from "../helpers/processes";
import { createProject } from "../helpers/project";

type Mode = "production" | "development";

// An import of a file that does not exist: the bundler's error, not ours (the rules are fine).
const MISSING = `import "./missing";\n`;

/** Whether the failed build wrote its bundle; the error must be the bundler's "missing" module, not ours. */
async function writesDespiteError(bundler: BundlerName, mode: Mode, withPlugin: boolean): Promise<boolean> {
  const fixture = migrationFixture();
  const { "src/ws/factory.ts": _gone, ...twin } = fixture;
  const files = withPlugin
    ? { ...fixture, "src/main.ts": MISSING + fixture["src/main.ts"] }
    : { ...twin, "src/main.ts": MISSING + fixture["src/main.ts"].replace(`import { createManager } from "./ws/factory";`, `import { createContext as createManager } from "./services/ctx";`), "src/handlers/chat.ts": fixture["src/handlers/chat.ts"].replace(`import { createManager } from "../ws/factory";`, `import { createContext as createManager } from "../services/ctx";`) };
  const dir = createProject(files, `emit-on-errors-${bundler}-${mode}-${withPlugin ? "plugin" : "plain"}`);
  const failed = await bundle({ dir, bundler, format: "esm", plugin: withPlugin ? {} : undefined, mode }).then(
    () => undefined,
    (error: Error) => error.message,
  );
  expect(failed, "the build should have failed").toContain("missing");
  expect(failed).not.toContain("ssot-imports: ");
  return fs.existsSync(path.join(dir, "out", "main.js"));
}

describe.each(["webpack", "rspack"] as const)("%s: another error than ours leaves emitting to the bundler's config", (bundler) => {
  it("with the plugin, a failed build writes as the hand-migrated twin's does, in production and development", async () => {
    const plain: Record<Mode, boolean> = { production: await writesDespiteError(bundler, "production", false), development: await writesDespiteError(bundler, "development", false) };
    // The two modes must disagree, or the comparison below would not tell a guard that blocks from one that never does.
    expect(plain.production, "the twin's production build and development build both write, or both do not").not.toBe(plain.development);
    expect(await writesDespiteError(bundler, "production", true)).toBe(plain.production);
    expect(await writesDespiteError(bundler, "development", true)).toBe(plain.development);
  });
});
