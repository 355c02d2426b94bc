/** Builds the supervisor that coordinates a user's agents, wired to that user's channel. */
import { createWebSocketManager as createSupervisorChannel } from "../websocket_core/websocket_manager_factory";
import type { WebSocketManager } from "../websocket_core/websocket_manager_factory";

export interface Supervisor {
  userId: string;
  channel: WebSocketManager;
  dispatch(task: string): void;
}

export function createSupervisor(userId: string): Supervisor {
  const channel = createSupervisorChannel(userId);
  return {
    userId,
    channel,
    dispatch: (task) => channel.send(`supervisor → ${userId}: dispatched ${task}`),
  };
}

/** Health check: a supervisor's channel must belong to the user it was built for. */
export async function supervisorHealthCheck(userId: string): Promise<boolean> {
  const { createWebSocketManager } = await import("../websocket_core/websocket_manager_factory");
  return createWebSocketManager(userId).userId === userId;
}
