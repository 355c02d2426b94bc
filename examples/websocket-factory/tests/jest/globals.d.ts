// Jest's globals for ts-jest's type check, typed as @types/jest types them (`requireActual` gives `any`),
// without adding @types/jest to the example.
import type * as Jest from "@jest/globals";

declare global {
  const describe: typeof Jest.describe;
  const it: typeof Jest.it;
  const expect: typeof Jest.expect;
  const jest: Omit<typeof Jest.jest, "requireActual"> & { requireActual(moduleName: string): any };
}
