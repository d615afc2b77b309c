import { contours } from 'd3-contour';
import { describe, expect, it } from 'vitest';
import { contourGrid } from '../../src/core/analysis/serviceArea';

/** A width × height grid, −1 everywhere except +1 where inside(x, y). */
function grid(width: number, height: number, inside: (x: number, y: number) => boolean): Float64Array {
  const v = new Float64Array(width * height).fill(-1);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (inside(x, y)) v[y * width + x] = 1;
  return v;
}

const signed = (r: number[][]): number => {
  let s = 0;
  for (let i = 0, n = r.length, j = n - 1; i < n; j = i++) s += r[j][0] * r[i][1] - r[i][0] * r[j][1];
  return s / 2;
};
const areaOf = (mp: number[][][][]): number => mp.reduce((s, p) => s + p.reduce((a, r) => a + signed(r), 0), 0);

describe('contourGrid', () => {
  it('keeps a one-cell hole inside a 5 × 5 block', () => {
    // ±1 values put every crossing half-way between cell centres (at integer coordinates).
    // Block of cells 1..5: square 1.0..6.0 = 25, minus 4 cut corners of ½·½·½ = 0.125 → 24.5;
    // the hole cell (3, 3) is a diamond of area ½ → 24.0.
    const v = grid(7, 7, (x, y) => x >= 1 && x <= 5 && y >= 1 && y <= 5 && !(x === 3 && y === 3));
    const mp = contourGrid(v, 7, 7);
    expect(mp.length).toBe(1);
    expect(mp[0].length).toBe(2);
    expect(signed(mp[0][0])).toBeCloseTo(24.5, 9); // outer ring counter-clockwise
    expect(signed(mp[0][1])).toBeCloseTo(-0.5, 9); // hole clockwise
    expect(areaOf(mp)).toBeCloseTo(24, 9);
  });

  it('returns an island inside a hole as its own polygon', () => {
    // cells 1..9 inside, block 3..7 a hole, cell (5, 5) an island:
    // outer 81 − 0.5 = 80.5; hole 25 − 0.5 = 24.5; island 0.5 → 56.5
    const v = grid(11, 11, (x, y) => {
      const inBlock = x >= 1 && x <= 9 && y >= 1 && y <= 9;
      const inHole = x >= 3 && x <= 7 && y >= 3 && y <= 7;
      return (inBlock && !inHole) || (x === 5 && y === 5);
    });
    const mp = contourGrid(v, 11, 11);
    expect(mp.length).toBe(2);
    expect(mp.map((p) => p.length).sort()).toEqual([1, 2]);
    expect(areaOf(mp)).toBeCloseTo(56.5, 9);
    // same area as one plain d3-contour call
    const d3 = contours().size([11, 11]).contour(v as unknown as number[], 0);
    expect(-areaOf(d3.coordinates)).toBeCloseTo(56.5, 9);
  });

  it('gives every hole to the block around it', () => {
    // two 5 × 5 blocks (x 1..5 and x 8..12), one with 4 one-cell holes, the other with 1
    const holesA = new Set(['2,2', '4,2', '2,4', '4,4']);
    const v = grid(14, 7, (x, y) => {
      if (y < 1 || y > 5) return false;
      if (x >= 1 && x <= 5) return !holesA.has(`${x},${y}`);
      if (x >= 8 && x <= 12) return !(x === 10 && y === 3);
      return false;
    });
    const mp = contourGrid(v, 14, 7);
    expect(mp.length).toBe(2);
    const byX = [...mp].sort((a, b) => a[0][0][0] - b[0][0][0]);
    expect(byX[0].length - 1).toBe(4);
    expect(byX[1].length - 1).toBe(1);
    for (const p of mp) {
      const [outer, ...holes] = p;
      const xs = outer.map((q) => q[0]);
      for (const h of holes) for (const [x] of h) expect(x > Math.min(...xs) && x < Math.max(...xs)).toBe(true);
    }
    // 2 × 24.5 − 5 × 0.5
    expect(areaOf(mp)).toBeCloseTo(46.5, 9);
  });

  it('keeps all 9,801 holes of a city-wide polygon', () => {
    // cells 1..299 inside (299² = 89,401, minus the 4 corners = 89,400.5) with a one-cell hole
    // at every x, y ≡ 2 (mod 3) in 2..296: 99² = 9,801 diamonds of ½ → 89,400.5 − 4,900.5 = 84,500
    const v = grid(301, 301, (x, y) => x >= 1 && x <= 299 && y >= 1 && y <= 299
      && !(x % 3 === 2 && y % 3 === 2 && x <= 296 && y <= 296));
    const mp = contourGrid(v, 301, 301);
    expect(mp.length).toBe(1);
    expect(mp[0].length - 1).toBe(9_801);
    expect(areaOf(mp)).toBeCloseTo(84_500, 6);
  });

  it('returns nothing for an empty grid', () => {
    expect(contourGrid(new Float64Array(9).fill(-1), 3, 3)).toEqual([]);
  });
});
