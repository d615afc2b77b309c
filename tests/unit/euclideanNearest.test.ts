import { describe, expect, it } from 'vitest';
import { euclideanNearest } from '../../src/core/analysis/search/euclideanNearest';
import { haversine } from '../../src/core/network/haversine';

// The grid search must give exactly the brute-force haversine nearest source (ties: lowest index).
describe('euclideanNearest', () => {
  it('equals brute-force haversine on random layouts (all latitudes, outliers, collinear sources, subsets)', () => {
    let seed = 5;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    let checked = 0;
    for (let trial = 0; trial < 120; trial++) {
      const lat0 = (rnd() - 0.5) * 150, lon0 = (rnd() - 0.5) * 340, span = [0.001, 0.05, 0.5, 3][trial % 4];
      const nT = 50 + Math.floor(rnd() * 300), nS = 1 + Math.floor(rnd() * (trial % 5 === 0 ? 3 : 200));
      const T = new Float64Array(2 * nT), S = new Float64Array(2 * nS);
      // every 37th target ten times farther east: outside the sources' extent
      for (let i = 0; i < nT; i++) {
        T[2 * i] = lon0 + rnd() * span * (i % 37 === 0 ? 10 : 1);
        T[2 * i + 1] = lat0 + rnd() * span;
      }
      // every 7th trial: all sources on one parallel (a grid one cell high)
      for (let i = 0; i < nS; i++) {
        S[2 * i] = lon0 + rnd() * span;
        S[2 * i + 1] = lat0 + rnd() * span * (trial % 7 === 0 ? 0 : 1);
      }
      if (trial % 3 === 0) T[0] = NaN;
      const ids = trial % 2 ? Int32Array.from({ length: nS }, (_, i) => i).filter((i) => i % 3 !== 1) : undefined;
      const { distance, source } = euclideanNearest(T, S, { sourceIds: ids });
      for (let i = 0; i < nT; i++) {
        let best = Infinity, bs = -1;
        if (Number.isFinite(T[2 * i])) {
          for (const s of ids ?? Array.from({ length: nS }, (_, k) => k)) {
            const d = haversine(T[2 * i], T[2 * i + 1], S[2 * s], S[2 * s + 1]);
            if (d < best || (d === best && s < bs)) {
              best = d;
              bs = s;
            }
          }
        }
        expect(distance[i]).toBe(best);
        expect(source[i]).toBe(bs);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20_000);
  });

  it('returns Infinity and −1 without sources', () => {
    const r = euclideanNearest(Float64Array.of(116, 40), new Float64Array(0));
    expect(r.distance[0]).toBe(Infinity);
    expect(r.source[0]).toBe(-1);
  });
});
