// Private copies of the repo's TypeScript under .bench/: one left plain, one `ts-patch install`ed.
// The repo's own node_modules/typescript is never patched (other engineers and the tests use it).

import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

export function prepareTypeScriptCopies(repo, benchDir) {
  const source = path.join(repo, "node_modules", "typescript");
  const version = JSON.parse(fs.readFileSync(path.join(source, "package.json"), "utf8")).version;
  const tsPatchBin = path.join(repo, "node_modules", "ts-patch", "bin", "ts-patch.js");
  const copies = {};
  for (const kind of ["plain", "patched"]) {
    const dir = path.join(benchDir, "typescript", kind, "node_modules", "typescript");
    const stamp = path.join(benchDir, "typescript", kind, "stamp.json");
    const wanted = JSON.stringify({ version, kind });
    const fresh = fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === wanted;
    if (!fresh) {
      fs.rmSync(path.dirname(path.dirname(dir)), { recursive: true, force: true });
      fs.mkdirSync(path.dirname(dir), { recursive: true });
      fs.cpSync(source, dir, { recursive: true, dereference: true });
      if (kind === "patched") execFileSync(process.execPath, [tsPatchBin, "install", "-s", "-d", dir], { stdio: "inherit" });
    }
    // Trust nothing: the plain copy must be unpatched and the patched one patched, whatever happened before.
    const patched = isPatched(tsPatchBin, dir);
    if (patched !== (kind === "patched")) {
      throw new Error(`${dir} is ${patched ? "" : "not "}patched by ts-patch, expected the ${kind} copy ${kind === "patched" ? "to be" : "not to be"}`);
    }
    if (!fresh) fs.writeFileSync(stamp, wanted);
    copies[kind] = { dir, tsc: path.join(dir, "bin", "tsc"), version };
  }
  if (isPatched(tsPatchBin, source)) throw new Error(`${source} is patched by ts-patch; the bench expects the repo's TypeScript untouched`);
  return copies;
}

/** Asks ts-patch itself: `ts-patch check -d <dir>` lists each TypeScript module as patched or not. */
function isPatched(tsPatchBin, typescriptDir) {
  const out = execFileSync(process.execPath, [tsPatchBin, "check", "--no-color", "-d", typescriptDir], { encoding: "utf8" });
  const tsc = /\[(.)\] tsc\.js is (not )?patched/.exec(out);
  if (!tsc) throw new Error(`cannot read the patch status of ${typescriptDir} from ts-patch check:\n${out}`);
  return !tsc[2];
}
