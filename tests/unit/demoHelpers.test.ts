/** Hand-checked helpers of the demo generator (scripts/demo). */
import { describe, expect, it } from 'vitest';
import { entranceCount, placeEntrances } from '../../scripts/demo/entrances';
import { insetRing, ringArea, type XY } from '../../scripts/demo/geometry';
import type { EdgeProps } from '../../scripts/demo/networkBuilder';
import { pickByDemand, reachIndex } from '../../scripts/demo/pickByDemand';
import { cnNumber, numbered } from '../../scripts/demo/names';
import { Rng, mulberry32 } from '../../scripts/demo/random';

describe('insetRing', () => {
  it('moves each side of a 100 m square in by its own setback', () => {
    const square: XY[] = [[0, 0], [100, 0], [100, 100], [0, 100]];
    // 10 m everywhere: an 80 × 80 square = 6,400 m²
    const even = insetRing(square, [10, 10, 10, 10]) as XY[];
    expect(ringArea(even)).toBeCloseTo(6400, 6);
    expect(even[0]).toEqual([10, 10]);
    // 16 m off the bottom (a main road), 6 m off the other three (lanes): x 6..94, y 16..94 → 88 × 78 = 6,864 m²
    const mixed = insetRing(square, [16, 6, 6, 6]) as XY[];
    expect(ringArea(mixed)).toBeCloseTo(6864, 6);
    expect(mixed[0]).toEqual([6, 16]);
  });

  it('returns null when the setbacks eat the block', () => {
    expect(insetRing([[0, 0], [20, 0], [20, 20], [0, 20]], [11, 11, 11, 11])).toBeNull();
  });
});

describe('Chinese numbering', () => {
  it('writes 1–99 and numbers lanes before their last character', () => {
    expect(cnNumber(1)).toBe('一');
    expect(cnNumber(10)).toBe('十');
    expect(cnNumber(12)).toBe('十二');
    expect(cnNumber(20)).toBe('二十');
    expect(cnNumber(35)).toBe('三十五');
    expect(numbered('染坊巷', 2)).toBe('染坊二巷');
  });
});

describe('Rng', () => {
  it('is seeded: the same seed repeats, forks are independent of draws on the parent', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 5; i++) expect(a()).toBe(b());
    const r1 = new Rng(1);
    const r2 = new Rng(1);
    r2.next();
    expect(r1.fork('x').next()).toBe(r2.fork('x').next());
  });

  it('stays in range', () => {
    const r = new Rng(3);
    for (let i = 0; i < 1000; i++) {
      const v = r.int(2, 4);
      expect(v === 2 || v === 3 || v === 4).toBe(true);
      const f = r.range(-1, 1);
      expect(f >= -1 && f < 1).toBe(true);
    }
  });
});

