/** Checks run once at startup, before the server accepts connections. */
import type { createWebSocketManager as ManagerFactory } from "../websocket_core/websocket_manager_factory";

export async function validateWebSocketFactory(): Promise<boolean> {
  const { createWebSocketManager } = await import("../websocket_core/websocket_manager_factory");
  return typeof createWebSocketManager === "function";
}

/** Two different users must never share a manager: that is what multi-user isolation means. */
export async function validateUserIsolation(): Promise<boolean> {
  const { createWebSocketManager: factory } = await import("../websocket_core/websocket_manager_factory");
  const first = factory("startup-probe-1");
  const second = factory("startup-probe-2");
  return first !== second && second.userId === "startup-probe-2";
}

export async function validateFactorySignature(): Promise<boolean> {
  const factory: typeof ManagerFactory = (await import("../websocket_core/websocket_manager_factory")).createWebSocketManager;
  return factory.length === 1;
}
