/**
 * Seeded pseudo-random numbers for the benchmark and its tests, so before/after runs see the
 * same city (flatbush habit). mulberry32: tiny, fast, good enough for geometry jitter.
 */

/** A generator of uniform numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32 seeded with a 32-bit integer. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Derives an independent 32-bit seed for sub-stream `k` of `seed` (splitmix-style hash). */
export function subSeed(seed: number, k: number): number {
  let z = (Math.imul(seed >>> 0, 0x9e3779b1) + Math.imul(k + 1, 0x85ebca6b)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x7feb352d) >>> 0;
  z = Math.imul(z ^ (z >>> 15), 0x846ca68b) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}
