import { describe, expect, it } from 'vitest';
import { MISSING_NONE, missingBinIndex, missingBins } from '../../src/map/palette';

const ranges = (m: number) => missingBins(m).map((b) => [b.min, b.max]);

describe('missing-count colour classes', () => {
  it('one class per count up to 5', () => {
    expect(ranges(4)).toEqual([[0, 0], [1, 1], [2, 2], [3, 3], [4, 4]]);
    expect(ranges(0)).toEqual([[0, 0]]);
    expect(missingBins(4)[0].color).toEqual(MISSING_NONE);
  });

  it('five classes of ceil(M / 5) counts above 5', () => {
    // 12 → step 3: 1–3, 4–6, 7–9, 10–12
    expect(ranges(12)).toEqual([[0, 0], [1, 3], [4, 6], [7, 9], [10, 12]]);
    // 26 → step 6: 1–6, 7–12, 13–18, 19–24, 25–26
    expect(ranges(26)).toEqual([[0, 0], [1, 6], [7, 12], [13, 18], [19, 24], [25, 26]]);
  });

  it('the top class is the darkest, whatever the number of classes', () => {
    const dark = missingBins(26).at(-1)!.color;
    expect(missingBins(12).at(-1)!.color).toEqual(dark);
    expect(missingBins(4).at(-1)!.color).toEqual(dark);
  });

  it('finds the class of a count', () => {
    const b = missingBins(12);
    expect([0, 1, 3, 4, 9, 10, 12, 15].map((n) => missingBinIndex(b, n))).toEqual([0, 1, 1, 2, 3, 4, 4, 4]);
  });
});
