import * as readline from "node:readline";
import type { Io } from "./io";

/** Whether a terminal is there to answer a question: without one, a command must not wait for an answer. */
export function canAsk(io: Io): boolean {
  return io.stdin?.isTTY === true;
}

/** Asks a yes/no question on stderr (stdout may be piped) and reads one line; only "y" or "yes" says yes. */
export async function confirm(io: Io, question: string): Promise<boolean> {
  if (!io.stdin) return false;
  io.stderr.write(question);
  const answer = await readLine(io.stdin);
  return /^\s*y(?:es)?\s*$/i.test(answer ?? "");
}

function readLine(input: NodeJS.ReadableStream): Promise<string | undefined> {
  const lines = readline.createInterface({ input, terminal: false });
  return new Promise((resolve) => {
    // End of input (Ctrl-D) is a "no", like an empty answer.
    lines.once("close", () => resolve(undefined));
    lines.once("line", (line) => {
      resolve(line);
      lines.close();
    });
  });
}
