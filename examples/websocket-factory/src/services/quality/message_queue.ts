/** Outbound queue: quality messages are buffered and flushed to each user's socket in order. */
import { createWebSocketManager } from "../../websocket_core/websocket_manager_factory.js";
import type { WebSocketManager } from "../../websocket_core/websocket_manager_factory.js";

const queues = new Map<string, string[]>();

export function enqueue(userId: string, message: string): void {
  const queue = queues.get(userId) ?? [];
  queue.push(message);
  queues.set(userId, queue);
}

export function flush(userId: string): number {
  const manager: WebSocketManager = createWebSocketManager(userId);
  const queue = queues.get(userId) ?? [];
  for (const message of queue) manager.send(message);
  queues.delete(userId);
  return queue.length;
}

export async function flushLater(userId: string): Promise<number> {
  const { createWebSocketManager: managerFor } = await import("../../websocket_core/websocket_manager_factory.js");
  const queue = queues.get(userId) ?? [];
  for (const message of queue) managerFor(userId).send(message);
  queues.delete(userId);
  return queue.length;
}
