// `npx jest` in this folder: the test suite, written against the unmigrated code, runs as the migrated code
// would. ssot-imports/jest rewrites each file's deprecated imports (jest.mock calls included) by the rules in
// ssot-imports.json, then hands it to ts-jest.
/** @type {import("jest").Config} */
module.exports = {
  testEnvironment: "node",
  // tests/*.test.ts run under Jest and Vitest alike; tests/jest/ holds the Jest-only ones (jest.mock).
  testMatch: ["<rootDir>/tests/*.test.ts", "<rootDir>/tests/jest/**/*.test.ts"],
  // Some sources import `./module.js` (node16 style): Jest's resolver needs the `.ts` file named plainly.
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: {
    "^.+\\.ts$": ["ssot-imports/jest", { transformer: "ts-jest", transformerOptions: { tsconfig: "<rootDir>/tsconfig.jest.json" } }],
  },
};
