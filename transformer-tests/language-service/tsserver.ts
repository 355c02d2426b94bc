import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { TS_PACKAGE_DIR, type TsVersion } from "../helpers/processes";

/**
 * A real tsserver, spoken to as an editor does: JSON requests on stdin, `Content-Length`-framed responses and
 * events on stdout. `probe` is a folder whose node_modules holds ssot-imports (tsserver looks for plugins
 * beside its own TypeScript, and in the `--pluginProbeLocations` an editor passes).
 */
export class TsServer {
  private readonly child: ChildProcess;
  private seq = 0;
  private buffer = Buffer.alloc(0);
  private readonly pending = new Map<number, { resolve(body: unknown): void; reject(error: Error): void }>();
  readonly events: Array<{ event: string; body: unknown }> = [];
  readonly logFile: string;
  stderr = "";

  constructor(version: TsVersion, probe: string) {
    this.logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ssot-tsserver-log-")), "tsserver.log");
    const tsserver = path.join(TS_PACKAGE_DIR[version], "lib", "tsserver.js");
    this.child = spawn(
      process.execPath,
      [tsserver, "--disableAutomaticTypingAcquisition", "--pluginProbeLocations", probe, "--logVerbosity", "verbose", "--logFile", this.logFile],
      { stdio: ["pipe", "pipe", "pipe"] },
    );
    this.child.stdout!.on("data", (chunk: Buffer) => this.receive(chunk));
    this.child.stderr!.on("data", (chunk) => (this.stderr += String(chunk)));
    this.child.on("exit", (code) => {
      for (const { reject } of this.pending.values()) reject(new Error(`tsserver exited (${code}): ${this.stderr}`));
      this.pending.clear();
    });
  }

  /** Sends a request and resolves with the response's body; a failed request rejects with tsserver's message. */
  request<T = unknown>(command: string, args?: unknown, timeoutMs = 60_000): Promise<T> {
    const seq = ++this.seq;
    this.child.stdin!.write(JSON.stringify({ seq, type: "request", command, arguments: args }) + "\n");
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(seq);
        reject(new Error(`tsserver did not answer ${command} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(seq, {
        resolve: (body) => (clearTimeout(timer), resolve(body as T)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
    });
  }

  /** Opens files as an editor does (their text is read from disk by tsserver). */
  async open(...files: string[]): Promise<void> {
    await this.request("updateOpen", { openFiles: files.map((file) => ({ file })) });
  }

  log(): string {
    return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, "utf8") : "";
  }

  close(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const header = this.buffer.indexOf("\r\n\r\n");
      if (header < 0) return;
      const length = Number(/Content-Length: (\d+)/.exec(this.buffer.subarray(0, header).toString())?.[1]);
      const start = header + 4;
      if (this.buffer.length < start + length) return;
      const message = JSON.parse(this.buffer.subarray(start, start + length).toString()) as {
        type: string;
        request_seq?: number;
        success?: boolean;
        message?: string;
        body?: unknown;
        event?: string;
      };
      this.buffer = this.buffer.subarray(start + length);
      if (message.type === "event") this.events.push({ event: message.event!, body: message.body });
      if (message.type !== "response" || message.request_seq === undefined) continue;
      const waiting = this.pending.get(message.request_seq);
      if (!waiting) continue;
      this.pending.delete(message.request_seq);
      if (message.success) waiting.resolve(message.body);
      else waiting.reject(new Error(`tsserver: ${message.message}`));
    }
  }
}

export interface ProtocolDiagnostic {
  start: { line: number; offset: number };
  end: { line: number; offset: number };
  text: string;
  code: number;
  category: string;
  reportsDeprecated?: unknown;
}

/** `file(line,col): TScode`, the shape both tsc's output and tsserver's diagnostics reduce to. */
export function located(file: string, d: ProtocolDiagnostic): string {
  return `${file}(${d.start.line},${d.start.offset}): TS${d.code}`;
}

/** The located errors tsc prints (`src/a.ts(2,7): error TS2322: …`), reduced the same way. */
export function locatedTscErrors(output: string): string[] {
  return [...output.matchAll(/^(.+?)\((\d+),(\d+)\): error TS(\d+):/gm)].map((m) => `${m[1]}(${m[2]},${m[3]}): TS${m[4]}`).sort();
}

/** Polls `read` until `done` holds of its result; the last result is returned either way, for the assertion. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** Applies tsserver code edits (1-based line/offset) to a text. */
export function applyCodeEdits(text: string, edits: ReadonlyArray<{ start: { line: number; offset: number }; end: { line: number; offset: number }; newText: string }>): string {
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const offsetOf = (p: { line: number; offset: number }) => lineStarts[p.line - 1] + p.offset - 1;
  const sorted = edits.map((e) => ({ start: offsetOf(e.start), end: offsetOf(e.end), text: e.newText })).sort((a, b) => b.start - a.start);
  let result = text;
  for (const e of sorted) result = result.slice(0, e.start) + e.text + result.slice(e.end);
  return result;
}
