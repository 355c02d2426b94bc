/** Streams progress of synthetic-data generation jobs to the user who started them. */
import { createWebSocketManager } from "../websocket_core/websocket_manager_factory";
import type { WebSocketManager } from "../websocket_core/websocket_manager_factory";

export class SyntheticDataProgressTracker {
  constructor(
    private readonly userId: string,
    private readonly jobId: string,
  ) {}

  private get manager(): WebSocketManager {
    return createWebSocketManager(this.userId);
  }

  report(percent: number): void {
    this.manager.send(`progress → ${this.userId}: job ${this.jobId} at ${Math.round(percent)}%`);
  }

  async complete(rows: number): Promise<void> {
    const { createWebSocketManager: managerFor } = await import("../websocket_core/websocket_manager_factory");
    managerFor(this.userId).send(`progress → ${this.userId}: job ${this.jobId} done, ${rows} rows`);
  }

  async fail(reason: string): Promise<void> {
    const { createWebSocketManager } = await import("../websocket_core/websocket_manager_factory");
    createWebSocketManager(this.userId).send(`progress → ${this.userId}: job ${this.jobId} failed: ${reason}`);
  }
}
