import * as path from "node:path";

type Callback = (error: Error | null, result?: string | false) => void;

/** What webpack and Rspack share of their resolvers, as far as asking one where a specifier leads goes. */
export interface WebpackLikeResolverHost {
  resolverFactory: {
    get(type: "normal", options?: { dependencyType?: string }): {
      resolve(contextInfo: object, directory: string, request: string, resolveContext: object, callback: Callback): void;
    };
  };
}

/** `this.resolve` of Rollup-like bundlers, as far as the plugin uses it: the resolved id, or null. */
export type Resolve = (specifier: string, importer: string) => Promise<{ id: string; external?: boolean | string } | null>;

/**
 * webpack and Rspack give unplugin's hooks no `this.resolve`, so a package specifier (a workspace package that
 * leads into the project's files, a `package.json` `imports` alias, a `resolve.alias` of the config) could not be
 * matched by where it leads. Their own resolver answers instead, with the config's `resolve` options as for an
 * ES module import. It is asked without an issuer: the plugin's own `resolveId` (a resolver plugin in webpack)
 * then steps aside at once rather than recursing.
 */
export function compilerResolve(compiler: WebpackLikeResolverHost): Resolve {
  let resolver: ReturnType<WebpackLikeResolverHost["resolverFactory"]["get"]> | undefined;
  return (specifier, importer) =>
    new Promise((resolve) => {
      resolver ??= compiler.resolverFactory.get("normal", { dependencyType: "esm" });
      resolver.resolve({}, path.dirname(importer), specifier, {}, (error, result) => resolve(!error && result ? { id: result } : null));
    });
}
