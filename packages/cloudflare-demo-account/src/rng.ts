/**
 * A small seeded random generator (mulberry32), so scale-mode accounts are the same for the same seed.
 *
 * @public
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A lowercase hex string of `length` characters. */
  hex(length: number): string;
  /** A UUID-shaped string. */
  uuid(): string;
  /** An ISO date between `from` and `to` (ms since epoch). */
  date(from: number, to: number): string;
}

/**
 * Creates a generator from a seed.
 *
 * @public
 */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) =>
    min + Math.floor(next() * (max - min + 1));
  const hex = (length: number) => {
    let s = '';
    while (s.length < length) s += Math.floor(next() * 16).toString(16);
    return s;
  };
  return {
    next,
    int,
    pick: items => items[int(0, items.length - 1)],
    hex,
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
    date: (from, to) =>
      new Date(from + Math.floor(next() * (to - from))).toISOString(),
  };
}
