/**
 * Jest's mocks of the deprecated factory, written against the code as it is. With ssot-imports/jest the mock
 * calls move with the imports, so what is mocked is the module the routes really use: the SSOT.
 */
import { createWebSocketManager } from "../../src/websocket_core/websocket_manager_factory";
import { readInbox } from "../../src/routes/websocket_routes";

jest.mock("../../src/websocket_core/websocket_manager_factory");

describe("a mocked websocket manager factory", () => {
  it("is the factory the routes call", () => {
    jest.mocked(createWebSocketManager).mockReturnValue({ userId: "alice", send: jest.fn(), history: () => ["from the mock"] });
    expect(readInbox("alice")).toEqual(["from the mock"]);
    expect(createWebSocketManager).toHaveBeenCalledWith("alice");
  });

  it("has the real factory behind it, which gives each user their own manager", () => {
    const actual = jest.requireActual("../../src/websocket_core/websocket_manager_factory");
    jest.mocked(createWebSocketManager).mockImplementation(actual.createWebSocketManager);
    actual.createWebSocketManager("frank").send("frank: hi");
    expect(readInbox("frank")).toEqual(["frank: hi"]);
    expect(readInbox("gina")).toEqual([]);
  });
});
