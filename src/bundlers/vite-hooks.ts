import * as path from "node:path";
import type { loadActiveRules } from "../esbuild/active-rules";
import { escapeRegExp } from "../match/escape-regexp";
import { packagesDependingOnDeprecated } from "./deprecated-dependents";

type Loaded = ReturnType<typeof loadActiveRules>;

/** Vitest's own triggers (package.json, configs), kept when the rules file is added to them. */
const VITEST_RERUN_TRIGGERS = ["**/package.json/**", "**/{vitest,vite}.config.*/**"];

type Input = string | string[] | Record<string, string>;

interface ViteLikeConfig {
  root?: string;
  build?: { ssr?: boolean | string; lib?: false | { entry?: Input }; rollupOptions?: { input?: Input }; rolldownOptions?: { input?: Input } };
  test?: { forceRerunTriggers?: string[] };
}

interface ViteLikeServer {
  watcher: { add(file: string): void; on(event: "change" | "add" | "unlink", listener: (file: string) => void): void };
  environments?: Record<string, { moduleGraph: { invalidateAll(): void }; hot?: { send(payload: { type: "full-reload" }): void } }>;
  moduleGraph?: { invalidateAll(): void };
  ws?: { send(payload: { type: "full-reload" }): void };
}

/**
 * What only Vite (and Vitest, which runs on it) needs:
 * - the project root as the default `cwd`, and the hooks' filters for a build (none for the dev server), with
 *   the build's entry points, which are built as they are (load-plan.ts);
 * - dependencies that import a deprecated bare specifier are inlined (`test.server.deps.inline`,
 *   `ssr.noExternal`): Vitest hands `node_modules` to Node, past every plugin, so they would keep the old module;
 * - the rules file is a watched input: an edit reloads the rules, drops every transformed module, re-runs all of
 *   Vitest's tests (`test.forceRerunTriggers`) and reloads `vite dev`'s pages.
 */
export function viteHooks(deps: { setRoot(root: string, serving: boolean, entryPoints: string[]): Promise<void>; rules(): Loaded; onRulesChange(): Loaded }) {
  let watched: string[] = [];
  return {
    async config(config: ViteLikeConfig, env: { command: "build" | "serve" }) {
      const root = path.resolve(config.root ?? process.cwd());
      await deps.setRoot(root, env.command === "serve", entryPointsOf(config, root));
      const state = deps.rules();
      watched = state.watchFiles;
      const dependents = state.active ? packagesDependingOnDeprecated(state.active.ruleSet, path.resolve(config.root ?? process.cwd())) : [];
      const inline = dependents.map((name) => new RegExp(`[\\\\/]node_modules[\\\\/]${escapeRegExp(name)}[\\\\/]`));
      const triggers = [...(config.test?.forceRerunTriggers ? [] : VITEST_RERUN_TRIGGERS), ...watched];
      return {
        test: { forceRerunTriggers: triggers, ...(inline.length > 0 ? { server: { deps: { inline } } } : {}) },
        ...(dependents.length > 0 ? { ssr: { noExternal: dependents } } : {}),
      };
    },
    configureServer(server: ViteLikeServer) {
      for (const file of watched) server.watcher.add(file);
      const onChange = (file: string) => {
        if (!watched.includes(path.resolve(file))) return;
        watched = deps.onRulesChange().watchFiles;
        const environments = Object.values(server.environments ?? {});
        if (environments.length > 0) for (const environment of environments) environment.moduleGraph.invalidateAll();
        else server.moduleGraph?.invalidateAll();
        const client = server.environments?.client?.hot ?? server.ws;
        client?.send({ type: "full-reload" });
      };
      server.watcher.on("change", onChange);
      server.watcher.on("add", onChange);
      server.watcher.on("unlink", onChange);
    },
  };
}

/** The build's entry points as absolute paths, as written (with or without extension). */
function entryPointsOf(config: ViteLikeConfig, root: string): string[] {
  const build = config.build ?? {};
  const inputs: Array<Input | undefined> = [typeof build.ssr === "string" ? build.ssr : undefined, build.lib ? build.lib.entry : undefined, build.rollupOptions?.input, build.rolldownOptions?.input];
  const written = inputs.flatMap((input) => (input === undefined ? [] : typeof input === "string" ? [input] : Array.isArray(input) ? input : Object.values(input)));
  return written.map((entry) => path.resolve(root, entry));
}
