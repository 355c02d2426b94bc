import type { Form, ModuleSetting } from "../../helpers/forms";

/** The forms of pitfalls.test.ts, shared with the facade differential test (transformer-tests/cli/facades/). */
export function pitfallForm({ ext: x }: ModuleSetting): Form {
  const body = `const a: Manager = createManager("alice");
const b = createManager("bob");
a.log.push("x");
const id: ManagerId = "id";
const o: Options = { label: id };
console.log(a.user, b.user, b.log.length, o.label);
export function make(user: string): Manager { return createManager(user); }
export type Id = ManagerId;
`;
  return {
    name: "pitfalls",
    unmigrated: {
      "main.ts": `import { createManager, type Manager } from "../../legacy/factory${x}";
import { type ManagerId } from "../../legacy/factory${x}";
import type { Options } from "../../legacy/factory${x}";
${body}`,
    },
    migrated: {
      "main.ts": `import { createContext as createManager, type Context as Manager } from "../../services/context${x}";
import { type ContextId as ManagerId } from "../../services/context${x}";
import type { Options } from "../../services/context${x}";
${body}`,
    },
  };
}
