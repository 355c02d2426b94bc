/** Validates agent replies before they reach the user; rejected replies are reported on the user's socket. */
import { createWebSocketManager } from "../../websocket_core/websocket_manager_factory";
import type { WebSocketManager } from "../../websocket_core/websocket_manager_factory";

export interface ValidationResult {
  valid: boolean;
  reasons: string[];
}

export function validateReply(userId: string, reply: string): ValidationResult {
  const reasons = reply.trim() === "" ? ["empty reply"] : [];
  if (reasons.length > 0) {
    const manager: WebSocketManager = createWebSocketManager(userId);
    manager.send(`quality → ${userId}: reply rejected (${reasons.join(", ")})`);
  }
  return { valid: reasons.length === 0, reasons };
}

export async function revalidateThread(userId: string): Promise<number> {
  const { createWebSocketManager } = await import("../../websocket_core/websocket_manager_factory");
  return createWebSocketManager(userId).history().filter((m) => m.startsWith("agent")).length;
}
