/**
 * Vitest's mocks of the deprecated factory, written against the code as it is. With ssot-imports/vite the mock
 * calls move with the imports (vi.mock, vi.importActual), so what is mocked is the module the routes really
 * use: the SSOT. Without it, the mock still reaches the routes (they import the deprecated module too), but the
 * real factory behind it is the shared singleton, which leaks one user's messages to another.
 */
import { describe, expect, it, vi } from "vitest";
import { createWebSocketManager } from "../../src/websocket_core/websocket_manager_factory";
import { readInbox } from "../../src/routes/websocket_routes";

vi.mock("../../src/websocket_core/websocket_manager_factory");

describe("a mocked websocket manager factory", () => {
  it("is the factory the routes call", () => {
    vi.mocked(createWebSocketManager).mockReturnValue({ userId: "alice", send: vi.fn(), history: () => ["from the mock"] });
    expect(readInbox("alice")).toEqual(["from the mock"]);
    expect(createWebSocketManager).toHaveBeenCalledWith("alice");
  });

  it("has the real factory behind it, which gives each user their own manager", async () => {
    const actual = await vi.importActual<typeof import("../../src/websocket_core/websocket_manager_factory")>("../../src/websocket_core/websocket_manager_factory");
    vi.mocked(createWebSocketManager).mockImplementation(actual.createWebSocketManager);
    actual.createWebSocketManager("frank").send("frank: hi");
    expect(readInbox("frank")).toEqual(["frank: hi"]);
    expect(readInbox("gina")).toEqual([]);
  });
});
