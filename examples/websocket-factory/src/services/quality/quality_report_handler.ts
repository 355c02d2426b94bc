/** Sends a user the quality report for their conversation. */
import { createWebSocketManager } from "../../websocket_core/websocket_manager_factory";
import type { WebSocketManager } from "../../websocket_core/websocket_manager_factory";

export function summariseConversation(manager: WebSocketManager): string {
  const lines = manager.history();
  return `${lines.length} messages, ${lines.filter((l) => l.startsWith("agent")).length} from agents`;
}

export function sendQualityReport(userId: string): string {
  const manager = createWebSocketManager(userId);
  const summary = summariseConversation(manager);
  manager.send(`quality → ${userId}: report: ${summary}`);
  return summary;
}

export async function scheduleQualityReport(userId: string): Promise<void> {
  const { createWebSocketManager: managerFor } = await import("../../websocket_core/websocket_manager_factory");
  managerFor(userId).send(`quality → ${userId}: report scheduled`);
}
