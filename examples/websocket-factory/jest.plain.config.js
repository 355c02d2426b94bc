// The same tests without ssot-imports (`npx jest -c jest.plain.config.js`): ts-jest alone runs the code as it
// is, and the shared singleton of the deprecated factory leaks one user's messages to another.
const config = require("./jest.config.js");

/** @type {import("jest").Config} */
module.exports = {
  ...config,
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.jest.json" }] },
};
