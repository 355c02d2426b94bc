import { execFile } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { parse as parseJsonc } from "jsonc-parser";
import { UsageError } from "../errors";
import { relativePath } from "../paths";

export const FORMATTER_CHOICES = ["auto", "prettier", "biome", "none"] as const;
export type FormatterChoice = (typeof FORMATTER_CHOICES)[number];

/** The project's own formatter, as `migrate` uses it on the import statements it rewrote. */
export interface ImportFormatter {
  /** How the summary names it: `Prettier 3.10.1 (.prettierrc)`. */
  label: string;
  /**
   * Formats `text` as the content of `file`, so the file's configuration, overrides and parser apply;
   * undefined when the formatter would leave `file` alone (ignored by the project).
   */
  format(file: string, text: string): Promise<string | undefined>;
}

const BIOME_CONFIGS = ["biome.json", "biome.jsonc", ".biome.json", ".biome.jsonc"];

/**
 * Picks the formatter: `none`; the one named; or, for `auto`, the one the project configures (a Prettier
 * configuration Prettier itself finds from the project's folder up, or a Biome configuration with the
 * formatter on) when the project can load it. Both configured is ambiguous and stops the run: guessing would
 * fail the other one's check. The copy used is always the project's own, found from its folder.
 */
export async function chooseFormatter(choice: FormatterChoice, root: string, cwd: string): Promise<ImportFormatter | undefined> {
  if (choice === "none") return undefined;
  const prettier = choice === "biome" ? undefined : loadPrettier(root);
  const biome = choice === "prettier" ? undefined : findBiome(root);
  if (choice === "prettier") {
    if (!prettier) throw new UsageError(`--format-with prettier: prettier is not installed in ${relativePath(cwd, root)} or a folder above it`);
    return prettierFormatter(prettier, root, (await prettier.resolveConfigFile(path.join(root, "index.ts"))) ?? undefined, cwd);
  }
  if (choice === "biome") {
    if (!biome) throw new UsageError(`--format-with biome: @biomejs/biome is not installed in ${relativePath(cwd, root)} or a folder above it`);
    return biomeFormatter(biome, root, cwd);
  }
  const prettierConfig = prettier ? ((await prettier.resolveConfigFile(path.join(root, "index.ts"))) ?? undefined) : undefined;
  const biomeConfigured = biome?.config !== undefined && biomeFormats(biome.config);
  if (prettier && prettierConfig && biome && biomeConfigured) {
    throw new UsageError(
      `both Prettier (${relativePath(cwd, prettierConfig)}) and Biome (${relativePath(cwd, biome.config!)}) are configured: choose the one your format check runs with --format-with prettier, --format-with biome or --format-with none`,
    );
  }
  if (prettier && prettierConfig) return prettierFormatter(prettier, root, prettierConfig, cwd);
  if (biome && biomeConfigured) return biomeFormatter(biome, root, cwd);
  return undefined;
}

type Prettier = typeof import("prettier");

function loadPrettier(root: string): Prettier | undefined {
  try {
    return createRequire(path.join(root, "package.json"))("prettier") as Prettier;
  } catch {
    return undefined;
  }
}

function prettierFormatter(prettier: Prettier, root: string, config: string | undefined, cwd: string): ImportFormatter {
  // The ignore files the Prettier CLI reads by default, from the project's folder.
  const ignorePath = [".gitignore", ".prettierignore"].map((name) => path.join(root, name));
  return {
    label: `Prettier ${prettier.version}${config ? ` (${relativePath(cwd, config)})` : ""}`,
    async format(file, text) {
      try {
        const info = await prettier.getFileInfo(file, { ignorePath, resolveConfig: false });
        if (info.ignored || info.inferredParser === null) return undefined;
        // `editorconfig: true` is what the CLI does unless told otherwise.
        const options = (await prettier.resolveConfig(file, { editorconfig: true })) ?? {};
        return await prettier.format(text, { ...options, filepath: file });
      } catch (error) {
        throw formatterFailed("Prettier", file, cwd, (error as Error).message);
      }
    },
  };
}

interface Biome {
  /** The `biome` launcher script of the project's @biomejs/biome. */
  bin: string;
  version: string;
  /** The nearest configuration from the project's folder up. */
  config?: string;
}

function findBiome(root: string): Biome | undefined {
  let manifest: string;
  try {
    manifest = createRequire(path.join(root, "package.json")).resolve("@biomejs/biome/package.json");
  } catch {
    return undefined;
  }
  const { version, bin } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string; bin: { biome: string } };
  return { bin: path.join(path.dirname(manifest), bin.biome), version, config: nearest(root, BIOME_CONFIGS) };
}

/** Whether a Biome configuration formats TypeScript: its formatter is on unless switched off. */
function biomeFormats(config: string): boolean {
  const document = parseJsonc(fs.readFileSync(config, "utf8")) as { formatter?: { enabled?: boolean }; javascript?: { formatter?: { enabled?: boolean } } } | undefined;
  return document?.formatter?.enabled !== false && document?.javascript?.formatter?.enabled !== false;
}

function biomeFormatter(biome: Biome, root: string, cwd: string): ImportFormatter {
  // Biome finds its configuration from its working folder, as when the project runs it from there.
  const workingFolder = biome.config ? path.dirname(biome.config) : root;
  return {
    label: `Biome ${biome.version}${biome.config ? ` (${relativePath(cwd, biome.config)})` : ""}`,
    format(file, text) {
      return new Promise((resolve, reject) => {
        const child = execFile(
          process.execPath,
          [biome.bin, "format", `--stdin-file-path=${path.relative(workingFolder, file)}`],
          { cwd: workingFolder, maxBuffer: 64 * 1024 * 1024 },
          (error, stdout, stderr) => {
            if (error) reject(formatterFailed("Biome", file, cwd, firstLines(stderr || stdout || error.message)));
            else resolve(stdout);
          },
        );
        child.stdin?.end(text);
      });
    },
  };
}

function formatterFailed(name: string, file: string, cwd: string, message: string): UsageError {
  return new UsageError(`${name} could not format the rewritten imports of ${relativePath(cwd, file)}: ${message.trim()}; fix its configuration, or pass --format-with none`);
}

/** Biome's report without its box drawing: the lines that say what is wrong. */
function firstLines(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/[━│>]+/g, "").trim())
    .filter((line) => line !== "")
    .slice(0, 3)
    .join(" ");
}

function nearest(dir: string, names: readonly string[]): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    for (const name of names) {
      const candidate = path.join(current, name);
      if (fs.existsSync(candidate)) return candidate;
    }
    if (path.dirname(current) === current) return undefined;
  }
}
