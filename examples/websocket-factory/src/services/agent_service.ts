/** Starts agent runs for a user and reports their status on the user's socket. */
import { createWebSocketManager, type WebSocketManager } from "../websocket_core/websocket_manager_factory";

export interface AgentRun {
  userId: string;
  agent: string;
  status: "running" | "done";
}

export function startAgentRun(userId: string, agent: string): AgentRun {
  const manager: WebSocketManager = createWebSocketManager(userId);
  manager.send(`agent → ${userId}: ${agent} started`);
  return { userId, agent, status: "running" };
}

export async function finishAgentRun(run: AgentRun): Promise<AgentRun> {
  const { createWebSocketManager: managerFor } = await import("../websocket_core/websocket_manager_factory");
  managerFor(run.userId).send(`agent → ${run.userId}: ${run.agent} finished`);
  return { ...run, status: "done" };
}

export async function cancelAgentRun(run: AgentRun, reason: string): Promise<void> {
  const { createWebSocketManager } = await import("../websocket_core/websocket_manager_factory");
  createWebSocketManager(run.userId).send(`agent → ${run.userId}: ${run.agent} cancelled (${reason})`);
}
