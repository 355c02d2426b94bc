import * as path from "node:path";

type Callback = (error?: Error | null, result?: unknown) => void;
type StepHandler = (request: { request?: string }, resolveContext: unknown, callback: Callback) => unknown;
interface StepHook {
  tapAsync(options: string | { name: string }, handler: StepHandler): void;
}
interface ResolverLike {
  getHook(name: string): StepHook;
}
interface ResolverPlugin {
  apply(resolver: ResolverLike): void;
}

/**
 * unplugin serves `resolveId` under webpack as a resolver plugin on the `resolve` step, which runs for every
 * request of the build (every import of every module, the entries, the loaders' own requests). Before it tests
 * the hook's filter it builds a plugin context and calls an async function, so each request costs a promise and
 * a few objects even when the specifier cannot name a deprecated module. This wraps that plugin so that a
 * request the filter rejects goes on at once, and only the others reach it; the test is unplugin's own (an
 * absolute specifier normalised, `\` read as `/`), so the two cannot disagree.
 *
 * unplugin pushes its resolver plugin onto `resolve.plugins` just before it calls the plugin's `webpack(compiler)`
 * hook, where this runs: the last entry. Only a tap of the `resolve` step named `name` is wrapped; anything else
 * (another plugin, should unplugin change its order) is applied as it is. `filter()` is read per request: undefined
 * (no usable rules) lets every request through, as unplugin's own test would.
 */
export function prefilterResolveRequests(plugins: unknown[] | undefined, name: string, filter: () => RegExp | undefined): void {
  const last = plugins ? plugins.length - 1 : -1;
  const original = plugins?.[last] as Partial<ResolverPlugin> | undefined;
  if (!plugins || typeof original?.apply !== "function") return;
  const mayMatch = (specifier: string) => {
    const pattern = filter();
    if (!pattern) return true;
    const id = path.isAbsolute(specifier) ? path.normalize(specifier) : specifier;
    return pattern.test(id.replace(/\\/g, "/"));
  };
  const wrapped: ResolverPlugin = {
    apply(resolver) {
      const hook = resolver.getHook("resolve");
      const own = Object.getOwnPropertyDescriptor(hook, "tapAsync");
      const tapAsync = hook.tapAsync;
      hook.tapAsync = (options, handler) => {
        const tapName = typeof options === "string" ? options : options.name;
        if (tapName !== name) return tapAsync.call(hook, options, handler);
        return tapAsync.call(hook, options, (request, resolveContext, callback) => (request.request && !mayMatch(request.request) ? callback() : handler(request, resolveContext, callback)));
      };
      try {
        (original as ResolverPlugin).apply(resolver);
      } finally {
        if (own) Object.defineProperty(hook, "tapAsync", own);
        else delete (hook as Partial<StepHook>).tapAsync;
      }
    },
  };
  plugins[last] = wrapped;
}
