import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { createProject, runNode, tsconfig, PLUGIN_ENTRY } from "../helpers/project";
import { buildPlain, buildWithPlugin } from "../helpers/tsc-build";
import { factoryProject, read, runBin, runCli } from "./harness";

/**
 * The story's differential: the unmigrated sources built with the plugin, and the same sources after
 * `migrate --write` built without it, must print the same thing. Renames, a default import that becomes a
 * named one, a symbol moved to a third module (a split), a chain, a namespace, a re-export, `.js` specifiers.
 */
const rules = {
  rules: [
    {
      from: "./src/ws/factory",
      to: "./src/services/ctx",
      symbols: { createManager: "createContext", Manager: "Context", describe: { to: "./src/services/format", name: "formatUser" }, default: "defaultContext" },
    },
    { from: "./src/legacy", to: "./src/ws/factory", symbols: { make: "createManager" } },
  ],
};
const sources = {
  "src/ws/factory.ts": `const shared = { user: "", log: [] as string[] };
export interface Manager { user: string; log: string[] }
export function createManager(user: string): Manager { shared.user = user; return shared; }
export function describe(m: Manager): string { return "shared:" + m.user; }
export const VERSION = "factory-0";
export default function (): Manager { return createManager("default"); }
`,
  "src/legacy/index.ts": `export { createManager as make } from "../ws/factory";
`,
  "src/services/ctx.ts": `export interface Context { user: string; log: string[] }
export function createContext(user: string): Context { return { user, log: [] }; }
export function defaultContext(): Context { return createContext("default"); }
export const VERSION = "ctx-1";
`,
  "src/services/format.ts": `import type { Context } from "./ctx";
export function formatUser(c: Context): string { return "[" + c.user + "]"; }
`,
  "src/main.ts": `// The chat backend's entry point.
import makeDefault, { createManager, describe, type Manager } from "./ws/factory";
import * as f from './ws/factory'
import { make } from "./legacy";
import { report } from "./report";

const a: Manager = createManager("alice");
const b = f.createManager("bob");
a.log.push("secret"); // must not leak to bob
const c = make("carol");
console.log(a.user, b.user, b.log.length, c.user, describe(a), f.VERSION, makeDefault().user);
console.log(report());
`,
  "src/reexport.ts": `export { createManager as create, VERSION } from "./ws/factory";
`,
  "src/report.ts": `import { create, VERSION } from "./reexport";
export function report(): string { return create("dave").user + " " + VERSION; }
`,
};

function project(name: string, withPlugin: boolean, extra: Record<string, string> = {}): string {
  return createProject(
    {
      ...sources,
      ...extra,
      "ssot-imports.json": JSON.stringify(rules, null, 2),
      "tsconfig.json": tsconfig({ module: "commonjs", target: "es2022", ...(withPlugin ? { plugins: [PLUGIN_ENTRY] } : {}) }),
    },
    name,
  );
}

