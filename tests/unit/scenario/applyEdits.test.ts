import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { analyzeStudyArea, DEFAULT_STUDY_AREA_SETTINGS } from '../../../src/core/studyArea';
import { haversine } from '../../../src/core/network';
import { defaultRules } from '../../../src/core/rules/defaultRules';
import type { RuleSet } from '../../../src/core/rules';
import { applyEdits, editsFromGeoJson, editsToGeoJson, scenarioDiff, type ScenarioEdit } from '../../../src/core/scenario';

type FC = FeatureCollection<Geometry, Record<string, unknown>>;
const fc = (features: Feature<Geometry, Record<string, unknown>>[]): FC => ({ type: 'FeatureCollection', features });
const line = (id: string, coords: [number, number][]) => ({ type: 'Feature' as const, properties: { id }, geometry: { type: 'LineString' as const, coordinates: coords } });
const point = (props: Record<string, unknown>, c: [number, number]) => ({ type: 'Feature' as const, properties: props, geometry: { type: 'Point' as const, coordinates: c } });

// A river between two streets (lat 32.000 south, 32.002 north); nothing crosses it.
const Y0 = 32.0, Y1 = 32.002;
const network = fc([line('south', [[118.0, Y0], [118.004, Y0]]), line('north', [[118.0, Y1], [118.004, Y1]])]);
// Community A on the south street, B on the north street; a kindergarten on the north street.
const communities = fc([point({ id: 'A', name: '南岸小区', households: 100 }, [118.001, Y0]), point({ id: 'B', name: '北岸小区', households: 50 }, [118.0035, Y1])]);
const facilities = fc([point({ id: 'K1', category: 'kindergarten' }, [118.0025, Y1])]);
// One 5-minute category with a 600 m radius, so the crossing decides coverage.
const rules: RuleSet = { ...defaultRules, categories: defaultRules.categories.filter((c) => c.id === 'kindergarten').map((c) => ({ ...c, radius_m: 600 })) };
const settings = { ...DEFAULT_STUDY_AREA_SETTINGS, mode: 'network' as const };
const dist = (r: ReturnType<typeof analyzeStudyArea>['result'], c: number) => r.coverage.distance[c];
const h = (a: [number, number], b: [number, number]) => haversine(a[0], a[1], b[0], b[1]);

