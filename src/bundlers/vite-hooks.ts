import * as path from "node:path";
import type { loadActiveRules } from "../esbuild/active-rules";
import { escapeRegExp } from "../match/escape-regexp";
import { packagesDependingOnDeprecated } from "./deprecated-dependents";

type Loaded = ReturnType<typeof loadActiveRules>;

/** Vitest's own triggers (package.json, configs), kept when the rules file is added to them. */
const VITEST_RERUN_TRIGGERS = ["**/package.json/**", "**/{vitest,vite}.config.*/**"];

interface ViteLikeConfig {
  root?: string;
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
 * - the project root as the default `cwd`, and the hooks' filters for a build (none for the dev server);
 * - dependencies that import a deprecated bare specifier are inlined (`test.server.deps.inline`,
 *   `ssr.noExternal`): Vitest hands `node_modules` to Node, past every plugin, so they would keep the old module;
 * - the rules file is a watched input: an edit reloads the rules, drops every transformed module, re-runs all of
 *   Vitest's tests (`test.forceRerunTriggers`) and reloads `vite dev`'s pages.
 */
export function viteHooks(deps: { setRoot(root: string, serving: boolean): void; rules(): Loaded; onRulesChange(): Loaded }) {
  let watched: string[] = [];
  return {
    config(config: ViteLikeConfig, env: { command: "build" | "serve" }) {
      deps.setRoot(path.resolve(config.root ?? process.cwd()), env.command === "serve");
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
