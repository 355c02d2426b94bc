import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** A throw-away project on disk: files from a map, `node_modules/ssot-imports` linked to this repo. */
export function createProject(files: Record<string, string>, name = "case"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ssot-${name.replace(/[^\w-]/g, "_")}-`));
  writeFiles(dir, files);
  fs.mkdirSync(path.join(dir, "node_modules"), { recursive: true });
  fs.symlinkSync(REPO_ROOT, path.join(dir, "node_modules", "ssot-imports"), "dir");
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  }
}

/** Every file under `dir/sub` with the given ending, as a map of `/`-separated relative path → text. */
export function readTree(dir: string, sub: string, ending: string): Record<string, string> {
  const root = path.join(dir, sub);
  const out: Record<string, string> = {};
  if (!fs.existsSync(root)) return out;
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(ending)) out[path.relative(root, full).split(path.sep).join("/")] = fs.readFileSync(full, "utf8");
    }
  };
  walk(root);
  return out;
}

/** Runs a built entry point with node and returns its stdout; a crash fails the test with node's stderr. */
export function runNode(file: string): string {
  return execFileSync(process.execPath, [file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], cwd: path.dirname(file) });
}

export function tsconfig(compilerOptions: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ compilerOptions: { rootDir: "src", outDir: "out", strict: true, declaration: true, types: [], skipLibCheck: true, ...compilerOptions }, include: ["src"], ...extra }, null, 2);
}

export const PLUGIN_ENTRY = { transform: "ssot-imports/tsc", transformProgram: true } as const;
