/** A seeded pseudo-random source (mulberry32): the same seed gives the same dataset everywhere. */
export type Random = () => number;

/**
 * Numbers in [0, 1) from a 32-bit seed. Tiny and fast (a million draws in milliseconds), good
 * enough for fake data; not for anything that needs real randomness.
 *
 * @example const random = seededRandom(42); random(); // 0.6011037519201636
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An exponentially distributed number with the given mean (never Infinity: `1 − random()` is > 0). */
export function exponential(random: Random, mean: number): number {
  return -Math.log(1 - random()) * mean;
}

/** Picks an index with probability proportional to `cumulative[i] − cumulative[i − 1]`. */
export function pickWeighted(random: Random, cumulative: Float64Array): number {
  const target = random() * (cumulative[cumulative.length - 1] as number);
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((cumulative[middle] as number) > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** A stable 32-bit seed from text (FNV-1a), so scenario names give fixed seeds. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}
