/**
 * A set of UTF-16 code units as 65536 bits (8 KB). The reader asks such
 * sets about the first and last units of every line; as bits they stay in
 * the first-level cache, where a byte per unit (64 KB) does not.
 */
export type UnitSet = Uint32Array;

export function unitSet(units: Iterable<number>): UnitSet {
  const bits = new Uint32Array(2048);
  for (const c of units) bits[c >>> 5] = (bits[c >>> 5] as number) | (1 << (c & 31));
  return bits;
}

/** Whether `c` (a code unit, 0…0xffff) is in the set. */
export function hasUnit(set: UnitSet, c: number): boolean {
  return (((set[c >>> 5] as number) >>> (c & 31)) & 1) === 1;
}
