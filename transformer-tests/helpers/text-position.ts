/**
 * 1-based line and column of the only occurrence of `needle` in `text` (its `nth` occurrence if asked): where a
 * test expects an error to point. A needle that is missing, or ambiguous, is a broken fixture and throws.
 */
export function positionOf(text: string, needle: string, nth = 1): { line: number; column: number } {
  let offset = -1;
  for (let i = 0; i < nth; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`fixture does not contain ${needle}`);
  if (nth === 1 && text.indexOf(needle, offset + 1) >= 0) throw new Error(`fixture contains ${needle} more than once`);
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
