/**
 * A mistake in how the CLI was called or configured (a missing file, a bad value, a file it may not write):
 * one line on stderr and exit 2, never a stack trace. Thrown from deep inside a command so it need not thread
 * error codes back up by hand.
 */
export class UsageError extends Error {
  readonly exitCode = 2;
}

/** Exit codes, in one place: every command returns these, and `--help` and docs/cli.md print this table. */
export const EXIT = {
  ok: 0,
  /** Findings: what the command exists to catch (new or stale violations, imports left to migrate, rule errors). */
  failed: 1,
  /** The command was called wrongly, or the project's configuration or files stop it (tsconfig, rules, permissions). */
  usage: 2,
  /** A defect of ssot-imports itself: never a user's mistake. */
  internal: 3,
} as const;

export const EXIT_TABLE: ReadonlyArray<readonly [code: number, meaning: string]> = [
  [EXIT.ok, "success"],
  [EXIT.failed, "findings: new or stale violations (check), imports to migrate by hand or files that do not parse (migrate, report), rule errors (verify)"],
  [EXIT.usage, "usage or configuration error: bad arguments, a tsconfig or rules file that is missing or invalid, a file that cannot be written; nothing was written"],
  [EXIT.internal, "a defect of ssot-imports itself (please report it; SSOT_IMPORTS_DEBUG=1 prints the stack)"],
];

/** The table as `--help` prints it. */
export function exitStatusHelp(): string {
  return `\nExit status:\n${EXIT_TABLE.map(([code, meaning]) => `  ${code}  ${meaning}`).join("\n")}\n`;
}

/** Error codes of the file system that describe the user's files or machine, not a defect of this tool. */
const ENVIRONMENT_CODES = new Set(["EACCES", "EPERM", "EROFS", "ENOSPC", "EDQUOT", "EISDIR", "ENOTDIR", "ENOENT", "EEXIST", "EBUSY", "ETXTBSY", "EMFILE", "ENFILE", "ELOOP", "ENAMETOOLONG", "EIO"]);

/** A Node file-system error on a user's path: reported as the user's problem (exit 2), never as "internal error". */
export function isEnvironmentError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === "string" && ENVIRONMENT_CODES.has(code) && typeof (error as NodeJS.ErrnoException).syscall === "string";
}

/** `permission denied`, `read-only file system`…: the reason in words, without Node's syscall noise. */
export function reasonOf(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EROFS":
      return "read-only file system";
    case "ENOSPC":
    case "EDQUOT":
      return "no space left on the device";
    case "EISDIR":
      return "is a folder";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    case "ENOENT":
      return "no such file or folder";
    default:
      return error.code ?? error.message;
  }
}
