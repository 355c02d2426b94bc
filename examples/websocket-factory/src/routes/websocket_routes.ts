/** The /ws route: connect, and read back what a user's socket has received. */
import { createWebSocketManager } from "../websocket_core/websocket_manager_factory";
import type { WebSocketManager } from "../websocket_core/websocket_manager_factory";
import { initializeUserConnection } from "../websocket_core/unified_init";

export function connect(userId: string): WebSocketManager {
  return initializeUserConnection(userId);
}

/** Everything this user's socket has been sent, oldest first. */
export function readInbox(userId: string): string[] {
  return createWebSocketManager(userId).history();
}

export async function disconnect(userId: string): Promise<void> {
  const { createWebSocketManager: managerFor } = await import("../websocket_core/websocket_manager_factory");
  managerFor(userId).send(`system → ${userId}: disconnected`);
}
