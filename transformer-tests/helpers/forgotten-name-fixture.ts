import { forgottenNameMessage } from "../../src/messages";

/**
 * The project the forgotten-name tests share (helpers/processes.ts `migrationFixture`): its rule sends
 * ./src/ws/factory to ./src/services/ctx, and the factory exports two values ctx lacks, `VERSION` and a default.
 */
export const FORGOTTEN_RULE_LABEL = "rule 1 (./src/ws/factory → ./src/services/ctx)";

const RULE = { index: 1, from: { written: "./src/ws/factory" } } as Parameters<typeof forgottenNameMessage>[1];

/** The core's words for `name`, forgotten by that rule: what every adapter must print. */
export const forgottenMessage = (name: string): string =>
  forgottenNameMessage(name, RULE, { kind: "path", key: "", isFolder: false, written: "./src/services/ctx" });

export const FACTORY_WITH_FORGOTTEN_NAMES = `const shared = { user: "" };
export function createManager(user: string): { user: string } { shared.user = user; return shared; }
export const VERSION = 1;
export default function legacy(): string { return "legacy"; }
`;
