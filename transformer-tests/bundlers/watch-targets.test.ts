/**
 * A facade is made from what its targets export. In a bundler's watch mode, a target that gains or loses an
 * export must make the facade again, though the deprecated file itself did not change: its importers would
 * otherwise read the exports the target had when the watch started (webpack: a `default` it now has is
 * "not found"). The twin, importing the target directly, sees the edit at once.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { createRequire } from "node:module";
import { afterEach, describe, expect, it } from "vitest";
import { loadBundlerPlugin } from "../helpers/bundlers";
import { runNode } from "../helpers/esbuild-build";
import { createProject } from "../helpers/project";

const SOURCES: Record<string, string> = {
  "src/legacy/greeter.ts": `export function greet(): string { return "legacy"; }\n`,
  "src/services/ssot.ts": `export function greet(): string { return "ssot"; }\n`,
  "src/main.ts": `import { greet } from "./legacy/greeter";\nconsole.log(greet());\n`,
  "ssot-imports.json": JSON.stringify({ rules: [{ from: "./src/legacy/greeter", to: "./src/services/ssot" }] }),
};

/** The edit: the target gains a default export, and the entry starts importing it through the deprecated module. */
const EDITED: Record<string, string> = {
  "src/services/ssot.ts": `export function greet(): string { return "ssot"; }\nexport default function hello(): string { return "hello"; }\n`,
  "src/main.ts": `import hello, { greet } from "./legacy/greeter";\nconsole.log(greet(), hello());\n`,
};

interface Stats {
  hasErrors(): boolean;
  hasWarnings(): boolean;
  toJson(options: unknown): { errors?: Array<{ message: string }>; warnings?: Array<{ message: string }> };
}
interface Watching {
  close(callback: () => void): void;
}

let watching: Watching | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (watching ? watching.close(resolve) : resolve()));
  watching = undefined;
});

function configOf(dir: string, plugins: unknown[]) {
  return {
    context: dir,
    mode: "development",
    target: "node",
    entry: path.join(dir, "src/main.ts"),
    devtool: false,
    output: { path: path.join(dir, "out"), filename: "main.js", library: { type: "commonjs2" } },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [{ test: /\.ts$/, loader: createRequire(import.meta.url).resolve("esbuild-loader"), options: { target: "es2022" } }] },
    plugins,
    infrastructureLogging: { level: "none" },
  };
}

type Webpack = (config: unknown, callback?: (error: Error | null, stats?: Stats) => void) => { watch(options: unknown, callback: (error: Error | null, stats?: Stats) => void): Watching };

/** What a plain build of the hand-migrated twin prints. */
async function twinPrints(webpack: Webpack): Promise<string> {
  const twin = createProject({ ...SOURCES, ...EDITED, "src/main.ts": EDITED["src/main.ts"].replace("./legacy/greeter", "./services/ssot") }, "webpack-watch-target-twin");
  const stats = await new Promise<Stats>((resolve, reject) => webpack(configOf(twin, []), (error, result) => (error ? reject(error) : resolve(result!))));
  expect(stats.hasErrors()).toBe(false);
  return runNode(path.join(twin, "out/main.js"));
}

describe("webpack --watch: a target's exports change", () => {
  it("the facade is made again, and the rebuild runs like the hand-migrated twin", async () => {
    const dir = createProject(SOURCES, "webpack-watch-target");
    const webpack = (await import("webpack")).default as unknown as Webpack;
    const compiler = webpack(configOf(dir, [loadBundlerPlugin(dir, "webpack")({ cwd: dir })]));
    const builds: Array<{ error: Error | null; stats?: Stats }> = [];
    let notify: (() => void) | undefined;
    watching = compiler.watch({ aggregateTimeout: 50, poll: 50 }, (error, stats) => {
      builds.push({ error, stats });
      notify?.();
    });
    const build = async (count: number) => {
      const deadline = Date.now() + 20_000;
      while (builds.length < count) {
        if (Date.now() > deadline) throw new Error(`webpack --watch made ${builds.length} builds, not ${count}`);
        await new Promise<void>((resolve) => {
          notify = resolve;
          setTimeout(resolve, 200);
        });
      }
      const { error, stats } = builds[count - 1];
      if (error) throw error;
      const problems = stats!.toJson({ all: false, errors: true, warnings: true });
      let stdout: string;
      try {
        stdout = runNode(path.join(dir, "out/main.js"));
      } catch (e) {
        stdout = `failed: ${(e as Error).message.split("\n").find((line) => /Error/.test(line)) ?? e}`;
      }
      return { messages: [...(problems.errors ?? []), ...(problems.warnings ?? [])].map((m) => m.message), stdout };
    };

    expect(await build(1)).toEqual({ messages: [], stdout: "ssot\n" });

    // Modification times the watcher can tell apart from the first build's reads.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    for (const [file, text] of Object.entries(EDITED)) fs.writeFileSync(path.join(dir, file), text);
    // The two files may land in one rebuild or in two: the session's answer is the rebuild after both.
    let rebuilt = await build(2);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    if (builds.length > 2) rebuilt = await build(builds.length);

    const twin = await twinPrints(webpack);
    expect(twin).toBe("ssot hello\n");
    expect(rebuilt).toEqual({ messages: [], stdout: twin });
  }, 60_000);
});
