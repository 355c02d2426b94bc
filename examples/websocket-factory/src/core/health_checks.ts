/** /health: per-user connection health, as reported to the load balancer. */
import factoryModule = require("../websocket_core/websocket_manager_factory");
import type { WebSocketManager } from "../websocket_core/websocket_manager_factory";

export interface ConnectionHealth {
  userId: string;
  ok: boolean;
  buffered: number;
}

export function checkConnectionHealth(userId: string): ConnectionHealth {
  const manager: WebSocketManager = factoryModule.createWebSocketManager(userId);
  return { userId, ok: manager.userId === userId, buffered: manager.history().length };
}

export async function deepHealthCheck(userId: string): Promise<boolean> {
  const { createWebSocketManager } = await import("../websocket_core/websocket_manager_factory");
  const manager = createWebSocketManager(userId);
  return typeof manager.send === "function" && Array.isArray(manager.history());
}
