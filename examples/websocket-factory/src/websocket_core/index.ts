/** websocket_core's public surface. */
export * from "./websocket_manager_factory";
export { initializeUserConnection, warmUpConnections } from "./unified_init";
export { handleChatMessage, handleDisconnect, handleReconnect, handleTyping } from "./handlers";
export { emitAgentEvent } from "./agent_event_bridge";
