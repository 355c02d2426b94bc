/** Inbound WebSocket frames: chat messages, reconnects, typing indicators and disconnects. */
import { createWebSocketManager } from "./websocket_manager_factory";
import type { WebSocketManager } from "./websocket_manager_factory";

export async function handleChatMessage(userId: string, text: string): Promise<void> {
  const manager: WebSocketManager = createWebSocketManager(userId);
  manager.send(`${userId}: ${text}`);
  // Loaded lazily: the agent pipeline is heavy and not every connection chats.
  const { processExampleMessage } = await import("../agents/example_message_processor");
  await processExampleMessage(userId, text);
}

export async function handleReconnect(userId: string): Promise<number> {
  const { createWebSocketManager: reconnectManager } = await import("./websocket_manager_factory");
  const manager = reconnectManager(userId);
  manager.send(`system → ${userId}: reconnected`);
  return manager.history().length;
}

export async function handleTyping(userId: string, typing: boolean): Promise<void> {
  const { createWebSocketManager } = await import("./websocket_manager_factory");
  if (typing) createWebSocketManager(userId).send(`system → ${userId}: the agent sees you typing`);
}

export async function handleDisconnect(userId: string): Promise<string[]> {
  const manager = (await import("./websocket_manager_factory")).createWebSocketManager(userId);
  return manager.history();
}