describe('placeEntrances', () => {
  const lane: EdgeProps = { kind: 'lane' };
  const square: XY[] = [[0, 0], [300, 0], [300, 300], [0, 300]];

  it('puts one gate in the middle 30 % of the best side; a main road scores 0.85 of a lane', () => {
    // bottom on a main road: 300 × 0.85 = 255 < 300, so the first lane side (right, x = 300) wins;
    // its gate lies 0.35–0.65 of the way along: y 105–195
    for (const seed of [1, 2, 3]) {
      const [gate, ...rest] = placeEntrances(square, [{ kind: 'main', name: '人民路' }, lane, lane, lane], 1, new Rng(seed));
      expect(rest).toHaveLength(0);
      expect(gate?.[0]).toBeCloseTo(300, 9);
      expect(gate?.[1]).toBeGreaterThanOrEqual(105);
      expect(gate?.[1]).toBeLessThanOrEqual(195);
    }
  });

  it('spreads three gates over three sides, at least 90 m apart', () => {
    // equal scores: sides in ring order bottom, right, top; the closest two gates
    // (bottom x ≤ 195, right y ≥ 105) are at least √(105² + 105²) ≈ 148 m apart
    const gates = placeEntrances(square, [lane, lane, lane, lane], 3, new Rng(4));
    expect(gates).toHaveLength(3);
    expect(gates[0]?.[1]).toBeCloseTo(0, 9);
    expect(gates[1]?.[0]).toBeCloseTo(300, 9);
    expect(gates[2]?.[1]).toBeCloseTo(300, 9);
  });

  it('treats collinear edges along one street as one side', () => {
    // bottom = two 100 m edges on the same lane: one 200 m side beats the 200 m footpath on top
    // (200 × 0.75 = 150); split, each half (100) would lose. Gate x 70–130 on y = 0.
    const ring: XY[] = [[0, 0], [100, 0], [200, 0], [200, 50], [0, 50]];
    const [gate] = placeEntrances(ring, [lane, lane, lane, { kind: 'footpath' }, lane], 1, new Rng(5));
    expect(gate?.[1]).toBeCloseTo(0, 9);
    expect(gate?.[0]).toBeGreaterThanOrEqual(70);
    expect(gate?.[0]).toBeLessThanOrEqual(130);
  });

  it('gives 1 gate below 1 ha, 2 from 2.5 ha, 3 from 5 ha', () => {
    const r = new Rng(6);
    expect(entranceCount(9_999, r)).toBe(1);
    expect(entranceCount(30_000, r)).toBe(2);
    expect(entranceCount(60_000, r)).toBe(3);
  });
});

describe('pickByDemand', () => {
  it('indexes which sites reach which communities', () => {
    // reach 100: community 0 starts at (0, 50): site 0 at 50 m, site 1 at √(100² + 50²) ≈ 112 m (out);
    // community 1 starts at (300, 0) (site 2 at 0 m) and (100, 90) (site 1 at 90 m, site 0 at ≈ 135 m)
    const idx = reachIndex([[0, 0], [100, 0], [300, 0]], { starts: [[[0, 50]], [[300, 0], [100, 90]]], people: [10, 20] }, 100);
    expect(Array.from(idx.communityOffsets)).toEqual([0, 1, 3]);
    expect(Array.from(idx.communityList)).toEqual([0, 1, 2]);
    expect(Array.from(idx.siteOffsets)).toEqual([0, 1, 2, 3]);
    expect(Array.from(idx.siteList)).toEqual([0, 1, 1]);
  });

  it('stops drawing sites that serve nobody new when the floor is 0', () => {
    // sites 0 and 1 (10 m apart) both serve the one community; site 2 serves nobody.
    // After the first pick nothing unserved is left: every score is 0, so one pick only.
    const idx = reachIndex([[0, 0], [10, 0], [5000, 0]], { starts: [[[5, 0]]], people: [1000] }, 100);
    for (const seed of [1, 2, 3]) {
      const picks = pickByDemand(idx, [1, 1, 1], { count: 3, spacing: 1, floor: 0 }, new Rng(seed));
      expect(picks).toHaveLength(1);
      expect([0, 1]).toContain(picks[0]);
    }
  });

  it('relaxes the spacing to a quarter, no further', () => {
    const idx = reachIndex([[0, 0], [50, 0]], { starts: [[[25, 0]]], people: [100] }, 100);
    // 100 → 70 → 49: two sites 50 m apart both fit once the gap is 49 m (≥ 25 m, a quarter of 100)
    expect(pickByDemand(idx, [1, 1], { count: 2, spacing: 100 }, new Rng(7)).sort()).toEqual([0, 1]);
    // 300 → 210 → 147 → 102.9 → 72.03, then 50.4 < 75 (a quarter): stop at one site
    expect(pickByDemand(idx, [1, 1], { count: 2, spacing: 300 }, new Rng(7))).toHaveLength(1);
    // weight 0 leaves a site out
    expect(pickByDemand(idx, [0, 1], { count: 2, spacing: 10 }, new Rng(7))).toEqual([1]);
  });
});
