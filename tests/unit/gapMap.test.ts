import { describe, expect, it } from 'vitest';
import type { Feature, Geometry } from 'geojson';
import { gapGridOverlay, type GapPoint } from '../../src/map/gapGridOverlay';
import { selectGapGridPoints } from '../../src/map/overlays';
import { COVERAGE_VIEW } from '../../src/store/mapViews';
import { WORKBENCH_VIEW_MAPS } from '../../src/ui/workbench/tabMaps';
import { communityColoring } from '../../src/map/communityColoring';
import { COVERAGE_COLORS, MISSING_NONE, missingBins } from '../../src/map/palette';
import type { AppState } from '../../src/store/useStore';
import type { CoverageResult } from '../../src/core/analysis/coverage/runCoverage';

// Three square communities 0.001° wide at lon 116.00 / 116.01 / 116.02, lat 39.9.
const square = (x: number): Feature<Geometry, Record<string, unknown>> => ({
  type: 'Feature',
  properties: {},
  geometry: { type: 'Polygon', coordinates: [[[x, 39.9], [x + 0.001, 39.9], [x + 0.001, 39.901], [x, 39.901], [x, 39.9]]] },
});
const fc = { type: 'FeatureCollection' as const, features: [square(116), square(116.01), square(116.02)] };
const C = 3;
// Categories a, b (5-min, mandatory), d (10-min, mandatory); ok per community:
//   a: 1 0 0    b: 1 1 0    d: 0 1 1
const coverage = {
  communityCount: C,
  categoryIds: ['a', 'b', 'd'],
  levelIds: ['5min', '10min'],
  ok: Uint8Array.from([1, 0, 0, 1, 1, 0, 0, 1, 1]),
  distance: new Float64Array(9),
  stats: { levels: [{ id: '5min', mandatoryCategories: ['a', 'b'] }, { id: '10min', mandatoryCategories: ['d'] }] },
  unreachableCommunities: [{ index: 2, reason: 'beyond_max_snap' }],
} as unknown as CoverageResult;
const population = Float64Array.from([1000, 400, 250]);
const state = (patch: Partial<AppState>) =>
  ({
    workbenchView: WORKBENCH_VIEW_MAPS.gaps, gapGrid: 'category', gapGridRadius: 150, activeCategory: 'a', activeLevel: '5min', coverage,
    weights: { population }, layers: { communities: { fc } }, ...patch,
  }) as unknown as AppState;

describe('gap grid overlay', () => {
  it('aggregates the residents of uncovered communities at their representative points', () => {
    const s = state({});
    // a not met by communities 1 (400) and 2 (250); centroids are the square centres
    const points = selectGapGridPoints(s)!;
    expect(points.map((p: GapPoint) => [p.index, p.weight])).toEqual([[1, 400], [2, 250]]);
    expect(points[0].position[0]).toBeCloseTo(116.0105, 9);
    expect(points[0].position[1]).toBeCloseTo(39.9005, 9);
    const layers = gapGridOverlay({ points, radius: 150 })!.above!;
    expect(layers.map((l) => l.id)).toEqual(['gap-grid']);
    expect(layers[0].props.data).toBe(points);
  });

  it('keeps the data object while the result and target are unchanged (deck.gl does not re-aggregate)', () => {
    const a = selectGapGridPoints(state({ gapGridRadius: 150 }));
    expect(selectGapGridPoints(state({ gapGridRadius: 400 }))).toBe(a);
  });

  it('per level: residents of communities missing any of its mandatory categories; off → nothing', () => {
    // 10-min (d): only community 0 misses it
    expect(selectGapGridPoints(state({ gapGrid: 'level', activeLevel: '10min' }))!.map((p: GapPoint) => p.weight)).toEqual([1000]);
    expect(selectGapGridPoints(state({ gapGrid: 'off' }))).toBeNull();
    expect(gapGridOverlay({ points: null, radius: 150 })).toBeNull();
    // the grid belongs to the gap map: other views do not show it
    expect(selectGapGridPoints(state({ workbenchView: WORKBENCH_VIEW_MAPS.ranking }))).toBeNull();
    expect(selectGapGridPoints(state({ workbenchView: COVERAGE_VIEW }))).toBeNull();
  });
});

describe("'missing' community colouring", () => {
  it('colours by missing mandatory categories of the levels counted; unreachable grey', () => {
    // 5-min + 10-min: community 0 misses d → 1; community 1 misses a → 1; community 2 unreachable
    const all = communityColoring(coverage, 'missing', null, '5min', '5min,10min')!;
    const bins = missingBins(3);
    expect(all.color(0)).toEqual(bins[1].color);
    expect(all.color(2)).toEqual(COVERAGE_COLORS.unreachable);
    // 5-min only: community 0 meets a and b
    const five = communityColoring(coverage, 'missing', null, '5min')!;
    expect(five.color(0)).toEqual(MISSING_NONE);
    expect(five.key).not.toBe(all.key);
  });
});
