/**
 * A mistake in how the CLI was called (a missing file, a bad value): one line on stderr and exit 2, never a
 * stack trace. Thrown from deep inside a command so it need not thread error codes back up by hand.
 */
export class UsageError extends Error {
  readonly exitCode = 2;
}

/** Exit codes, in one place so `--help` and the tests agree with the code. */
export const EXIT = {
  ok: 0,
  /** Violations the command exists to catch: new or stale baseline entries, unsafe sites, rule errors. */
  failed: 1,
  /** The command was called wrongly, or its configuration (tsconfig, rules) is broken. */
  usage: 2,
  /** A bug in ssot-imports itself. */
  internal: 3,
} as const;
