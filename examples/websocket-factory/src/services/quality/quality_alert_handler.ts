/** Quality alerts: sent to the affected user at once, and kept for the weekly review. */
import { createWebSocketManager } from "../../websocket_core/websocket_manager_factory";
import type { WebSocketManager } from "../../websocket_core/websocket_manager_factory";

const raised: Array<{ userId: string; text: string }> = [];

export function raiseQualityAlert(userId: string, text: string): void {
  raised.push({ userId, text });
  const manager: WebSocketManager = createWebSocketManager(userId);
  manager.send(`quality → ${userId}: ${text}`);
}

export async function clearAlerts(userId: string): Promise<number> {
  const before = raised.length;
  for (let i = raised.length - 1; i >= 0; i--) if (raised[i].userId === userId) raised.splice(i, 1);
  const { createWebSocketManager } = await import("../../websocket_core/websocket_manager_factory");
  createWebSocketManager(userId).send(`quality → ${userId}: alerts cleared`);
  return before - raised.length;
}
