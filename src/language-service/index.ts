import type * as TS from "typescript";
import { SSOT_DIAGNOSTIC_CODE } from "../tsc/diagnostics";
import { ProjectPlugin } from "./project-plugin";
import { proxyLanguageService } from "./proxy";

/**
 * Every project's plugin state, by project, for the whole tsserver process. tsserver calls the factory and
 * `create` again at each reload of a project (its tsconfig changed, "Restart TS server" aside): a project that
 * already has our state is updated, and its language service, already ours, is returned as it is.
 */
const plugins = new WeakMap<TS.server.Project, ProjectPlugin>();
const announced = new WeakSet<object>();

/**
 * Editors ask which error codes have fixes before they ask for fixes, and some (VS Code) ask tsserver's global
 * list, which a language service cannot extend. So our code is registered in TypeScript's own list, with a fix
 * that offers nothing: the plugin's language service adds the real ones.
 */
function announceFixableCode(ts: typeof TS): void {
  const codefix = (ts as { codefix?: { registerCodeFix?(registration: { errorCodes: number[]; getCodeActions(): undefined }): void } }).codefix;
  if (announced.has(ts) || !codefix?.registerCodeFix) return;
  announced.add(ts);
  codefix.registerCodeFix({ errorCodes: [SSOT_DIAGNOSTIC_CODE], getCodeActions: () => undefined });
}

/**
 * tsserver's plugin factory: `"plugins": [{ "name": "ssot-imports/language-service" }]` in tsconfig.json.
 * `typescript` is the editor's TypeScript, the one every call here must use.
 */
function init(modules: { typescript: typeof TS }): TS.server.PluginModule {
  const ts = modules.typescript;
  let current: ProjectPlugin | undefined;
  return {
    create(info) {
      try {
        // Only a tsconfig names this plugin, and only a configured project has one.
        if (info.project.projectKind !== ts.server.ProjectKind.Configured) return info.languageService;
        const existing = plugins.get(info.project);
        if (existing) {
          current = existing;
          existing.configure(info.config);
          existing.reload("project reloaded");
          existing.invalidate();
          return info.languageService;
        }
        announceFixableCode(ts);
        const plugin = new ProjectPlugin(ts, info.project, info.serverHost);
        current = plugin;
        plugin.configure(info.config);
        plugin.reload("project opened");
        plugin.decorateHost(info.languageServiceHost);
        plugins.set(info.project, plugin);
        return proxyLanguageService(plugin, info.languageService);
      } catch (error) {
        info.project.projectService.logger.info(`ssot-imports: not enabled, TypeScript runs without it: ${(error as Error)?.stack ?? String(error)}`);
        return info.languageService;
      }
    },
    onConfigurationChanged(config: Record<string, unknown>) {
      const plugin = current;
      if (!plugin) return;
      plugin.guard("configuring", () => undefined, () => {
        plugin.configure({ ...config });
        plugin.invalidate();
      });
    },
  };
}

// tsserver wants the factory itself as the module: language-service/index.js (the path tsserver loads) unwraps it.
export default init;
