import { describe, expect, it } from 'vitest';
import { COLORS, COVERAGE_COLORS, MISSING_NONE, completenessColor, type RGBA } from '../../src/map/palette';
import { PLANNING_COLORS } from '../../src/map/planningPalette';

/** Hue in degrees of an RGB colour. */
function hue([r, g, b]: RGBA): number {
  const max = Math.max(r, g, b), min = Math.min(r, g, b), d = max - min;
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}
const apart = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

describe('coverage colours cannot be confused with parks', () => {
  it('every "met" colour is at least 60° of hue away from the park green', () => {
    const park = hue(COLORS.park);
    for (const c of [COVERAGE_COLORS.covered, MISSING_NONE, completenessColor(1), PLANNING_COLORS.parkCovered]) {
      expect(apart(hue(c), park)).toBeGreaterThan(60);
    }
  });
});
