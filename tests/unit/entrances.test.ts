import { describe, expect, it } from 'vitest';
import { readLayerFile } from '../../src/core/io/readLayerFile';
import { communityPoints, ENTRANCE_MAX_DISTANCE_M } from '../../src/core/analysis/coverage/coveragePoints';
import { wgs84ToChineseCrs } from '../../src/core/io/crs/chineseCrs';

// A 0.002° square compound near Nanjing (≈ 190 m × 220 m) with gates on its south and east sides.
const ring = [[118.8, 32.0], [118.802, 32.0], [118.802, 32.002], [118.8, 32.002], [118.8, 32.0]];
const gates = [[118.801, 32.0], [118.802, 32.001]];
const feature = (r: number[][], entrances: unknown) => ({ type: 'Feature', properties: { name: '门禁小区', entrances }, geometry: { type: 'Polygon', coordinates: [r] } });
const swap = (ps: number[][]) => ps.map(([x, y]) => [y, x]);

describe('entrances follow their community', () => {
  it('a lat/lon swap fixes the entrances too (MultiPoint, list or WKT)', async () => {
    for (const entrances of [
      { type: 'MultiPoint', coordinates: swap(gates) },
      swap(gates),
      `MULTIPOINT (${swap(gates).map((p) => p.join(' ')).join(', ')})`,
    ]) {
      const r = await readLayerFile('swapped.geojson', JSON.stringify({ type: 'FeatureCollection', features: [feature(swap(ring), entrances)] }), { kind: 'communities' });
      expect(r.warnings.map((w) => w.code)).toContain('swapped-latlon');
      const e = r.features.features[0].properties!.entrances as { type: string; coordinates: number[][] } | number[][];
      const coords = Array.isArray(e) ? e : e.coordinates;
      expect(coords).toEqual(gates);
      // and the analysis measures from them, not from the representative point
      const pts = communityPoints(r.features as never);
      expect(Array.from(pts.samples)).toEqual(gates.flat());
      expect(pts.issues).toEqual([]);
    }
  });

  it('a GCJ-02 conversion moves the entrances with the polygon', () => {
    const fc = { type: 'FeatureCollection' as const, features: [feature(ring, { type: 'MultiPoint', coordinates: gates })] };
    const out = wgs84ToChineseCrs(fc as never, 'gcj02');
    const movedRing = (out.features[0].geometry as GeoJSON.Polygon).coordinates[0][0];
    const movedGate = (out.features[0].properties!.entrances as GeoJSON.MultiPoint).coordinates[0];
    // both shifted by the same few hundred metres
    expect(movedGate[0] - gates[0][0]).toBeCloseTo(movedRing[0] - ring[0][0], 5);
    expect(movedGate[1] - gates[0][1]).toBeCloseTo(movedRing[1] - ring[0][1], 5);
    expect(Math.abs(movedGate[0] - gates[0][0])).toBeGreaterThan(0.001);
  });

  it(`entrances more than ${ENTRANCE_MAX_DISTANCE_M} m from the polygon are ignored with a warning naming the community`, () => {
    // one gate 4 km east (≈ 0.042°), one on the boundary
    const far = [118.844, 32.001];
    const pts = communityPoints({ features: [feature(ring, [gates[0], far]), feature(ring, [far])] } as never);
    expect(Array.from(pts.samples.subarray(0, 2))).toEqual(gates[0]);
    expect(pts.issues.map((i) => [i.index, i.reason])).toEqual([[0, 'far_entrances'], [1, 'far_entrances']]);
    expect(pts.issues[0].distance).toBeGreaterThan(3800);
    expect(pts.issues[0].distance).toBeLessThan(4200);
    // all gates far away: the representative point is used
    expect(pts.sampleOffsets[2] - pts.sampleOffsets[1]).toBe(1);
    expect(pts.samples[2]).toBeCloseTo(118.801, 6);
    expect(pts.samples[3]).toBeCloseTo(32.001, 6);
  });
});
