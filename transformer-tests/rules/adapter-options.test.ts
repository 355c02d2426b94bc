/** The bundler adapters' options, checked once in the core as the tsc plugin entry's are. */
import { describe, expect, it } from "vitest";
import { validateAdapterOptions } from "../../src/rules/adapter-options";

const check = (options: unknown) => validateAdapterOptions(options, "ssotImports()");

describe("validateAdapterOptions", () => {
  it.each([undefined, {}, { rules: "config/ssot.json", cwd: "/p", report: "warn" }, { rules: { rules: [] } }, { report: "off" }, { report: "summary" }])(
    "accepts %j",
    (options) => expect(check(options)).toEqual([]),
  );

  it("an unknown key is an error with a did-you-mean and the known keys", () => {
    expect(check({ reprot: "warn" })).toEqual([`ssotImports(): unknown option "reprot"; did you mean "report"? (known: rules, cwd, report)`]);
    expect(check({ rule: "x.json" })).toEqual([`ssotImports(): unknown option "rule"; did you mean "rules"? (known: rules, cwd, report)`]);
    expect(check({ verbose: true })).toEqual([`ssotImports(): unknown option "verbose" (known: rules, cwd, report)`]);
  });

  it("a report mode that does not exist is an error naming the modes", () => {
    expect(check({ report: "loud" })).toEqual([`ssotImports(): "report" must be one of "off", "warn", "summary", not "loud"`]);
    expect(check({ report: "summry" })).toEqual([`ssotImports(): "report" must be one of "off", "warn", "summary", not "summry"; did you mean "summary"?`]);
    expect(check({ report: true })).toEqual([`ssotImports(): "report" must be one of "off", "warn", "summary", not boolean true`]);
  });

  it("rules and cwd of the wrong kind, and options that are not an object", () => {
    expect(check({ rules: [{ from: "./a", to: "./b" }] })).toEqual([`ssotImports(): "rules" must be a path to a rules file or a rules document ({ rules: [...] }), not an array`]);
    expect(check({ cwd: 3 })).toEqual([`ssotImports(): "cwd" must be a folder path, not number 3`]);
    expect(check("ssot-imports.json")).toEqual([`ssotImports() takes an options object ({ rules, cwd, report }), not "ssot-imports.json"`]);
  });

  it("reports every problem, not only the first", () => {
    expect(check({ reprot: "warn", report: "loud" })).toHaveLength(2);
  });
});
