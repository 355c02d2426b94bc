/** Whether some offset lies in `[pos, end)` (a node's range); `offsets` ascending. */
export function holdsOffset(offsets: readonly number[], pos: number, end: number): boolean {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (offsets[middle] < pos) low = middle + 1;
    else high = middle;
  }
  return low < offsets.length && offsets[low] < end;
}

/** Every offset at which `needle` starts in `text`, ascending, overlapping occurrences included. */
export function occurrencesOf(text: string, needle: string): number[] {
  const offsets: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) offsets.push(at);
  return offsets;
}
