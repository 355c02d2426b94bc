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
