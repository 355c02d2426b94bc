/** Routes quality-related messages to the right user, or to the quality team's queue. */
import { createWebSocketManager } from "../../websocket_core/websocket_manager_factory";
import type { WebSocketManager } from "../../websocket_core/websocket_manager_factory";

export type QualityTopic = "alert" | "report" | "metrics";

export function routeToUser(userId: string, topic: QualityTopic, text: string): WebSocketManager {
  const manager = createWebSocketManager(userId);
  manager.send(`quality → ${userId}: [${topic}] ${text}`);
  return manager;
}

export async function routeEscalation(userId: string, text: string): Promise<void> {
  const { createWebSocketManager: escalationChannel } = await import("../../websocket_core/websocket_manager_factory");
  escalationChannel(userId).send(`quality → ${userId}: escalated to a human reviewer: ${text}`);
}

export async function routeResolution(userId: string): Promise<void> {
  const { createWebSocketManager } = await import("../../websocket_core/websocket_manager_factory");
  createWebSocketManager(userId).send(`quality → ${userId}: issue resolved`);
}
