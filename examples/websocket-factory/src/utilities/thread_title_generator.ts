/** Names a new thread from its first message and tells the user. */
import { createWebSocketManager } from "../websocket_core/websocket_manager_factory";
import type { WebSocketManager } from "../websocket_core/websocket_manager_factory";

export function titleFor(firstMessage: string): string {
  const words = firstMessage.replace(/[^\w\s#]/g, "").split(/\s+/).filter(Boolean).slice(0, 4);
  const title = words.join(" ");
  return title.charAt(0).toUpperCase() + title.slice(1);
}

export function announceTitle(userId: string, title: string): void {
  const manager: WebSocketManager = createWebSocketManager(userId);
  manager.send(`thread → ${userId}: titled "${title}"`);
}

export async function generateThreadTitle(userId: string, firstMessage: string): Promise<string> {
  const title = titleFor(firstMessage);
  const { createWebSocketManager } = await import("../websocket_core/websocket_manager_factory");
  createWebSocketManager(userId).send(`thread → ${userId}: titled "${title}"`);
  return title;
}
