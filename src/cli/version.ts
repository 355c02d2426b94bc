import * as fs from "node:fs";
import * as path from "node:path";

/** The package's version, read at run time: package.json sits outside the compiled rootDir. */
export function packageVersion(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8")).version as string;
  } catch {
    return "0.0.0";
  }
}
