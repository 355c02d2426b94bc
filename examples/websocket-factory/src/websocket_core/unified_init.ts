/** One entry point for bringing a user's WebSocket connection up. */
import { createWebSocketManager as createManager } from "./websocket_manager_factory";
import type { createWebSocketManager as ManagerFactory } from "./websocket_manager_factory";

export type ConnectionManager = ReturnType<typeof ManagerFactory>;

export function initializeUserConnection(userId: string): ConnectionManager {
  const manager = createManager(userId);
  manager.send(`system → ${userId}: connected`);
  return manager;
}

/** Pre-creates managers for users expected to reconnect after a deploy. */
export async function warmUpConnections(userIds: readonly string[]): Promise<ConnectionManager[]> {
  const { createWebSocketManager } = await import("./websocket_manager_factory");
  return userIds.map((userId) => createWebSocketManager(userId));
}
