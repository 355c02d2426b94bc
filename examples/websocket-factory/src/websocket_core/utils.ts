/**
 * Compatibility wrapper: older modules import the factory from here. The re-exports keep them working while
 * the rest of websocket_core moves to the SSOT factory.
 */
export { createWebSocketManager } from "./websocket_manager_factory";
export type { WebSocketManager } from "./websocket_manager_factory";
import { createWebSocketManager as getManager } from "./websocket_manager_factory";

export function broadcastSystemNotice(userIds: readonly string[], notice: string): void {
  for (const userId of userIds) getManager(userId).send(`system → ${userId}: ${notice}`);
}

/** Sends without throwing: a failed notification must never break the request that caused it. */
export async function safeSend(userId: string, message: string): Promise<boolean> {
  try {
    const { createWebSocketManager } = await import("./websocket_manager_factory");
    createWebSocketManager(userId).send(message);
    return true;
  } catch {
    return false;
  }
}
