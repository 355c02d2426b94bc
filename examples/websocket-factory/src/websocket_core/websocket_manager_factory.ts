/**
 * DEPRECATED (issue #1126): the original WebSocket manager factory.
 *
 * It was written when the backend served one user at a time: the first call creates a manager and every later
 * call, whoever the caller, gets that same object back. With two users connected, both write into one message
 * log and both read it back, so each user sees the other's messages.
 *
 * Kept as it is, because 24 modules still import it. The SSOT replacement is
 * `createDefensiveUserExecutionContext` in services/user_execution_context.ts; ssot-imports.json tells the
 * build to use it instead.
 */

export interface WebSocketManager {
  readonly userId: string;
  send(message: string): void;
  history(): string[];
}

let sharedManager: WebSocketManager | undefined;

/** @deprecated Use `createDefensiveUserExecutionContext` from services/user_execution_context. */
export function createWebSocketManager(userId: string): WebSocketManager {
  if (!sharedManager) {
    const log: string[] = [];
    sharedManager = {
      userId,
      send: (message) => {
        log.push(message);
      },
      history: () => [...log],
    };
  }
  // The userId argument is ignored after the first call: the process-wide manager is returned as is.
  return sharedManager;
}
