// The esbuild side of the example: the same ssot-imports.json, applied while bundling src/main.ts.
import * as path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
// Resolved from the example folder, as a user's build script would: node_modules/ssot-imports is this repo.
const require = createRequire(path.join(here, "package.json"));
const esbuild = require("esbuild");
const { ssotImports } = require("ssot-imports/esbuild");

await esbuild.build({
  absWorkingDir: here,
  entryPoints: ["src/main.ts"],
  bundle: true,
  platform: "node",
  format: "cjs",
  outfile: "out-esbuild/main.js",
  logLevel: "warning",
  plugins: [ssotImports({ report: "summary" })],
});