describe("migrate", () => {
  it("after --write, the plain build prints exactly what the plugin build of the unmigrated sources prints", async () => {
    const pluginDir = project("migrate-plugin", true);
    const pluginBuild = buildWithPlugin(pluginDir);
    expect(pluginBuild.diagnostics).toEqual([]);
    const expected = runNode(path.join(pluginDir, "out/main.js"));
    // Isolation is what the migration is for: the case would prove nothing if both variants leaked.
    expect(expected).toContain("alice bob 0 carol [alice] ctx-1 default");

    const dir = project("migrate-write", false);
    const r = await runCli(dir, ["migrate", "--write"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("migrated 5 imports in 3 files");
    const plainBuild = buildPlain(dir);
    expect(plainBuild.diagnostics).toEqual([]);
    expect(runNode(path.join(dir, "out/main.js"))).toBe(expected);

    // Only import text changed: comments, quotes, the missing semicolon and local names are the user's.
    expect(read(dir, "src/main.ts")).toBe(`// The chat backend's entry point.
import { defaultContext as makeDefault, createContext as createManager, type Context as Manager } from "./services/ctx";
import { formatUser as describe } from "./services/format";
import * as f from './services/ctx'
import { createContext as make } from "./services/ctx";
import { report } from "./report";

const a: Manager = createManager("alice");
const b = f.createContext("bob");
a.log.push("secret"); // must not leak to bob
const c = make("carol");
console.log(a.user, b.user, b.log.length, c.user, describe(a), f.VERSION, makeDefault().user);
console.log(report());
`);
    expect(read(dir, "src/reexport.ts")).toBe(`export { createContext as create, VERSION } from "./services/ctx";\n`);

    // Idempotence: a second run finds nothing and changes no byte.
    const before = snapshot(dir);
    const again = await runCli(dir, ["migrate", "--write"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("nothing to migrate");
    expect(snapshot(dir)).toEqual(before);
    expect(JSON.parse((await runCli(dir, ["report", "-f", "json"])).stdout).summary).toEqual({ violations: 0, files: 0 });
  });

  it("without --write prints a unified diff that applies, and writes nothing", async () => {
    const dir = project("migrate-dry", false);
    const before = snapshot(dir);
    const r = await runCli(dir, ["migrate"]);
    expect(r.code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
    expect(r.stdout).toContain(`--- a/src/reexport.ts
+++ b/src/reexport.ts
@@ -1,1 +1,1 @@
-export { createManager as create, VERSION } from "./ws/factory";
+export { createContext as create, VERSION } from "./services/ctx";
`);
    expect(r.stderr).toContain("would migrate 5 imports in 3 files (run with --write to apply)");
    fs.writeFileSync(path.join(dir, "migration.patch"), r.stdout);
    execFileSync("git", ["apply", "migration.patch"], { cwd: dir });
    const written = await runCli(project("migrate-compare", false), ["migrate", "--write"]);
    expect(written.code).toBe(0);
    expect(read(dir, "src/main.ts")).toContain(`import { formatUser as describe } from "./services/format";`);
  });

  it("keeps a byte order mark, CRLF line endings and the file's mode", async () => {
    const bomCrlf = "\uFEFF/* header */\r\nimport { createManager } from '../ws/factory' // keep me\r\nexport const m = createManager('x')\r\n";
    const dir = factoryProject({ "src/util/crlf.ts": bomCrlf }, undefined, "migrate-bom");
    fs.chmodSync(path.join(dir, "src/util/crlf.ts"), 0o640);
    const r = await runCli(dir, ["migrate", "--write"]);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "src/util/crlf.ts"), "utf8")).toBe(
      "\uFEFF/* header */\r\nimport { createContext as createManager } from '../services/ctx' // keep me\r\nexport const m = createManager('x')\r\n",
    );
    expect(fs.statSync(path.join(dir, "src/util/crlf.ts")).mode & 0o777).toBe(0o640);
    // Atomic writes leave no temporary files behind.
    expect(fs.readdirSync(path.join(dir, "src/util")).sort()).toEqual(["crlf.ts", "helper.ts"]);
  });

  it("leaves a file that does not parse byte-for-byte alone, names it and exits 1", async () => {
    const broken = "import { createManager } from \"../ws/factory\";\nconst = createManager(;\n";
    const dir = factoryProject({ "src/util/broken.ts": broken }, undefined, "migrate-broken");
    const r = await runCli(dir, ["migrate", "--write"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^src\/util\/broken\.ts:2:7 - error: does not parse \(.+\); skipped$/m);
    expect(fs.readFileSync(path.join(dir, "src/util/broken.ts"))).toEqual(Buffer.from(broken));
    // The rest of the project is still migrated.
    expect(read(dir, "src/main.ts")).toContain(`from "./services/ctx"`);
  });

  it("lists what it cannot rewrite safely instead of guessing", async () => {
    const whole = `import * as f from "../ws/factory";\nexport const all = f;\n`;
    const dir = factoryProject({ "src/util/whole.ts": whole }, undefined, "migrate-unsafe");
    const r = await runCli(dir, ["migrate", "--write"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("1 import needs migrating by hand:");
    expect(r.stderr).toMatch(/src\/util\/whole\.ts:1:20 - error \[rule 1 \(\.\/src\/ws\/factory → \.\/src\/services\/ctx\)\]: `f` is used as a whole/);
    expect(read(dir, "src/util/whole.ts")).toBe(whole);
    expect(read(dir, "src/util/helper.ts")).toContain(`factory.createContext("bob")`);
  });

  it("writes through the real bin", () => {
    const dir = factoryProject({}, undefined, "migrate-bin");
    const r = runBin(dir, ["migrate", "--write"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("migrated 2 imports in 2 files");
    expect(read(dir, "src/main.ts")).toContain(`import { createContext as createManager, type Context as Manager } from "./services/ctx";`);
  });
});

/** Every file under src, to prove that nothing was written. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = fs.readFileSync(full, "utf8");
    }
  };
  walk(path.join(dir, "src"));
  return out;
}
