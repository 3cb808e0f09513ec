/**
 * A small seeded random number generator (mulberry32), so a long randomised browser test can be
 * run again with the same choices: the seed is printed, and given back through an env var.
 */

export interface SeededRandom {
  seed: number;
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  between(min: number, max: number): number;
  /** One of `items` (which must not be empty). */
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const between = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    seed,
    next,
    between,
    pick: <T>(items: readonly T[]): T => {
      const item = items[between(0, items.length - 1)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    chance: (p: number) => next() < p,
  };
}

/** The seed from `variable` when set (a replay), or a fresh one. */
export function seedFrom(variable: string | undefined): number {
  const given = variable === undefined ? NaN : Number(variable);
  return Number.isInteger(given) ? given >>> 0 : Math.floor(Math.random() * 2 ** 32);
}
