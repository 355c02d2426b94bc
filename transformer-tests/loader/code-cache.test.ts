/**
 * dist/loader/code-cache.js, as the stubs in dist/ call it, in fresh node processes: a package laid out in a
 * temporary node_modules, loaded once to write the cache (at exit), then again to read it.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const LOADER = path.resolve(__dirname, "../../dist/loader/code-cache.js");

let work: string;
let bundle: string;
let cacheFolder: string;

/** What the build writes for an entry point (tools/bundle-entries.mjs), for a bundle named index.bundle.js. */
function writeStub(textHash: string, hashbang = false): string {
  const stub = path.join(path.dirname(bundle), "index.js");
  const call = `require(${JSON.stringify(LOADER)}).loadWithCodeCache(require("node:path").join(__dirname, "index.bundle.js"), module, ${JSON.stringify(textHash)});`;
  fs.writeFileSync(stub, `${hashbang ? "#!/usr/bin/env node\n" : ""}"use strict";\n${call}\n`);
  return stub;
}

function writeBundle(text: string): void {
  fs.writeFileSync(bundle, text);
}

/** Loads the stub in a new process; prints what the bundle exports. */
function load(stub: string, env: NodeJS.ProcessEnv = {}): string {
  const script = `const m = require(${JSON.stringify(stub)}); console.log(m.answer(), m.sawItselfAsMain);`;
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8", env: { ...process.env, ...env } }).trim();
}

const caches = () => (fs.existsSync(cacheFolder) ? fs.readdirSync(cacheFolder).sort() : []);

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "ssot-code-cache-"));
  const dist = path.join(work, "node_modules", "some-package", "dist", "esbuild");
  fs.mkdirSync(dist, { recursive: true });
  bundle = path.join(dist, "index.bundle.js");
  cacheFolder = path.join(work, "node_modules", ".cache", "ssot-imports");
  writeBundle(`"use strict";\nmodule.exports.answer = () => 6 * 7;\nmodule.exports.sawItselfAsMain = require.main === module;\n`);
});

afterEach(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

describe("the code cache of a bundle", () => {
  it("is written at the first process's exit into node_modules/.cache/ssot-imports, and read back unchanged by the next", () => {
    const stub = writeStub("aaaa");
    expect(load(stub)).toBe("42 false");
    const [file] = caches();
    expect(file).toMatch(new RegExp(`^esbuild-index\\.bundle-[0-9a-f]{8}-aaaa-\\d+-\\d+-${process.version.replace(/\./g, "\\.")}-${process.arch}\\.v8$`));
    const written = fs.readFileSync(path.join(cacheFolder, file));
    expect(written.length).toBeGreaterThan(0);
    const before = fs.statSync(path.join(cacheFolder, file)).mtimeMs;

    // Accepted by V8, so not written again.
    expect(load(stub)).toBe("42 false");
    expect(caches()).toEqual([file]);
    expect(fs.statSync(path.join(cacheFolder, file)).mtimeMs).toBe(before);
  });

  it("is replaced when V8 rejects it, and the bundle still runs", () => {
    const stub = writeStub("aaaa");
    load(stub);
    const [file] = caches();
    fs.writeFileSync(path.join(cacheFolder, file), "not a code cache");
    expect(load(stub)).toBe("42 false");
    expect(fs.readFileSync(path.join(cacheFolder, file), "utf8")).not.toBe("not a code cache");
  });

  it("is never read back for another text of the bundle: an edit of the same length gets a cache of its own", () => {
    const stub = writeStub("aaaa");
    load(stub);
    const [first] = caches();
    // Same length, same build hash (as patch-package would leave it): only the modification time differs.
    writeBundle(fs.readFileSync(bundle, "utf8").replace("6 * 7", "7 * 7"));
    fs.utimesSync(bundle, new Date(), new Date(Date.now() + 5_000));
    expect(load(stub)).toBe("49 false");
    const [second] = caches();
    expect(second).not.toBe(first);
    expect(caches()).toHaveLength(1); // the older cache of this bundle is removed
  });

  it("is kept apart for each copy of the package that shares the node_modules (worktrees of one checkout)", () => {
    const first = writeStub("aaaa");
    load(first);
    const [own] = caches();
    const written = fs.statSync(path.join(cacheFolder, own)).mtimeMs;
    // A second copy at another path: the same bundle name, the same text.
    const copy = path.join(work, "node_modules", "another-copy", "dist", "esbuild");
    fs.mkdirSync(copy, { recursive: true });
    fs.copyFileSync(bundle, path.join(copy, "index.bundle.js"));
    bundle = path.join(copy, "index.bundle.js");
    load(writeStub("aaaa"));
    expect(caches()).toHaveLength(2);
    expect(caches()).toContain(own);
    // The first copy still finds its own, and so writes nothing.
    expect(load(first)).toBe("42 false");
    expect(fs.statSync(path.join(cacheFolder, own)).mtimeMs).toBe(written);
  });

  it("lets a command bundle see itself as require.main, past its hashbang", () => {
    writeBundle(`#!/usr/bin/env node\n"use strict";\nif (require.main === module) console.log("ran as the command");\n`);
    const stub = writeStub("bbbb", true);
    expect(execFileSync(process.execPath, [stub], { encoding: "utf8" })).toBe("ran as the command\n");
  });

  it("is not written with SSOT_IMPORTS_CODE_CACHE=off", () => {
    expect(load(writeStub("aaaa"), { SSOT_IMPORTS_CODE_CACHE: "off" })).toBe("42 false");
    expect(caches()).toEqual([]);
  });

  it("is skipped silently where it cannot be written", () => {
    fs.writeFileSync(path.join(work, "node_modules", ".cache"), "a file where the cache folder would go");
    expect(load(writeStub("aaaa"))).toBe("42 false");
    expect(fs.readdirSync(path.join(work, "node_modules")).sort()).toEqual([".cache", "some-package"]);
  });
});
