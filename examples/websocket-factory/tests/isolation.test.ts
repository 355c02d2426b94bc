/**
 * Written against the code as it is: every module here still imports the deprecated websocket_manager_factory.
 * Framework-neutral (describe/it/expect only), so Jest and Vitest run the same file. Run plainly, the shared
 * singleton leaks one user's messages to another and these fail; run with ssot-imports, they pass.
 */
import { createWebSocketManager } from "../src/websocket_core/websocket_manager_factory";
import { validateUserIsolation } from "../src/core/startup_validation";
import { connect, readInbox } from "../src/routes/websocket_routes";
import { handleChatMessage } from "../src/websocket_core";

/** Every message names the one user whose conversation it belongs to (`alice: …`, `agent → bob: …`). */
const foreign = (inbox: string[], owner: string, others: string[]) =>
  inbox.filter((message) => !message.includes(owner) && others.some((other) => message.includes(other)));

describe("two users chatting at the same time", () => {
  it("never see each other's messages", async () => {
    connect("alice");
    connect("bob");
    await handleChatMessage("alice", "my card ending 4242 was charged twice");
    await handleChatMessage("bob", "how do I reset my password?");
    expect(foreign(readInbox("alice"), "alice", ["bob"])).toEqual([]);
    expect(foreign(readInbox("bob"), "bob", ["alice"])).toEqual([]);
  });

  it("each see their own messages", async () => {
    connect("carol");
    await handleChatMessage("carol", "hello");
    expect(readInbox("carol")).toContain("carol: hello");
  });

  it("get a manager each, and the same one back on every call", () => {
    const dave = createWebSocketManager("dave");
    expect(createWebSocketManager("erin")).not.toBe(dave);
    expect(createWebSocketManager("dave")).toBe(dave);
    expect(dave.userId).toBe("dave");
  });
});

describe("startup validation", () => {
  it("finds users isolated", async () => {
    expect(await validateUserIsolation()).toBe(true);
  });
});
