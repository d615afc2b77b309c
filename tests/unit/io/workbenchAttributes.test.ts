import { describe, expect, it } from 'vitest';
import { communityWorkbenchAttributes } from '../../../src/core/io/export/workbenchAttributes';

describe('communityWorkbenchAttributes (the CLI field names, also used by the app export)', () => {
  const tables = {
    parks: { ok: [1, 0], distance: [411.44, Infinity] },
    parking: { demand: [300, 100], supply: [210.04, 120], gap: [89.96, 0] },
    renovation: { isOld: [1, 0], score: [33.1049, NaN] },
  };
  it('rounds like the CLI and gives null for what was not computed', () => {
    expect(communityWorkbenchAttributes(tables, 0)).toEqual({
      park_ok: true, park_dist: 411.4, parking_demand: 300, parking_supply: 210, parking_gap: 90, score: 33.1,
    });
    // not old → score null; unreachable park → distance null
    expect(communityWorkbenchAttributes(tables, 1)).toMatchObject({ park_ok: false, park_dist: null, parking_gap: 0, score: null });
  });
  it('is null throughout without parks, parking or scores', () => {
    expect(communityWorkbenchAttributes({}, 0)).toEqual({
      park_ok: null, park_dist: null, parking_demand: null, parking_supply: null, parking_gap: null, score: null,
    });
  });
});
