import { Command, Option } from "commander";
import { DEFAULT_BASELINE_FILE } from "./baseline";
import { runCheck } from "./commands/check";
import { runFacades, watchFacades } from "./commands/facades";
import { runInit } from "./commands/init";
import { runMigrate } from "./commands/migrate";
import { FORMATTER_CHOICES } from "./migrate/formatters";
import { REPORT_FORMATS, runReport } from "./commands/report";
import { runVerify } from "./commands/verify";
import { exitStatusHelp } from "./errors";
import type { Io } from "./io";
import { addProjectOptions } from "./project-options";
import { packageVersion } from "./version";


/**
 * The command line, built fresh per call so `main` can run many times in one process (the tests do). Each
 * action stores its exit status in `result.code` instead of exiting, so nothing here ends the process.
 */
export function buildProgram(io: Io, result: { code: number }): Command {
  const program = new Command("ssot-imports")
    .description("Report, gate, migrate and verify deprecated imports declared in ssot-imports.json.")
    .version(packageVersion(), "-v, --version")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // One line per mistake: commander's own prefix becomes ours, and its suggestion joins the same line.
      outputError: (s, write) => write(s.replace(/^error: /, "ssot-imports: ").replace(/\n\(Did you mean (.*)\)/, " (did you mean $1)")),
    })
    .addHelpText("after", exitStatusHelp())
    .showSuggestionAfterError(true);

  addProjectOptions(
    program
      .command("report")
      .description("list every deprecated import: file, line, column, specifier, rule, symbols and where it goes")
      .addOption(new Option("-f, --format <format>", "output format").choices(REPORT_FORMATS).default("text")),
  ).action((options) => {
    result.code = runReport(options, io);
  });

  addProjectOptions(
    program
      .command("check")
      .description("fail when a file has more violations of a rule than the baseline records, or fewer (stale)")
      .option("-b, --baseline <file>", `the baseline file (default: ${DEFAULT_BASELINE_FILE} beside the tsconfig)`)
      .option("-u, --update", "write the baseline from the current violations (sorted keys, small diffs)"),
  ).action((options) => {
    result.code = runCheck(options, io);
  });

  addProjectOptions(
    program
      .command("migrate")
      .description("rewrite deprecated imports to their SSOT modules: a unified diff, or the files with --write")
      .option("-w, --write", "rewrite the source files in place (all or none) instead of printing a diff")
      .addOption(
        new Option("--format-with <formatter>", "format the rewritten import statements with the project's own formatter; auto: the one its configuration names (a Prettier config, or a biome.json)")
          .choices(FORMATTER_CHOICES)
          .default("auto"),
      ),
  ).action(async (options) => {
    result.code = await runMigrate(options, io);
  });

  addProjectOptions(
    program.command("verify").description("check the rules against the code: targets exist and export the renamed symbols, no self-imports, no unused rules"),
  ).action((options) => {
    result.code = runVerify(options, io);
  });

  program
    .command("init")
    .description("set a project up: write ssot-imports.json, add the tsc plugin entry and the rules file to extends (shows the diff first)")
    .option("-p, --project <tsconfig>", "the tsconfig.json to set up (or its folder; default: found upward from the cwd, as tsc does)")
    .option("-r, --rules <file>", "where to write the rules file (default: ssot-imports.json beside the tsconfig)")
    .option("--from <module>", "a first rule: the deprecated module (a path from the cwd, or a bare specifier)")
    .option("--to <module>", "the module that replaces it")
    .option("--symbol <old=new>", "an export renamed on the way (repeatable)", (value: string, previous: string[] = []) => [...previous, value])
    .option("-y, --yes", "write without asking (without it, init asks on a terminal and writes nothing elsewhere)")
    .addHelpText("after", "\nFor init, exit status 1 means nothing was written: no --yes and no terminal to ask on, or the answer was not y.")
    .action(async (options) => {
      result.code = await runInit(options, io);
    });

  addProjectOptions(
    program
      .command("facades")
      .description("write declaration facades so TypeScript 7, plain tsc and editors type-check deprecated imports against the SSOT (docs/typescript-7.md)")
      .option("-o, --out-dir <dir>", "the generated folder (default: .ssot-imports beside the tsconfig)")
      .option("--beside-sources", "also write <name>.ssot-facade.ts beside each deprecated file that still exists")
      .option("--print-tsconfig", "print the compilerOptions that find the facades (stdout holds only that JSON)")
      .option("--write-tsconfig [file]", "write a tsconfig extending the project's with those options (default: <out-dir>/tsconfig.json)")
      .option("-w, --watch", "keep the facades current as the rules and SSOT modules change"),
  ).action(async (options) => {
    result.code = options.watch ? await watchFacades(options, io) : runFacades(options, io);
  });

  for (const command of program.commands) command.addHelpText("after", exitStatusHelp()).allowExcessArguments(false);
  return program;
}
