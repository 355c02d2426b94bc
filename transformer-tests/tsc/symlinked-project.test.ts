/**
 * A project opened through a symlinked folder (a monorepo link, a mounted workspace, macOS's /tmp), or one with
 * a symlinked folder inside it. TypeScript keeps the paths it was given for the project's own files, while the
 * plugin resolves the rules file and the modules of the rules; the two must agree, or imports go unredirected.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { PLUGIN_ENTRY, createProject, readTree, runNode, tsconfig } from "../helpers/project";
import { buildPlain, buildWithPlugin } from "../helpers/tsc-build";

const RULES = { rules: [{ from: "./src/legacy/factory", to: "./src/services/ctx", symbols: { createManager: "createContext" } }] };
const FACTORY = `const shared = { user: "" };\nexport function createManager(user: string) { shared.user = "shared:" + user; return shared; }\n`;
const CTX = `export function createContext(user: string) { return { user: "ctx:" + user }; }\n`;
const USERS = `export const users = [createManager("alice"), createManager("bob")].map((m) => m.user);\n`;

/** The hand-migrated program, built plain: what the plugin builds must print the same and declare the same. */
function handMigrated(): { stdout: string; dts: Record<string, string> } {
  const dir = createProject(
    {
      "src/services/ctx.ts": CTX,
      "src/legacy/user.ts": `import { createContext as createManager } from "../services/ctx";\n${USERS}`,
      "src/main.ts": `import { users } from "./legacy/user";\nconsole.log(users.join(" "));\n`,
      "tsconfig.json": tsconfig({ module: "commonjs", target: "es2022" }),
    },
    "symlink-migrated",
  );
  const build = buildPlain(dir);
  expect(build.diagnostics).toEqual([]);
  return { stdout: runNode(path.join(dir, "out/main.js")), dts: readTree(dir, "out", ".d.ts") };
}

const UNMIGRATED = {
  "src/legacy/factory.ts": FACTORY,
  "src/services/ctx.ts": CTX,
  "src/legacy/user.ts": `import { createManager } from "./factory";\n${USERS}`,
  "src/main.ts": `import { users } from "./legacy/user";\nconsole.log(users.join(" "));\n`,
  "ssot-imports.json": JSON.stringify(RULES),
  "tsconfig.json": tsconfig({ module: "commonjs", target: "es2022", plugins: [PLUGIN_ENTRY] }),
};

describe("tsc: a project with symlinks", () => {
  it("is redirected when built through a symlink to its folder", () => {
    const expected = handMigrated();
    const dir = createProject(UNMIGRATED, "symlink-through");
    const link = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ssot-link-")), "project");
    fs.symlinkSync(dir, link, "dir");
    const build = buildWithPlugin(link);
    expect(build.diagnostics).toEqual([]);
    expect(fs.readFileSync(path.join(dir, "out/legacy/user.js"), "utf8")).toContain(`require("../services/ctx")`);
    expect(runNode(path.join(dir, "out/main.js"))).toBe(expected.stdout);
    expect(readTree(dir, "out", ".d.ts")).toEqual({ ...expected.dts, "legacy/factory.d.ts": expect.any(String) });
  });

  it("is redirected when the deprecated module's folder is a symlink inside the project", () => {
    const expected = handMigrated();
    const { "src/legacy/factory.ts": factory, "src/legacy/user.ts": user, ...rest } = UNMIGRATED;
    const dir = createProject({ ...rest, "shared/legacy/factory.ts": factory, "shared/legacy/user.ts": user }, "symlink-inside");
    fs.symlinkSync(path.join(dir, "shared/legacy"), path.join(dir, "src/legacy"), "dir");
    const build = buildWithPlugin(dir);
    expect(build.diagnostics).toEqual([]);
    expect(fs.readFileSync(path.join(dir, "out/legacy/user.js"), "utf8")).toContain(`require("../services/ctx")`);
    expect(runNode(path.join(dir, "out/main.js"))).toBe(expected.stdout);
  });
});
