import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPECTED_IMPORTS } from "../../examples/websocket-factory/story.mjs";
import { runTspc } from "../helpers/processes";
import { REPO_ROOT, readTree } from "../helpers/project";
import { TsServer, locatedTscErrors, type ProtocolDiagnostic } from "./tsserver";

/**
 * examples/websocket-factory as an editor opens it (its tsconfig names the language-service plugin): no error
 * anywhere, and one deprecation hint per deprecated import. Then the same with the deprecated module deleted,
 * which the build accepts through the rules alone: TypeScript without the plugin reports every importer, the
 * editor with it still nothing.
 */
const EXAMPLE = path.join(REPO_ROOT, "examples", "websocket-factory");
const DEPRECATED = "src/websocket_core/websocket_manager_factory.ts";

function copyExample(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ssot-ls-example-${name}-`));
  for (const entry of ["src", "tsconfig.json", "ssot-imports.json"]) fs.cpSync(path.join(EXAMPLE, entry), path.join(dir, entry), { recursive: true });
  fs.mkdirSync(path.join(dir, "node_modules"));
  fs.symlinkSync(REPO_ROOT, path.join(dir, "node_modules", "ssot-imports"), "junction");
  return fs.realpathSync(dir);
}

async function editorView(dir: string): Promise<{ errors: string[]; deprecations: number; withoutPlugin: number }> {
  const files = Object.keys(readTree(dir, "src", ".ts")).map((f) => `${dir}/src/${f}`);
  const server = new TsServer("6.0", dir);
  try {
    await server.open(...files);
    const errors: string[] = [];
    let deprecations = 0;
    for (const file of files) {
      for (const d of await server.request<ProtocolDiagnostic[]>("semanticDiagnosticsSync", { file })) errors.push(`${path.relative(dir, file)}(${d.start.line},${d.start.offset}): TS${d.code} ${d.text}`);
      deprecations += (await server.request<ProtocolDiagnostic[]>("suggestionDiagnosticsSync", { file })).filter((d) => d.code === 990001).length;
    }
    // The same files in a tsserver that cannot find the plugin: TypeScript's own view.
    const plain = new TsServer("6.0", os.tmpdir());
    let withoutPlugin = 0;
    try {
      await plain.open(...files);
      for (const file of files) withoutPlugin += (await plain.request<ProtocolDiagnostic[]>("semanticDiagnosticsSync", { file })).length;
    } finally {
      plain.close();
    }
    return { errors, deprecations, withoutPlugin };
  } finally {
    server.close();
  }
}

describe("examples/websocket-factory in an editor", () => {
  const dirs: string[] = [];
  beforeAll(() => {
    expect(fs.readFileSync(path.join(EXAMPLE, "tsconfig.json"), "utf8")).toContain('{ "name": "ssot-imports/language-service" }');
  });
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("opens with no error and a deprecation hint on each of the deprecated imports", async () => {
    const dir = copyExample("as-is");
    dirs.push(dir);
    const view = await editorView(dir);
    expect(view.errors).toEqual([]);
    expect(view.deprecations).toBe(EXPECTED_IMPORTS);
  });

  it("still shows no error once the deprecated module is deleted, as the build (TypeScript alone shows many)", async () => {
    const dir = copyExample("deleted");
    dirs.push(dir);
    fs.rmSync(path.join(dir, DEPRECATED));
    expect(locatedTscErrors(runTspc(dir, ["-p", ".", "--noEmit"]).stdout)).toEqual([]);
    const view = await editorView(dir);
    expect(view.errors).toEqual([]);
    expect(view.deprecations).toBe(EXPECTED_IMPORTS);
    expect(view.withoutPlugin).toBeGreaterThan(0);
  });
});
