/** Reviews a user's conversation and raises alerts for anything that must not stay in the transcript. */
import { createWebSocketManager } from "../../websocket_core/websocket_manager_factory";
import type { WebSocketManager } from "../../websocket_core/websocket_manager_factory";
import { raiseQualityAlert } from "./quality_alert_handler";

const CARD_NUMBER = /card ending \d{4}/i;

export function transcriptOf(userId: string): string[] {
  const manager: WebSocketManager = createWebSocketManager(userId);
  return manager.history();
}

/** Payment details in the transcript get the user an alert; returns whether one was raised. */
export async function reviewConversation(userId: string): Promise<boolean> {
  const { createWebSocketManager: managerFor } = await import("../../websocket_core/websocket_manager_factory");
  const flagged = managerFor(userId).history().some((line) => CARD_NUMBER.test(line));
  if (flagged) raiseQualityAlert(userId, "card number masked in your transcript");
  return flagged;
}

export async function closeReview(userId: string): Promise<void> {
  (await import("../../websocket_core/websocket_manager_factory")).createWebSocketManager(userId).send(`quality → ${userId}: review closed`);
}
