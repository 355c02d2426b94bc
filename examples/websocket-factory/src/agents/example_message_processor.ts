/** The example agent: answers a chat message and streams its reply to the user. */
import * as managerFactory from "../websocket_core/websocket_manager_factory";
import type { WebSocketManager } from "../websocket_core/websocket_manager_factory";

function reply(text: string): string {
  if (/charg|card|refund/i.test(text)) return "looking into the duplicate charge";
  if (/password|login|reset/i.test(text)) return "reset link sent to your email";
  return "an agent will pick this up shortly";
}

export async function processExampleMessage(userId: string, text: string): Promise<void> {
  const manager: WebSocketManager = managerFactory.createWebSocketManager(userId);
  manager.send(`agent → ${userId}: ${reply(text)}`);
}

export async function processBatch(userId: string, texts: readonly string[]): Promise<number> {
  const { createWebSocketManager } = await import("../websocket_core/websocket_manager_factory");
  const manager = createWebSocketManager(userId);
  for (const text of texts) manager.send(`agent → ${userId}: ${reply(text)}`);
  return texts.length;
}

export async function acknowledge(userId: string): Promise<void> {
  (await import("../websocket_core/websocket_manager_factory")).createWebSocketManager(userId).send(`agent → ${userId}: received`);
}
