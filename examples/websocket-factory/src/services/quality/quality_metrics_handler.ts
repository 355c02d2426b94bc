/** Per-user conversation metrics for the quality dashboards. */
import { createWebSocketManager as managerForMetrics } from "../../websocket_core/websocket_manager_factory";
import type { WebSocketManager } from "../../websocket_core/websocket_manager_factory";

export interface ConversationMetrics {
  userId: string;
  messages: number;
  averageLength: number;
}

function measure(userId: string, manager: WebSocketManager): ConversationMetrics {
  const lines = manager.history();
  const total = lines.reduce((sum, line) => sum + line.length, 0);
  return { userId, messages: lines.length, averageLength: lines.length === 0 ? 0 : Math.round(total / lines.length) };
}

export function collectMetrics(userId: string): ConversationMetrics {
  return measure(userId, managerForMetrics(userId));
}

export async function publishMetrics(userId: string): Promise<ConversationMetrics> {
  const { createWebSocketManager } = await import("../../websocket_core/websocket_manager_factory");
  const metrics = measure(userId, createWebSocketManager(userId));
  createWebSocketManager(userId).send(`quality → ${userId}: ${metrics.messages} messages measured`);
  return metrics;
}
