/** Data shapes shared between the WebSocket layer, the agents and the quality services. */
import type { WebSocketManager } from "../websocket_core/websocket_manager_factory";
import type { createWebSocketManager } from "../websocket_core/websocket_manager_factory";
export type { WebSocketManager as ManagerHandle } from "../websocket_core/websocket_manager_factory";

export type ManagerFactory = typeof createWebSocketManager;

export interface UserSessionData {
  userId: string;
  manager: WebSocketManager;
  connectedAt: number;
}

export interface DataInterfaceDeps {
  managerFor: ManagerFactory;
}
