/** Chat threads: one per conversation, mirrored to the user's socket as they change. */
import { createWebSocketManager } from "../websocket_core/websocket_manager_factory";
import type { WebSocketManager } from "../websocket_core/websocket_manager_factory";

export interface Thread {
  id: string;
  userId: string;
  title: string;
}

let nextId = 1;

export function openThread(userId: string, title: string): Thread {
  const thread = { id: `t${nextId++}`, userId, title };
  const manager: WebSocketManager = createWebSocketManager(userId);
  manager.send(`thread → ${userId}: opened ${thread.id}`);
  return thread;
}

export async function archiveThread(thread: Thread): Promise<void> {
  const { createWebSocketManager } = await import("../websocket_core/websocket_manager_factory");
  createWebSocketManager(thread.userId).send(`thread → ${thread.userId}: archived ${thread.id}`);
}
