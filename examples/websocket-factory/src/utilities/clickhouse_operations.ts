/** Writes conversation events to ClickHouse (simulated) and confirms exports on the user's socket. */
import * as wsFactory from "../websocket_core/websocket_manager_factory";

type ManagerOf = ReturnType<typeof import("../websocket_core/websocket_manager_factory").createWebSocketManager>;

export interface EventRow {
  userId: string;
  message: string;
  insertedAt: number;
}

const table: EventRow[] = [];

export function insertConversation(userId: string, clock: () => number = () => 0): number {
  const manager: ManagerOf = wsFactory.createWebSocketManager(userId);
  const rows = manager.history().map((message) => ({ userId, message, insertedAt: clock() }));
  table.push(...rows);
  return rows.length;
}

export async function confirmExport(userId: string): Promise<void> {
  const { createWebSocketManager } = await import("../websocket_core/websocket_manager_factory");
  const count = table.filter((row) => row.userId === userId).length;
  createWebSocketManager(userId).send(`data → ${userId}: ${count} events exported`);
}
