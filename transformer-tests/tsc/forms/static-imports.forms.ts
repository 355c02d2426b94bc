import type { Form, ModuleSetting } from "../../helpers/forms";

/** The forms of static-imports.test.ts, shared with the facade differential test (transformer-tests/cli/facades/). */
export function staticForms({ ext: x }: ModuleSetting): Form[] {
  return [
    {
      name: "default-import",
      unmigrated: {
        "main.ts": `import makeDefault from "../../legacy/factory${x}";
const a = makeDefault();
const b = makeDefault();
a.log.push("x");
console.log("default:", a === b, b.log.length);
export const made = makeDefault();
`,
      },
      migrated: {
        "main.ts": `import makeDefault from "../../services/context${x}";
const a = makeDefault();
const b = makeDefault();
a.log.push("x");
console.log("default:", a === b, b.log.length);
export const made = makeDefault();
`,
      },
    },
    {
      name: "named-import",
      unmigrated: {
        "main.ts": `import { createManager, VERSION, describe } from "../../legacy/factory${x}";
const a = createManager("alice");
const b = createManager("bob");
a.log.push("hi");
console.log("named:", a.user, b.user, describe(b), VERSION);
export function make(user: string) { return createManager(user); }
`,
      },
      migrated: {
        "main.ts": `import { createContext as createManager, VERSION, describe } from "../../services/context${x}";
const a = createManager("alice");
const b = createManager("bob");
a.log.push("hi");
console.log("named:", a.user, b.user, describe(b), VERSION);
export function make(user: string) { return createManager(user); }
`,
      },
    },
    {
      name: "named-import-with-alias",
      unmigrated: {
        "main.ts": `import { createManager as create, VERSION as version, type Manager as M } from "../../legacy/factory${x}";
const a: M = create("alice");
const b: M = create("bob");
a.log.push("hi");
console.log("aliased:", a.user, b.user, version);
export function make(user: string): M { return create(user); }
`,
      },
      migrated: {
        "main.ts": `import { createContext as create, VERSION as version, type Context as M } from "../../services/context${x}";
const a: M = create("alice");
const b: M = create("bob");
a.log.push("hi");
console.log("aliased:", a.user, b.user, version);
export function make(user: string): M { return create(user); }
`,
      },
    },
    {
      name: "namespace-import",
      unmigrated: {
        "main.ts": `import * as factory from "../../legacy/factory${x}";
const a: factory.Manager = factory.createManager("alice");
const b = factory.createManager("bob");
a.log.push("hi");
console.log("namespace:", a.user, b.user, factory.describe(b), factory.VERSION);
export function make(user: string): factory.Manager { return factory.createManager(user); }
`,
      },
      migrated: {
        "main.ts": `import * as factory from "../../services/context${x}";
const a: factory.Context = factory.createContext("alice");
const b = factory.createContext("bob");
a.log.push("hi");
console.log("namespace:", a.user, b.user, factory.describe(b), factory.VERSION);
export function make(user: string): factory.Context { return factory.createContext(user); }
`,
      },
    },
    {
      name: "side-effect-import",
      unmigrated: {
        "main.ts": `import "../../legacy/polyfill${x}";
import "../../legacy/factory${x}";
console.log("side effects done");
export const done = true;
`,
      },
      migrated: {
        "main.ts": `import "../../services/setup${x}";
import "../../services/context${x}";
console.log("side effects done");
export const done = true;
`,
      },
    },
    {
      // Only types come from the deprecated module; at runtime the form loads other/factory alone. A type
      // import left as a runtime import would log another module's load line, or crash an ES module.
      name: "import-type",
      unmigrated: {
        "main.ts": `import type { Manager, ManagerId } from "../../legacy/factory${x}";
import type makeDefault from "../../legacy/factory${x}";
import type * as factoryTypes from "../../legacy/factory${x}";
import { type Options } from "../../legacy/factory${x}";
import { createManager as other } from "../../other/factory${x}";
const id: ManagerId = "m1";
const m: Manager = { user: other("u").user, log: [id] };
const n: factoryTypes.Manager = m;
const o: Options = { label: "opts" };
console.log("import type:", m.user, n.log.join(), o.label);
export function wrap(m: Manager): ReturnType<typeof makeDefault> { return m; }
export type Id = factoryTypes.ManagerId;
`,
      },
      migrated: {
        "main.ts": `import type { Context as Manager, ContextId as ManagerId } from "../../services/context${x}";
import type makeDefault from "../../services/context${x}";
import type * as factoryTypes from "../../services/context${x}";
import { type Options } from "../../services/context${x}";
import { createManager as other } from "../../other/factory${x}";
const id: ManagerId = "m1";
const m: Manager = { user: other("u").user, log: [id] };
const n: factoryTypes.Context = m;
const o: Options = { label: "opts" };
console.log("import type:", m.user, n.log.join(), o.label);
export function wrap(m: Manager): ReturnType<typeof makeDefault> { return m; }
export type Id = factoryTypes.ContextId;
`,
      },
    },
    {
      name: "inline-type-specifiers",
      unmigrated: {
        "main.ts": `import { type Manager, createManager, type ManagerId as Id } from "../../legacy/factory${x}";
const a: Manager = createManager("alice");
const b: Manager = createManager("bob");
const id: Id = "i-1";
a.log.push(id);
console.log("inline type:", a.user, b.user, b.log.length);
export function make(user: string): Manager { return createManager(user); }
`,
      },
      migrated: {
        "main.ts": `import { type Context as Manager, createContext as createManager, type ContextId as Id } from "../../services/context${x}";
const a: Manager = createManager("alice");
const b: Manager = createManager("bob");
const id: Id = "i-1";
a.log.push(id);
console.log("inline type:", a.user, b.user, b.log.length);
export function make(user: string): Manager { return createManager(user); }
`,
      },
    },
    {
      // The rewrite must be `createContext as createManager`, never a bare `createContext` that this
      // file's own function would capture.
      name: "local-named-like-new-export",
      unmigrated: {
        "main.ts": `import { createManager } from "../../legacy/factory${x}";
function createContext(user: string): string { return "local:" + user; }
const a = createManager("alice");
const b = createManager("bob");
a.log.push("x");
console.log("local:", createContext("z"), a.user, b.log.length);
export { createContext };
export function make(user: string) { return createManager(user); }
`,
      },
      migrated: {
        "main.ts": `import { createContext as createManager } from "../../services/context${x}";
function createContext(user: string): string { return "local:" + user; }
const a = createManager("alice");
const b = createManager("bob");
a.log.push("x");
console.log("local:", createContext("z"), a.user, b.log.length);
export { createContext };
export function make(user: string) { return createManager(user); }
`,
      },
    },
    {
      // Rule: default → greet, farewell → default. The plugin writes `{ greet, default as farewell }` where a
      // person writes `farewell, { greet }`: the same bindings, but the .d.ts import lines differ in spelling.
      name: "default-and-named-swap",
      exactDts: false,
      unmigrated: {
        "main.ts": `import greet, { farewell } from "../../legacy/greeter${x}";
import { farewell as bye } from "../../legacy/greeter${x}";
console.log("greeter:", greet("ann"), farewell("ann"), bye("bob"));
export const hello: typeof greet = greet;
export const goodbye: typeof farewell = bye;
`,
      },
      migrated: {
        "main.ts": `import farewell, { greet } from "../../services/greetings${x}";
import bye from "../../services/greetings${x}";
console.log("greeter:", greet("ann"), farewell("ann"), bye("bob"));
export const hello: typeof greet = greet;
export const goodbye: typeof farewell = bye;
`,
      },
    },
  ];
}
