import { createColors } from "picocolors";

/** Where a command writes; a stream in the real bin, a buffer in tests. */
export interface Writer {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * Everything a command touches outside the project files, passed in so `main(argv, io)` runs in-process in
 * tests with its own cwd, environment and (non-)TTY, and nothing reads process globals behind its back.
 */
export interface Io {
  stdout: Writer;
  stderr: Writer;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Answers to questions (init's confirmation); asked only when it is a terminal. */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Milliseconds; injectable so the progress indicator's one-second delay can be tested without waiting. */
  now?: () => number;
}

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env };
}

export type { Colors } from "picocolors/types";

/** Colour only on a terminal, never when NO_COLOR is set to anything non-empty (https://no-color.org). */
export function colorsFor(writer: Writer, env: Io["env"]): import("picocolors/types").Colors {
  const enabled = writer.isTTY === true && !env.NO_COLOR;
  return createColors(enabled);
}
