import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/project";
import { factoryProject, read, runBin, runCli } from "./harness";

/**
 * The project's format check must pass after `migrate --write` wherever it passed before: the rewritten import
 * statements go through the project's own Prettier or Biome, and nothing else in the file is touched.
 */
const LONG_RULES = {
  rules: [
    {
      from: "./src/ws/factory",
      to: "./src/services/per-user-connection-context",
      symbols: { createManager: "createPerUserConnectionContext", Manager: "PerUserConnectionContext" },
    },
  ],
};

const SSOT = `export interface PerUserConnectionContext {
  user: string;
  log: string[];
}
export function createPerUserConnectionContext(user: string): PerUserConnectionContext {
  return { user, log: [] };
}
export const VERSION = 1;
`;

/** Sources as Prettier (printWidth 100, double quotes, semicolons) prints them, so its check passes before. */
const FORMATTED: Record<string, string> = {
  "src/ws/factory.ts": `const shared = { user: "", log: [] as string[] };
export interface Manager {
  user: string;
  log: string[];
}
export function createManager(user: string): Manager {
  shared.user = user;
  return shared;
}
export const VERSION = 1;
`,
  "src/services/per-user-connection-context.ts": SSOT,
  "src/services/ctx.ts": `export const unused = 0;
`,
  "src/main.ts": `import { createManager, type Manager } from "./ws/factory";
import { helper } from "./util/helper";

const a: Manager = createManager("alice");
console.log(a.user, helper());
`,
  "src/util/helper.ts": `import * as factory from "../ws/factory";

export function helper(): string {
  return factory.createManager("bob").user + factory.VERSION;
}
`,
  "src/unrelated.ts": `export const nothing = 0;
`,
};

/** The import `migrate` writes for src/main.ts: 131 characters on one line before formatting. */
const ONE_LINE = `import { createPerUserConnectionContext as createManager, type PerUserConnectionContext as Manager } from "./services/per-user-connection-context";`;

function linkPackage(dir: string, name: string): void {
  const target = path.join(dir, "node_modules", name);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.symlinkSync(path.join(REPO_ROOT, "node_modules", name), target, "dir");
}

function projectWith(name: string, extra: Record<string, string>, packages: string[]): string {
  const dir = factoryProject({ ...FORMATTED, ...extra }, LONG_RULES, name);
  for (const p of packages) linkPackage(dir, p);
  return dir;
}

function prettierCheck(dir: string) {
  return spawnSync(process.execPath, [path.join(REPO_ROOT, "node_modules/prettier/bin/prettier.cjs"), "--check", "src"], { cwd: dir, encoding: "utf8" });
}

function biomeCheck(dir: string) {
  return spawnSync(process.execPath, [path.join(REPO_ROOT, "node_modules/@biomejs/biome/bin/biome"), "format", "src"], { cwd: dir, encoding: "utf8" });
}