describe('scenario edits (issue 11)', () => {
  const base = analyzeStudyArea({ communities, facilities, network }, rules, settings).result;

  it('the baseline: A cannot cross the river, B walks along the north street', () => {
    expect(dist(base, 0)).toBe(Infinity);
    expect(dist(base, 1)).toBeCloseTo(h([118.0035, Y1], [118.0025, Y1]), 1);
  });

  it('a footbridge whose ends touch the two streets mid-segment splits them and connects A by exactly the walk along it', () => {
    const bridge: ScenarioEdit = { op: 'add', layer: 'network', id: 'bridge', geometry: { type: 'LineString', coordinates: [[118.002, Y0 + 0.00002], [118.002, Y1 - 0.00002]] }, properties: { name: '人行桥' } };
    const applied = applyEdits({ communities, facilities, network }, [bridge]);
    expect(applied.problems).toEqual([]);
    expect([...applied.touched]).toEqual(['network']);
    // the ends (≈ 2.2 m from the streets) were moved onto them, and the streets got a vertex there
    const link = applied.layers.network!.features.at(-1)!.geometry as { coordinates: number[][] };
    expect(link.coordinates[0][1]).toBeCloseTo(Y0, 9);
    expect(link.coordinates.at(-1)![1]).toBeCloseTo(Y1, 9);
    expect((applied.layers.network!.features[0].geometry as { coordinates: unknown[] }).coordinates).toHaveLength(3);
    // the baseline is untouched
    expect((network.features[0].geometry as { coordinates: unknown[] }).coordinates).toHaveLength(2);
    const after = analyzeStudyArea(applied.layers, rules, settings).result;
    const walk = h([118.001, Y0], [118.002, Y0]) + h([118.002, Y0], [118.002, Y1]) + h([118.002, Y1], [118.0025, Y1]);
    expect(dist(after, 0)).toBeCloseTo(walk, 1); // ≈ 94 + 222 + 47 m
    expect(dist(after, 1)).toBeCloseTo(dist(base, 1), 2); // the split street's shorter arc moves B's snap by ~2 mm
    const d = scenarioDiff(base, after);
    expect(d.categories[0].gainedCommunities).toEqual([0]);
    expect(d.categories[0].gained).toEqual({ communities: 1, households: 100, population: 280 });
    expect(d.categories[0].lost.communities).toBe(0);
    expect(Array.from(d.change)).toEqual([1, 0]);
  });

  it('closing the bridge (the segment nearest the clicked point) cuts A off again; B keeps its own side', () => {
    const edits: ScenarioEdit[] = [
      { op: 'add', layer: 'network', id: 'bridge', geometry: { type: 'LineString', coordinates: [[118.002, Y0], [118.002, Y1]] }, properties: {} },
      { op: 'close', layer: 'network', id: 'works', geometry: { type: 'Point', coordinates: [118.00201, 32.001] } },
    ];
    const applied = applyEdits({ communities, facilities, network }, edits);
    expect(applied.problems).toEqual([]);
    const closed = applied.layers.network!.features.filter((f) => f.properties?.walkable === false);
    expect(closed).toHaveLength(1);
    expect(closed[0].properties).toMatchObject({ id: 'bridge#works', closed_by: 'works' });
    const after = analyzeStudyArea(applied.layers, rules, settings).result;
    expect(dist(after, 0)).toBe(Infinity);
    expect(dist(after, 1)).toBeCloseTo(h([118.0035, Y1], [118.0025, Y1]), 1);
  });

  it('a new kindergarten, a move and a delete change exactly the communities they reach', () => {
    const edits: ScenarioEdit[] = [
      { op: 'add', layer: 'facilities', id: 'K2', geometry: { type: 'Point', coordinates: [118.0012, Y0] }, properties: { category: 'kindergarten', capacity: 180 } },
      { op: 'delete', layer: 'facilities', target_id: 'K1' },
    ];
    const applied = applyEdits({ communities, facilities, network }, edits);
    const after = analyzeStudyArea(applied.layers, rules, settings).result;
    expect(dist(after, 0)).toBeCloseTo(h([118.001, Y0], [118.0012, Y0]), 1);
    expect(dist(after, 1)).toBe(Infinity);
    const d = scenarioDiff(base, after);
    expect(d.categories[0].gainedCommunities).toEqual([0]);
    expect(d.categories[0].lostCommunities).toEqual([1]);
    expect(Array.from(d.change)).toEqual([1, -1]);
    const moved = applyEdits({ communities, facilities, network }, [{ op: 'move', layer: 'facilities', target_id: 'K1', geometry: { type: 'Point', coordinates: [118.0039, Y1] } }]);
    expect(dist(analyzeStudyArea(moved.layers, rules, settings).result, 1)).toBeCloseTo(h([118.0035, Y1], [118.0039, Y1]), 1);
  });

  it('a gate opened on the river side lets residents walk from there as well as from where they did', () => {
    const square = { type: 'Feature' as const, properties: { id: 'C', households: 10 }, geometry: { type: 'Polygon' as const, coordinates: [[[118.0030, 32.0024], [118.0034, 32.0024], [118.0034, 32.0028], [118.0030, 32.0028], [118.0030, 32.0024]]] } };
    const layers = { communities: fc([square]), facilities, network };
    const before = analyzeStudyArea(layers, rules, settings).result;
    const gate: ScenarioEdit = { op: 'add_entrance', layer: 'communities', target_id: 'C', geometry: { type: 'Point', coordinates: [118.0030, 32.0024] } };
    const applied = applyEdits(layers, [gate]);
    expect((applied.layers.communities.features[0].properties!.entrances as { coordinates: unknown[] }).coordinates).toHaveLength(2);
    const after = analyzeStudyArea(applied.layers, rules, settings).result;
    expect(dist(after, 0)).toBeLessThan(dist(before, 0));
  });

  it('edits that cannot apply are named, not dropped silently', () => {
    const r = applyEdits({ communities, facilities, network }, [
      { op: 'delete', layer: 'facilities', target_id: 'nope' },
      { op: 'close', layer: 'network', id: 'far', geometry: { type: 'Point', coordinates: [118.1, 32.1] } },
      // a path joined to nothing would capture the snaps of what lies beside it: refused
      { op: 'add', layer: 'network', id: 'island', geometry: { type: 'LineString', coordinates: [[118.001, 32.001], [118.003, 32.001]] }, properties: {} },
    ]);
    expect(r.problems.map((p) => [p.index, p.code])).toEqual([[0, 'target-missing'], [1, 'nothing-near'], [2, 'nothing-near']]);
    expect(r.layers.network!.features).toHaveLength(2);
  });

  it('edits export as GeoJSON (op, layer, target_id, properties) and import back to the same results', () => {
    const edits: ScenarioEdit[] = [
      { op: 'add', layer: 'facilities', id: 'K2', geometry: { type: 'Point', coordinates: [118.0012345678, Y0] }, properties: { category: 'kindergarten', capacity: 180, name: '新幼儿园' } },
      { op: 'add', layer: 'network', id: 'bridge', geometry: { type: 'LineString', coordinates: [[118.002, Y0], [118.002, Y1]] }, properties: {} },
      { op: 'delete', layer: 'facilities', target_id: 'K1' },
      { op: 'close', layer: 'network', id: 'works', geometry: { type: 'Point', coordinates: [118.0005, Y0] } },
    ];
    const gj = JSON.parse(JSON.stringify(editsToGeoJson(edits, '方案一')));
    expect(gj.features.map((f: Feature) => [f.properties!.op, f.properties!.layer, f.properties!.target_id ?? null])).toEqual([
      ['add', 'facilities', null], ['add', 'network', null], ['delete', 'facilities', 'K1'], ['close', 'network', null],
    ]);
    const back = editsFromGeoJson(gj);
    expect(back.problems).toEqual([]);
    expect(back.edits).toEqual(edits);
    const r1 = analyzeStudyArea(applyEdits({ communities, facilities, network }, edits).layers, rules, settings).result;
    const r2 = analyzeStudyArea(applyEdits({ communities, facilities, network }, back.edits).layers, rules, settings).result;
    expect(Array.from(r2.coverage.distance)).toEqual(Array.from(r1.coverage.distance));
    expect(editsFromGeoJson({ features: [{ type: 'Feature', properties: { op: 'teleport' }, geometry: { type: 'Point', coordinates: [0, 0] } }] }).problems[0].code).toBe('bad-edit');
  });
});
