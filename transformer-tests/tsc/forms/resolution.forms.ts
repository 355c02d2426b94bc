import type { Form, ModuleSetting } from "../../helpers/forms";

/** The forms of resolution.test.ts, shared with the facade differential test (transformer-tests/cli/facades/). */
export function resolutionForms(s: ModuleSetting): Form[] {
  const x = s.ext;
  const folder = s.esm ? "/index.js" : "";
  const sameCode = (importLine: string) => `${importLine}
const a = createManager("alice");
const b = createManager("bob");
a.log.push("hi");
console.log(a.user, b.user, b.log.length);
export function make(user: string) { return createManager(user); }
`;
  return [
    {
      name: "deleted-deprecated-module",
      unmigrated: { "main.ts": `import { oldName } from "../../legacy/removed${x}";\nconsole.log("deleted:", oldName());\nexport const name: string = oldName();\n` },
      migrated: { "main.ts": `import { newName as oldName } from "../../services/replacement${x}";\nconsole.log("deleted:", oldName());\nexport const name: string = oldName();\n` },
    },
    {
      name: "same-file-name-elsewhere",
      unmigrated: {
        "main.ts": `import { createManager as unrelated } from "../../other/factory${x}";
import { createManager } from "../../legacy/factory${x}";
console.log("unrelated:", unrelated("x").user);
${sameCode("")}`,
      },
      migrated: {
        "main.ts": `import { createManager as unrelated } from "../../other/factory${x}";
import { createContext as createManager } from "../../services/context${x}";
console.log("unrelated:", unrelated("x").user);
${sameCode("")}`,
      },
    },
    {
      name: "paths-alias",
      unmigrated: { "main.ts": sameCode(`import { createManager } from "@legacy/factory${x}";`) },
      migrated: { "main.ts": sameCode(`import { createContext as createManager } from "../../services/context${x}";`) },
    },
    {
      name: "folder-index",
      unmigrated: { "main.ts": `import { openStore } from "../../legacy/store${folder}";\nconsole.log("store:", openStore());\nexport const store: string = openStore();\n` },
      migrated: { "main.ts": `import { createStore as openStore } from "../../services/store${folder}";\nconsole.log("store:", openStore());\nexport const store: string = openStore();\n` },
    },
    {
      // chain_a → chain_b (oldName → midName), chain_b → chain_c (midName → newName); `level` follows the chain.
      name: "chain",
      unmigrated: {
        "main.ts": `import { oldName, level } from "../../legacy/chain_a${x}";
import { midName, level as middle } from "../../legacy/chain_b${x}";
console.log("chain:", oldName(), level, midName(), middle);
export const names: string = oldName() + midName();
`,
      },
      migrated: {
        "main.ts": `import { newName as oldName, level } from "../../services/chain_c${x}";
import { newName as midName, level as middle } from "../../services/chain_c${x}";
console.log("chain:", oldName(), level, midName(), middle);
export const names: string = oldName() + midName();
`,
      },
    },
    {
      // shout → text.upper, count → math.countOf: one import becomes two.
      name: "split",
      unmigrated: {
        "main.ts": `import { shout, count } from "../../legacy/helpers${x}";
console.log("split:", shout("hey"), count([1, 2, 3]));
export const both: string = shout("a") + count([]);
`,
      },
      migrated: {
        "main.ts": `import { upper as shout } from "../../services/text${x}";
import { countOf as count } from "../../services/math${x}";
console.log("split:", shout("hey"), count([1, 2, 3]));
export const both: string = shout("a") + count([]);
`,
      },
    },
    {
      // The rule has no module-level "to": oldFlag moves, port still comes from legacy/config.
      name: "rule-without-module-to",
      unmigrated: {
        "main.ts": `import { port, oldFlag } from "../../legacy/config${x}";
console.log("config:", port, oldFlag());
export const flagged: string = oldFlag() + port;
`,
      },
      migrated: {
        "main.ts": `import { port } from "../../legacy/config${x}";
import { flag as oldFlag } from "../../services/flags${x}";
console.log("config:", port, oldFlag());
export const flagged: string = oldFlag() + port;
`,
      },
    },
  ];
}
