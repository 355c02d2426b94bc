import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { writeFiles, WriteError, type WriterFs } from "../../src/cli/migrate/write-files";
import { BIN, factoryProject, read, runCli, type CliResult } from "./harness";

const STACK = /\n\s+at /;

/** Every file under `dir` (node_modules aside) as bytes, to prove that nothing was written. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name === "node_modules") continue;
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = fs.readFileSync(full).toString("base64");
    }
  };
  walk(dir);
  return out;
}

/**
 * The real bin as a user without root's powers: root writes into read-only folders, so only an ordinary user
 * meets the permission error a read-only folder means. Run directly when the tests are not root.
 */
function runBinAsUser(cwd: string, args: string[]): CliResult {
  const asRoot = process.getuid?.() === 0;
  const command = asRoot ? "runuser" : process.execPath;
  const argv = asRoot ? ["-u", "nobody", "--", process.execPath, BIN, ...args] : [BIN, ...args];
  const r = spawnSync(command, argv, { cwd, encoding: "utf8", env: { PATH: process.env.PATH ?? "" } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe("migrate --write never damages a file", () => {
  it("rewrites a file that is not UTF-8 byte for byte outside the edited import", async () => {
    // Latin-1: "é" is the single byte 0xE9, invalid as UTF-8; a UTF-8 round trip would turn it into U+FFFD.
    const latin1 = (text: string) => Buffer.from(text, "latin1");
    const before = latin1(`// caf\xe9 cr\xe8me\nimport { createManager } from "../ws/factory";\nexport const s = "na\xefve " + createManager("x").user;\n`);
    const dir = factoryProject({}, undefined, "safety-latin1");
    fs.writeFileSync(path.join(dir, "src/util/latin1.ts"), before);
    const r = await runCli(dir, ["migrate", "--write"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "src/util/latin1.ts"))).toEqual(
      latin1(`// caf\xe9 cr\xe8me\nimport { createContext as createManager } from "../services/ctx";\nexport const s = "na\xefve " + createManager("x").user;\n`),
    );
    // The diff cannot show such a file faithfully on a UTF-8 stream: it says so.
    fs.writeFileSync(path.join(dir, "src/util/latin1.ts"), before);
    const diff = await runCli(dir, ["migrate"]);
    expect(diff.code).toBe(0);
    expect(diff.stderr).toContain("src/util/latin1.ts:1:1 - warning: not valid UTF-8: its diff shows each byte as a Latin-1 character");
  });

  it("skips a non-UTF-8 file whose rewrite would insert non-ASCII text, says so, and exits 1", async () => {
    // A file name with a non-ASCII letter: its specifier is the text the rewrite inserts.
    const rules = { rules: [{ from: "./src/ws/factory", to: "./src/services/données", symbols: { createManager: "createContext" } }] };
    const before = Buffer.from(`// caf\xe9\nimport { createManager } from "../ws/factory";\nexport const m = createManager;\n`, "latin1");
    const dir = factoryProject({ "src/services/données.ts": "export function createContext(user: string) { return { user }; }\nexport type Manager = { user: string };\n" }, rules, "safety-latin1-skip");
    fs.writeFileSync(path.join(dir, "src/util/latin1.ts"), before);
    const r = await runCli(dir, ["migrate", "--write"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/src\/util\/latin1\.ts:2:31 - error \[rule 1 \(\.\/src\/ws\/factory → \.\/src\/services\/données\)\]: this file is not valid UTF-8 and its rewrite would insert non-ASCII text, which cannot be encoded without knowing the file's encoding; skipped, nothing written/);
    expect(fs.readFileSync(path.join(dir, "src/util/latin1.ts"))).toEqual(before);
    // The UTF-8 files around it are migrated as usual.
    expect(read(dir, "src/main.ts")).toContain(`import { createContext as createManager, type Manager } from "./services/données";`);
  });

  it("writes a symlinked source through to the real file and keeps the link", async () => {
    const dir = factoryProject({ "shared/linked.ts": `import { createManager } from "../ws/factory";\nexport const m = createManager("x");\n` }, undefined, "safety-symlink");
    fs.symlinkSync("../../shared/linked.ts", path.join(dir, "src/util/linked.ts"));
    const r = await runCli(dir, ["migrate", "--write"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(fs.lstatSync(path.join(dir, "src/util/linked.ts")).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(path.join(dir, "src/util/linked.ts"))).toBe("../../shared/linked.ts");
    expect(read(dir, "shared/linked.ts")).toBe(`import { createContext as createManager } from "../services/ctx";\nexport const m = createManager("x");\n`);
  });

  it("keeps a hard-linked file's links together: every name sees the migrated text", async () => {
    const dir = factoryProject({ "elsewhere/copy.ts": "" }, undefined, "safety-hardlink");
    fs.rmSync(path.join(dir, "elsewhere/copy.ts"));
    fs.linkSync(path.join(dir, "src/main.ts"), path.join(dir, "elsewhere/copy.ts"));
    expect((await runCli(dir, ["migrate", "--write"])).code).toBe(0);
    expect(read(dir, "src/main.ts")).toContain(`from "./services/ctx"`);
    expect(read(dir, "elsewhere/copy.ts")).toBe(read(dir, "src/main.ts"));
    expect(fs.statSync(path.join(dir, "src/main.ts")).ino).toBe(fs.statSync(path.join(dir, "elsewhere/copy.ts")).ino);
  });

  it("keeps each file's mode, executable bits included", async () => {
    const dir = factoryProject({}, undefined, "safety-mode");
    fs.chmodSync(path.join(dir, "src/main.ts"), 0o750);
    fs.chmodSync(path.join(dir, "src/util/helper.ts"), 0o604);
    expect((await runCli(dir, ["migrate", "--write"])).code).toBe(0);
    expect(fs.statSync(path.join(dir, "src/main.ts")).mode & 0o777).toBe(0o750);
    expect(fs.statSync(path.join(dir, "src/util/helper.ts")).mode & 0o777).toBe(0o604);
  });

  it.skipIf(process.getuid?.() !== 0)("keeps a file's owner when root migrates another user's file", async () => {
    const dir = factoryProject({}, undefined, "safety-owner");
    fs.chownSync(path.join(dir, "src/main.ts"), 65534, 65534);
    expect((await runCli(dir, ["migrate", "--write"])).code).toBe(0);
    expect(read(dir, "src/main.ts")).toContain(`from "./services/ctx"`);
    const stat = fs.statSync(path.join(dir, "src/main.ts"));
    expect([stat.uid, stat.gid]).toEqual([65534, 65534]);
  });

  it("refuses a read-only file: exit 2 naming it, and no file is changed", async () => {
    const dir = factoryProject({}, undefined, "safety-readonly-file");
    fs.chmodSync(path.join(dir, "src/util/helper.ts"), 0o444);
    const before = snapshot(dir);
    const r = await runCli(dir, ["migrate", "--write"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("ssot-imports: cannot write src/util/helper.ts: the file is read-only; no file was changed\n");
    expect(r.stdout).toBe("");
    expect(snapshot(dir)).toEqual(before);
  });

  it("refuses a read-only folder as a real process: exit 2 naming the file, no internal error, no file changed", () => {
    const dir = factoryProject({}, undefined, "safety-readonly-folder");
    // Another user must be able to read and write everything but the one read-only folder.
    spawnSync("chmod", ["-R", "a+rwX", dir]);
    fs.chmodSync(path.join(dir, "src/util"), 0o555);
    const before = snapshot(dir);
    const r = runBinAsUser(dir, ["migrate", "--write"]);
    fs.chmodSync(path.join(dir, "src/util"), 0o755);
    expect(r.stderr).not.toContain("internal error");
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).toMatch(/^ssot-imports: cannot write src\/util\/helper\.ts: its folder .*\/src\/util is read-only; no file was changed\n$/);
    expect(r.code).toBe(2);
    // src/main.ts was writable, and is not migrated either: all or nothing.
    expect(snapshot(dir)).toEqual(before);
  });

  it("writes all files or none: a rename that fails midway puts back the files already replaced", () => {
    const dir = factoryProject({ "src/a.ts": "a-old", "src/b.ts": "b-old", "src/c.ts": "c-old" }, undefined, "safety-rollback");
    const file = (name: string) => path.join(dir, "src", name);
    let renames = 0;
    const failing: WriterFs = {
      ...fs,
      renameSync(from: fs.PathLike, to: fs.PathLike) {
        // The first two swaps succeed, the third fails (a file system that filled up, a lock).
        if (++renames === 3) throw Object.assign(new Error("EBUSY: resource busy"), { code: "EBUSY", syscall: "rename", path: String(from) });
        fs.renameSync(from, to);
      },
    };
    const writes = ["a.ts", "b.ts", "c.ts"].map((name) => ({ file: file(name), shown: `src/${name}`, original: Buffer.from(name[0] + "-old"), bytes: Buffer.from(name[0] + "-new") }));
    let error: unknown;
    try {
      writeFiles(writes, failing);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WriteError);
    expect((error as Error).message).toBe("cannot write src/c.ts: EBUSY; no file was changed (2 already replaced were restored)");
    expect(["a.ts", "b.ts", "c.ts"].map((name) => fs.readFileSync(file(name), "utf8"))).toEqual(["a-old", "b-old", "c-old"]);
    expect(fs.readdirSync(path.join(dir, "src")).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("stops when a file changed on disk after it was read", () => {
    const dir = factoryProject({ "src/a.ts": "edited by someone else" }, undefined, "safety-concurrent");
    const write = { file: path.join(dir, "src/a.ts"), shown: "src/a.ts", original: Buffer.from("as read"), bytes: Buffer.from("new") };
    expect(() => writeFiles([write])).toThrow("src/a.ts changed while ssot-imports was migrating it; run migrate again; no file was changed");
    expect(read(dir, "src/a.ts")).toBe("edited by someone else");
  });
});
