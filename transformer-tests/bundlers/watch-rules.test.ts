/**
 * The rules file is a watched input: editing it in `vite dev` (and so in `vitest --watch`, which runs on the same
 * server) reloads the rules, drops what was transformed with the old ones, and the next load follows the new
 * rules; Vitest is told to re-run every test when it changes.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { loadBundlerPlugin } from "../helpers/bundlers";
import { waitFor } from "../helpers/esbuild-build";
import { REPO_ROOT, createProject, writeFiles } from "../helpers/project";
import { vitestConfig } from "../helpers/vitest-run";

const rulesTo = (target: string) => JSON.stringify({ rules: [{ from: "./src/legacy/greeter", to: target }] });

const SOURCES = {
  "src/legacy/greeter.ts": `export function greet(): string { return "legacy"; }\n`,
  "src/services/first.ts": `export function greet(): string { return "first"; }\n`,
  "src/services/second.ts": `export function greet(): string { return "second"; }\n`,
  "src/main.ts": `import { greet } from "./legacy/greeter";\nexport const greeting = greet();\n`,
  "ssot-imports.json": rulesTo("./src/services/first"),
};

type Server = Awaited<ReturnType<typeof import("vite")["createServer"]>>;
let server: Server | undefined;
let watching: ChildProcess | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
  watching?.kill();
  watching = undefined;
});

describe("vite dev", () => {
  it("an edit of the rules file applies at the next load, without a restart", async () => {
    const dir = createProject(SOURCES, "vite-watch");
    const { createServer } = await import("vite");
    const plugin = loadBundlerPlugin(dir, "vite")();
    server = await createServer({ root: dir, configFile: false, logLevel: "silent", plugins: [plugin as never], server: { middlewareMode: true, hmr: false } });
    const load = async () => ((await server!.ssrLoadModule("/src/main.ts")) as { greeting: string }).greeting;
    expect(await load()).toBe("first");

    const reloads: string[] = [];
    server.watcher.on("change", (file) => reloads.push(file));
    fs.writeFileSync(path.join(dir, "ssot-imports.json"), rulesTo("./src/services/second"));
    await waitFor(() => reloads.includes(path.join(dir, "ssot-imports.json")), "the watcher to see the rules edit", 10_000);
    expect(await load()).toBe("second");
  });

  it("Vitest re-runs every test when the rules file changes (it is one of its forceRerunTriggers)", async () => {
    const dir = createProject(SOURCES, "vitest-triggers");
    const plugin = loadBundlerPlugin(dir, "vite")() as { config(config: object, env: object): Promise<{ test: { forceRerunTriggers: string[] } }> };
    const { test } = await plugin.config({ root: dir }, { command: "serve" });
    expect(test.forceRerunTriggers).toEqual(["**/package.json/**", "**/{vitest,vite}.config.*/**", path.join(dir, "ssot-imports.json")]);
  });
});

describe("vitest --watch", () => {
  it("an edit of the rules file re-runs the tests with the new rules", async () => {
    const dir = createProject(SOURCES, "vitest-watch");
    writeFiles(dir, {
      "vitest.config.mjs": vitestConfig(true),
      "tests/greeting.test.ts": `import { greeting } from "../src/main";\nit("greets", () => { expect(greeting).toBe("first"); });\n`,
    });
    const vitest = path.join(REPO_ROOT, "node_modules", "vitest", "vitest.mjs");
    watching = spawn(process.execPath, [vitest, "--watch", "--config", "vitest.config.mjs"], { cwd: dir, stdio: ["pipe", "pipe", "pipe"], env: { PATH: process.env.PATH, NO_COLOR: "1", FORCE_COLOR: "0" } });
    let output = "";
    watching.stdout!.on("data", (chunk) => (output += chunk));
    watching.stderr!.on("data", (chunk) => (output += chunk));
    await waitFor(() => /Tests\s+1 passed/.test(output), "the first run to pass", 30_000);
    fs.writeFileSync(path.join(dir, "ssot-imports.json"), rulesTo("./src/services/second"));
    await waitFor(() => /Tests\s+1 failed/.test(output), "a re-run under the new rules", 30_000);
    expect(output).toContain(`expected 'second' to be 'first'`);
  }, 60_000);
});
