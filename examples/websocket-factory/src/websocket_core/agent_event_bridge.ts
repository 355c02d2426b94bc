/** Forwards agent lifecycle events (started, thinking, completed) to the user's socket. */
import { createWebSocketManager } from "./websocket_manager_factory.js";
import type { WebSocketManager } from "./websocket_manager_factory.js";

export type AgentEvent = "agent_started" | "agent_thinking" | "tool_executing" | "agent_completed";

export function emitAgentEvent(userId: string, event: AgentEvent, detail: string): void {
  const manager: WebSocketManager = createWebSocketManager(userId);
  manager.send(`event → ${userId}: ${event} (${detail})`);
}

export async function emitAgentCompleted(userId: string, agentName: string): Promise<void> {
  const { createWebSocketManager: managerFor } = await import("./websocket_manager_factory.js");
  managerFor(userId).send(`event → ${userId}: agent_completed (${agentName})`);
}
