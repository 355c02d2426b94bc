/**
 * Two users chat with the backend at the same time. Every module below still imports the deprecated
 * websocket_manager_factory; main.ts itself imports none of it.
 *
 * Built plainly, the factory hands alice and bob one shared manager, so each sees the other's messages.
 * Built with ssot-imports, the same sources get a context per user, and each sees only their own.
 */
import { validateUserIsolation } from "./core/startup_validation";
import { connect, readInbox } from "./routes/websocket_routes";
import { handleChatMessage } from "./websocket_core";
import { generateThreadTitle } from "./utilities/thread_title_generator";
import { reviewConversation } from "./services/quality/quality_manager";

const users = ["alice", "bob"] as const;
const firstMessages: Record<(typeof users)[number], string> = {
  alice: "my card ending 4242 was charged twice",
  bob: "how do I reset my password?",
};

async function main(): Promise<void> {
  const isolated = await validateUserIsolation();
  console.log(`startup validation: per-user isolation ${isolated ? "ok" : "FAILED (one manager is shared by every user)"}`);

  for (const user of users) connect(user);
  for (const user of users) await handleChatMessage(user, firstMessages[user]);
  for (const user of users) await generateThreadTitle(user, firstMessages[user]);
  for (const user of users) await reviewConversation(user);

  for (const user of users) {
    const inbox = readInbox(user);
    console.log(`${user} sees ${inbox.length} messages:`);
    for (const message of inbox) console.log(`  ${message}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  throw error;
});
