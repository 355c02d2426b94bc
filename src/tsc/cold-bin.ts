#!/usr/bin/env node
import * as nodeModule from "node:module";
import * as path from "node:path";
import type * as TS from "typescript";

/**
 * `ssot-imports-tsc`: tsc, with the project's files rewritten as they are read, so a cold build makes one
 * Program instead of two (rewriting-system.ts). It runs the project's own TypeScript library, which must be
 * `ts-patch install`ed: ts-patch still applies the tsconfig's plugins, and the ssot-imports transformer checks
 * the Program and rewrites whatever the read-time pass left. Arguments are tsc's.
 */
function main(): void {
  // As tsc's own launcher (bin/tsc → lib/tsc.js) does: V8's code cache for the 9 MB library.
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  let typescriptPath: string;
  try {
    typescriptPath = require.resolve("typescript", { paths: [process.cwd()] });
  } catch {
    fail("cannot find the package typescript from the current folder");
  }
  const ts = require(typescriptPath) as typeof TS & TscInternals;
  if (typeof ts.originalCreateProgram !== "function" || typeof ts.executeCommandLine !== "function") {
    fail(`${typescriptPath} is not patched by ts-patch: run \`npx ts-patch install\` (ts-patch applies the tsconfig's ssot-imports plugin, which checks what ssot-imports-tsc rewrote)`);
  }
  // What TypeScript's lib/_tsc.js does before it runs the command line (src/tsc/tsc.ts).
  const sys = ts.sys;
  ts.Debug.loggingHost = { log: (_level: unknown, s: string) => sys.write(`${s || ""}${sys.newLine}`) };
  if (ts.Debug.isDebugging) ts.Debug.enableDebugInfo();
  if (sys.tryEnableSourceMapsForHost && /^development$/i.test(sys.getEnvironmentVariable("NODE_ENV"))) sys.tryEnableSourceMapsForHost();
  sys.setBlocking?.();
  // The transformer's own module, which ts-patch loads again from the require cache: one copy of its state.
  const plugin = require(path.join(__dirname, "index.js")) as typeof import("./index");
  ts.executeCommandLine(plugin.rewritingSystem(ts, sys, sys.args), () => {}, sys.args);
}

interface TscInternals {
  originalCreateProgram?: unknown;
  executeCommandLine(system: TS.System, cb: (program: unknown) => void, args: readonly string[]): void;
  Debug: { loggingHost?: unknown; isDebugging?: boolean; enableDebugInfo(): void };
  sys: TS.System & { tryEnableSourceMapsForHost?(): void; setBlocking?(): void; getEnvironmentVariable(name: string): string };
}

function fail(message: string): never {
  process.stderr.write(`ssot-imports-tsc: ${message}\n`);
  process.exit(1);
}

main();
