/**
 * Seeded pseudo-random numbers for the benchmark and its tests, so before/after runs see the
 * same city (flatbush habit). mulberry32: tiny, fast, good enough for geometry jitter.
 */

import { mulberry32 } from '../demo/random';

/** A generator of uniform numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32 seeded with a 32-bit integer (the demo generator's, shared). */
export { mulberry32 };

/** Derives an independent 32-bit seed for sub-stream `k` of `seed` (splitmix-style hash). */
export function subSeed(seed: number, k: number): number {
  let z = (Math.imul(seed >>> 0, 0x9e3779b1) + Math.imul(k + 1, 0x85ebca6b)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x7feb352d) >>> 0;
  z = Math.imul(z ^ (z >>> 15), 0x846ca68b) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}
