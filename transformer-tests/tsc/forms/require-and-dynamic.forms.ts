import type { Form, ModuleSetting } from "../../helpers/forms";

/** The forms of require-and-dynamic.test.ts, shared with the facade differential test (transformer-tests/cli/facades/). */
export const cjsOutput = (s: ModuleSetting) => !s.esm;

export function requireForms(s: ModuleSetting): Form[] {
  const x = s.ext;
  const forms: Form[] = [];
  if (cjsOutput(s)) {
    forms.push(
      {
        name: "import-equals-require",
        unmigrated: {
          "main.ts": `import factory = require("../../legacy/factory");
const a: factory.Manager = factory.createManager("alice");
const b = factory.createManager("bob");
a.log.push("hi");
console.log("import =:", a.user, b.user, factory.describe(b), factory.VERSION);
export function make(user: string): factory.Manager { return factory.createManager(user); }
`,
        },
        migrated: {
          "main.ts": `import factory = require("../../services/context");
const a: factory.Context = factory.createContext("alice");
const b = factory.createContext("bob");
a.log.push("hi");
console.log("import =:", a.user, b.user, factory.describe(b), factory.VERSION);
export function make(user: string): factory.Context { return factory.createContext(user); }
`,
        },
      },
      {
        name: "require-destructured",
        unmigrated: {
          "main.ts": `const { createManager, VERSION: version } = require("../../legacy/factory");
const a = createManager("alice");
const b = createManager("bob");
a.log.push("hi");
console.log("require:", a.user, b.user, b.log.length, version);
export const users: string = a.user + "," + b.user;
`,
        },
        migrated: {
          "main.ts": `const { createContext: createManager, VERSION: version } = require("../../services/context");
const a = createManager("alice");
const b = createManager("bob");
a.log.push("hi");
console.log("require:", a.user, b.user, b.log.length, version);
export const users: string = a.user + "," + b.user;
`,
        },
      },
    );
  }
  if (s.node) {
    forms.push({
      name: "require-in-cts",
      entry: "main.cts",
      unmigrated: {
        "main.cts": `const { createManager, describe } = require("../../legacy/factory.js");
const a = createManager("alice");
const b = createManager("bob");
a.log.push("hi");
console.log("cts require:", a.user, b.user, describe(b));
export const users: string = a.user + "," + b.user;
`,
      },
      migrated: {
        "main.cts": `const { createContext: createManager, describe } = require("../../services/context.js");
const a = createManager("alice");
const b = createManager("bob");
a.log.push("hi");
console.log("cts require:", a.user, b.user, describe(b));
export const users: string = a.user + "," + b.user;
`,
      },
    });
  }
  // Top-level await in ES modules; an async function where the output is CommonJS. Under node16/nodenext
  // `import()` is an ES import even in a CommonJS file, so it needs the extension there too.
  const dx = s.node ? ".js" : x;
  const awaited = (body: string) => (s.esm ? body : `async function main(): Promise<void> {\n${body}}\nvoid main();\n`);
  forms.push(
    {
      name: "dynamic-import-destructured",
      unmigrated: {
        "main.ts": `${awaited(`const { createManager, VERSION } = await import("../../legacy/factory${dx}");
const a = createManager("alice");
const b = createManager("bob");
a.log.push("hi");
console.log("import():", a.user, b.user, b.log.length, VERSION);
`)}export const dynamic = true;
`,
      },
      migrated: {
        "main.ts": `${awaited(`const { createContext: createManager, VERSION } = await import("../../services/context${dx}");
const a = createManager("alice");
const b = createManager("bob");
a.log.push("hi");
console.log("import():", a.user, b.user, b.log.length, VERSION);
`)}export const dynamic = true;
`,
      },
    },
    {
      name: "dynamic-import-members",
      unmigrated: {
        "main.ts": `${awaited(`const factory = await import("../../legacy/factory${dx}");
const a = factory.createManager("alice");
const b = factory.createManager("bob");
a.log.push("hi");
console.log("import() members:", a.user, b.user, factory.describe(b), factory.VERSION);
`)}export const dynamic = true;
`,
      },
      migrated: {
        "main.ts": `${awaited(`const factory = await import("../../services/context${dx}");
const a = factory.createContext("alice");
const b = factory.createContext("bob");
a.log.push("hi");
console.log("import() members:", a.user, b.user, factory.describe(b), factory.VERSION);
`)}export const dynamic = true;
`,
      },
    },
    {
      // Runtime only proves nothing was left behind; the declarations carry the types.
      name: "import-type-nodes",
      unmigrated: {
        "main.ts": `import { createManager as other } from "../../other/factory${x}";
export type M = import("../../legacy/factory${x}").Manager;
export type Create = typeof import("../../legacy/factory${x}").createManager;
export type Setup = typeof import("../../legacy/polyfill${x}");
const m: M = { user: other("u").user, log: [] };
const create: Create = (user) => ({ user, log: ["made"] });
const installed: Setup["installed"] = "setup-new";
console.log("import types:", m.user, create("v").log.join(), installed);
export function make(): import("../../legacy/factory${x}").Manager { return create("w"); }
`,
      },
      migrated: {
        "main.ts": `import { createManager as other } from "../../other/factory${x}";
export type M = import("../../services/context${x}").Context;
export type Create = typeof import("../../services/context${x}").createContext;
export type Setup = typeof import("../../services/setup${x}");
const m: M = { user: other("u").user, log: [] };
const create: Create = (user) => ({ user, log: ["made"] });
const installed: Setup["installed"] = "setup-new";
console.log("import types:", m.user, create("v").log.join(), installed);
export function make(): import("../../services/context${x}").Context { return create("w"); }
`,
      },
    },
    {
      name: "module-augmentation",
      unmigrated: {
        "main.ts": `import { createManager, type Options } from "../../legacy/factory${x}";
declare module "../../legacy/factory${x}" {
  interface Options { verbose?: boolean }
}
const o: Options = { label: "opts", verbose: true };
const a = createManager("alice");
const b = createManager("bob");
console.log("augmented:", o.label, o.verbose, a.user, b.user);
export function options(): Options { return o; }
`,
      },
      migrated: {
        "main.ts": `import { createContext as createManager, type Options } from "../../services/context${x}";
declare module "../../services/context${x}" {
  interface Options { verbose?: boolean }
}
const o: Options = { label: "opts", verbose: true };
const a = createManager("alice");
const b = createManager("bob");
console.log("augmented:", o.label, o.verbose, a.user, b.user);
export function options(): Options { return o; }
`,
      },
    },
    {
      // The augmented interface is one the rule renames (Manager → Context).
      name: "augmentation-of-renamed-interface",
      unmigrated: {
        "main.ts": `import { createManager } from "../../legacy/factory${x}";
declare module "../../legacy/factory${x}" {
  interface Manager { tag?: string }
}
const a = createManager("alice");
const b = createManager("bob");
a.tag = "tagged";
console.log("augmented rename:", a.user, a.tag, b.user, b.tag);
export function tagOf(user: string): string | undefined { return createManager(user).tag; }
`,
      },
      migrated: {
        "main.ts": `import { createContext as createManager } from "../../services/context${x}";
declare module "../../services/context${x}" {
  interface Context { tag?: string }
}
const a = createManager("alice");
const b = createManager("bob");
a.tag = "tagged";
console.log("augmented rename:", a.user, a.tag, b.user, b.tag);
export function tagOf(user: string): string | undefined { return createManager(user).tag; }
`,
      },
    },
  );
  return forms;
}
