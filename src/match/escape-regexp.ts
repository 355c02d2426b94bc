/** A literal string as a regular expression that matches exactly it (RE2-safe: esbuild's filters use it too). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
