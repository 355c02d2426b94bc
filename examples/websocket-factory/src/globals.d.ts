// The one host global this example uses. Declared here instead of pulling in @types/node (or the DOM lib, which
// a backend should not see), so the example builds with nothing but TypeScript, and builds fast in the tests.
declare const console: {
  log(...values: unknown[]): void;
  error(...values: unknown[]): void;
};
