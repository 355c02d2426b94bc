/** Which agents a user may talk to; announces newly registered agents on the user's socket. */
import { createWebSocketManager } from "../websocket_core/websocket_manager_factory";

type ManagerFactory = typeof import("../websocket_core/websocket_manager_factory").createWebSocketManager;

const registered = new Map<string, Set<string>>();

export function registerAgent(userId: string, agentName: string, managerFor: ManagerFactory = createWebSocketManager): void {
  const agents = registered.get(userId) ?? new Set<string>();
  agents.add(agentName);
  registered.set(userId, agents);
  managerFor(userId).send(`system → ${userId}: agent ${agentName} available`);
}

export async function notifyAgentRetired(userId: string, agentName: string): Promise<void> {
  registered.get(userId)?.delete(agentName);
  const { createWebSocketManager: notify } = await import("../websocket_core/websocket_manager_factory");
  notify(userId).send(`system → ${userId}: agent ${agentName} retired`);
}
