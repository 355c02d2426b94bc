/**
 * SSOT: the per-user execution context. Every user gets a context of their own, created on first use and
 * returned to every later caller that names the same user; no state is shared between users.
 *
 * Same call signature as the deprecated `createWebSocketManager(userId)`, and a compatible return type, so
 * existing call sites keep compiling when their import is aliased:
 *   import { createDefensiveUserExecutionContext as createWebSocketManager } from "../services/user_execution_context";
 */

export interface UserExecutionContext {
  readonly userId: string;
  send(message: string): void;
  history(): string[];
}

/** The old name of the context's type, kept so that code typed against the deprecated factory keeps compiling. */
export type WebSocketManager = UserExecutionContext;

const contexts = new Map<string, UserExecutionContext>();

export function createDefensiveUserExecutionContext(userId: string): UserExecutionContext {
  if (typeof userId !== "string" || userId.trim() === "") {
    throw new Error("createDefensiveUserExecutionContext: a non-empty userId is required (no anonymous contexts)");
  }
  let context = contexts.get(userId);
  if (!context) {
    const log: string[] = [];
    context = Object.freeze({
      userId,
      send: (message: string) => {
        log.push(message);
      },
      history: () => [...log],
    });
    contexts.set(userId, context);
  }
  return context;
}
