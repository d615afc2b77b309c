/** Hand-checked helpers of the demo generator (scripts/demo). */
import { describe, expect, it } from 'vitest';
import { insetRing, ringArea, type XY } from '../../scripts/demo/geometry';
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