describe("migrate --write formats the rewritten imports with the project's formatter", () => {
  it("Prettier: a long rewritten import is wrapped as Prettier wraps it, and `prettier --check` still passes", async () => {
    const dir = projectWith("fmt-prettier", { ".prettierrc": `{ "printWidth": 100 }\n` }, ["prettier"]);
    expect(prettierCheck(dir).status).toBe(0);

    const r = await runCli(dir, ["migrate", "--write"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^migrated 2 imports in 2 files, imports formatted with Prettier 3\.\d+\.\d+ \(\.prettierrc\)\n$/);
    const check = prettierCheck(dir);
    expect(check.stderr + check.stdout).toContain("All matched files use Prettier code style!");
    expect(check.status).toBe(0);
    expect(read(dir, "src/main.ts")).toBe(`import {
  createPerUserConnectionContext as createManager,
  type PerUserConnectionContext as Manager,
} from "./services/per-user-connection-context";
import { helper } from "./util/helper";

const a: Manager = createManager("alice");
console.log(a.user, helper());
`);
  });

  it("Prettier: only the rewritten import changes; the rest of the file stays byte for byte, unformatted code included", async () => {
    const messy = `// keep   this   comment
import {createManager,type Manager} from './ws/factory' // trailing note
import { helper } from "./util/helper"
const   a : Manager=createManager( 'alice' )
console.log(a.user,helper())
`;
    const dir = projectWith("fmt-prettier-rest", { ".prettierrc": `{ "printWidth": 100, "singleQuote": true, "semi": false }\n`, "src/main.ts": messy }, ["prettier"]);
    const r = await runCli(dir, ["migrate", "--write"]);
    expect(r.code).toBe(0);
    expect(read(dir, "src/main.ts")).toBe(`// keep   this   comment
import {
  createPerUserConnectionContext as createManager,
  type PerUserConnectionContext as Manager,
} from './services/per-user-connection-context' // trailing note
import { helper } from "./util/helper"
const   a : Manager=createManager( 'alice' )
console.log(a.user,helper())
`);
  });

  it("Prettier: the diff of `migrate` without --write shows the formatted import too", async () => {
    const dir = projectWith("fmt-prettier-diff", { ".prettierrc": `{ "printWidth": 100 }\n` }, ["prettier"]);
    const r = await runCli(dir, ["migrate"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`+import {\n+  createPerUserConnectionContext as createManager,\n`);
    expect(r.stderr).toContain("imports formatted with Prettier");
  });

  it("Prettier: a file its .prettierignore lists is not formatted, as `prettier --check` does not look at it", async () => {
    const dir = projectWith("fmt-prettier-ignore", { ".prettierrc": `{ "printWidth": 100 }\n`, ".prettierignore": "src/main.ts\n" }, ["prettier"]);
    expect((await runCli(dir, ["migrate", "--write"])).code).toBe(0);
    expect(read(dir, "src/main.ts")).toContain(ONE_LINE + "\n");
  });

  it("Biome: a long rewritten import is wrapped as Biome wraps it, and `biome format` still passes", async () => {
    const biomeSources = Object.fromEntries(Object.entries(FORMATTED).map(([file, text]) => [file, text.replace(/^( {2})+/gm, (s) => "\t".repeat(s.length / 2))]));
    const dir = projectWith("fmt-biome", { ...biomeSources, "biome.json": `{ "formatter": { "lineWidth": 100 } }\n` }, ["@biomejs/biome"]);
    expect(biomeCheck(dir).status).toBe(0);

    const r = await runCli(dir, ["migrate", "--write"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/imports formatted with Biome 2\.\d+\.\d+ \(biome\.json\)\n$/);
    const check = biomeCheck(dir);
    expect(check.stdout + check.stderr).not.toContain("×");
    expect(check.status).toBe(0);
    expect(read(dir, "src/main.ts")).toBe(`import {
\tcreatePerUserConnectionContext as createManager,
\ttype PerUserConnectionContext as Manager,
} from "./services/per-user-connection-context";
import { helper } from "./util/helper";

const a: Manager = createManager("alice");
console.log(a.user, helper());
`);
  });

  it("Biome: only the rewritten import changes; the rest of the file stays byte for byte", async () => {
    const messy = `import {createManager,type Manager} from './ws/factory'
const   a : Manager=createManager( 'alice' )
`;
    const dir = projectWith("fmt-biome-rest", { "src/main.ts": messy, "biome.json": `{ "formatter": { "lineWidth": 100 } }\n` }, ["@biomejs/biome"]);
    expect((await runCli(dir, ["migrate", "--write"])).code).toBe(0);
    expect(read(dir, "src/main.ts")).toBe(`import {
\tcreatePerUserConnectionContext as createManager,
\ttype PerUserConnectionContext as Manager,
} from "./services/per-user-connection-context";
const   a : Manager=createManager( 'alice' )
`);
  });

  it("a Biome configuration with its formatter off is not a formatter", async () => {
    const dir = projectWith("fmt-biome-off", { "biome.json": `{ "formatter": { "enabled": false } }\n` }, ["@biomejs/biome"]);
    const r = await runCli(dir, ["migrate", "--write"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("migrated 2 imports in 2 files\n");
    expect(read(dir, "src/main.ts")).toContain(ONE_LINE + "\n");
  });

  it("--format-with none leaves the import as ssot-imports writes it", async () => {
    const dir = projectWith("fmt-none", { ".prettierrc": `{ "printWidth": 100 }\n` }, ["prettier"]);
    const r = await runCli(dir, ["migrate", "--write", "--format-with", "none"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("migrated 2 imports in 2 files\n");
    expect(read(dir, "src/main.ts")).toContain(ONE_LINE + "\n");
  });

  it("without a formatter configuration, nothing is formatted", async () => {
    const dir = projectWith("fmt-unconfigured", {}, ["prettier", "@biomejs/biome"]);
    const r = await runCli(dir, ["migrate", "--write"]);
    expect(r.code).toBe(0);
    expect(read(dir, "src/main.ts")).toContain(ONE_LINE + "\n");
  });

  it("both configured is ambiguous: exit 2, nothing written, and the message says how to choose", async () => {
    const dir = projectWith("fmt-both", { ".prettierrc": "{}\n", "biome.json": "{}\n" }, ["prettier", "@biomejs/biome"]);
    const before = read(dir, "src/main.ts");
    const r = runBin(dir, ["migrate", "--write"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "ssot-imports: both Prettier (.prettierrc) and Biome (biome.json) are configured: choose the one your format check runs with --format-with prettier, --format-with biome or --format-with none\n",
    );
    expect(read(dir, "src/main.ts")).toBe(before);
    const chosen = await runCli(dir, ["migrate", "--write", "--format-with", "biome"]);
    expect(chosen.code).toBe(0);
    expect(read(dir, "src/main.ts")).toContain("\tcreatePerUserConnectionContext as createManager,\n");
  });

  it("a formatter asked for but not installed: exit 2", async () => {
    const dir = projectWith("fmt-missing", {}, []);
    for (const name of ["prettier", "biome"]) {
      const r = await runCli(dir, ["migrate", "--write", "--format-with", name]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^ssot-imports: --format-with ${name}: .*${name === "biome" ? "@biomejs/biome" : "prettier"} is not installed in \\. or a folder above it\\n$`));
    }
    const bad = await runCli(dir, ["migrate", "--format-with", "dprint"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Allowed choices are auto, prettier, biome, none.");
  });

  it("a formatter that fails (a broken configuration) is the user's problem: exit 2, named, nothing written", async () => {
    const dir = projectWith("fmt-broken", { ".prettierrc": `{ "printWidth": 100, "plugins": ["prettier-plugin-that-is-not-installed"] }\n` }, ["prettier"]);
    const before = read(dir, "src/main.ts");
    const r = await runCli(dir, ["migrate", "--write"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ssot-imports: Prettier could not format the rewritten imports of src\/(main|util\/helper)\.ts: .*prettier-plugin-that-is-not-installed.*; fix its configuration, or pass --format-with none\n$/);
    expect(read(dir, "src/main.ts")).toBe(before);
  });
});
