/**
 * validateGeometry's own checks stand in for geojson-validation where it would find nothing more
 * (issue 10, the CLI at 20k): the same verdicts and messages as running both, and features that
 * need no change are passed on themselves (not copied) through the import.
 */
import { describe, expect, it } from 'vitest';
import * as GJV from 'geojson-validation';
import type { FeatureCollection } from 'geojson';
import { validateGeometry } from '../../../src/core/io/geojson/validateGeometry';
import { readLayerFile } from '../../../src/core/io/readLayerFile';
import { autoImport } from '../../../src/core/io/autoImport';
import { normalizeFeature } from '../../../src/core/model/normalize';
import { parseRuleSet } from '../../../src/core/rules';
import { readFileSync } from 'node:fs';

const ring = [[116, 40], [116.001, 40], [116.001, 40.001], [116, 40]];

describe('validateGeometry', () => {
  it('agrees with geojson-validation on polygons our checks pass', () => {
    const cases: unknown[] = [
      { type: 'Polygon', coordinates: [ring] },
      { type: 'Polygon', coordinates: [ring, ring] },
      { type: 'MultiPolygon', coordinates: [[ring], [ring, ring]] },
      // ends equal in x/y but not in z, or in the number of ordinates: geojson-validation's error
      { type: 'Polygon', coordinates: [[[116, 40, 1], [116.001, 40, 1], [116.001, 40.001, 1], [116, 40, 2]]] },
      { type: 'Polygon', coordinates: [[[116, 40, 1], [116.001, 40], [116.001, 40.001], [116, 40]]] },
      { type: 'MultiPolygon', coordinates: [[ring], [[[116, 40], [116.001, 40], [116.001, 40.001], [116, 40, 5]]]] },
      // a bbox goes through geojson-validation
      { type: 'Polygon', coordinates: [ring], bbox: [116, 40, 116.001, 40.001] },
      { type: 'Polygon', coordinates: [ring], bbox: [116, 40] },
      { type: 'Polygon', coordinates: [[[116, -0], [116.001, 40], [116.001, 40.001], [116, 0]]] },
    ];
    for (const g of cases) {
      const check = validateGeometry(g);
      const trace = GJV.isGeometryObject(check.geometry, true) as string[];
      expect(check.error).toBe(trace[0] ?? null);
      expect(check.closedRings).toBe(0);
      expect(check.geometry).toBe(g);
    }
  });

  it('closes an open ring on a copy and leaves closed ones as they are', () => {
    const open = ring.slice(0, 3);
    const g = { type: 'MultiPolygon', coordinates: [[ring], [open, ring]] };
    const check = validateGeometry(g);
    expect(check.error).toBeNull();
    expect(check.closedRings).toBe(1);
    expect(check.geometry).not.toBe(g);
    const coords = (check.geometry as { coordinates: number[][][][] }).coordinates;
    expect(coords[1][0]).toEqual([...open, open[0]]);
    expect(coords[1][1]).toBe(ring);
    expect(g.coordinates[1][0]).toHaveLength(3);
  });

  it('still names the first bad ring or position', () => {
    expect(validateGeometry({ type: 'Polygon', coordinates: [ring, [[1, 2], [3, 'x'], [1, 2], [1, 2]]] }).error).toBe('polygon ring has a coordinate that is not a pair of numbers ([3,"x"])');
    expect(validateGeometry({ type: 'MultiPolygon', coordinates: [[ring], []] }).error).toBe('polygon part has no rings');
    expect(validateGeometry({ type: 'Polygon', coordinates: [ring, [[1, 2], [3, 4], [1, 2]]] }).error).toBe('polygon ring has 3 position(s), needs at least 4');
  });
});

describe('the import passes unchanged features on without copying them', () => {
  const rules = parseRuleSet(JSON.parse(readFileSync('data/rules/gb50180-2018.json', 'utf8')), 'rules');
  it('communities and facilities already in canonical form', async () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 'c1', name: '小区1', households: 100, built_year: 1990 }, geometry: { type: 'Polygon', coordinates: [ring] } },
        { type: 'Feature', properties: { id: 'c2', name: '小区2', households: '200户', built_year: 1990 }, geometry: { type: 'Polygon', coordinates: [ring] } },
      ],
    };
    const r = await readLayerFile('c.geojson', JSON.stringify(fc), { kind: 'communities' });
    const a = autoImport('c.geojson', r.features, 'communities', rules);
    expect(a.fc.features[0]).toBe(r.features.features[0]);
    // a value that is read (200户 → 200) makes a copy, the original kept
    expect(a.fc.features[1]).not.toBe(r.features.features[1]);
    expect(a.fc.features[1].properties.households).toBe(200);
    expect(r.features.features[1].properties?.households).toBe('200户');

    const fac = { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { id: 'f1', name: 'k', category: 'kindergarten' }, geometry: { type: 'Point', coordinates: [116, 40] } },
      { type: 'Feature', properties: { id: 'f2', name: 's', category: '幼儿园' }, geometry: { type: 'Point', coordinates: [116, 40] } },
    ] };
    const rf = await readLayerFile('f.geojson', JSON.stringify(fac), { kind: 'facilities' });
    const af = autoImport('f.geojson', rf.features as FeatureCollection, 'facilities', rules);
    expect(af.fc.features[0]).toBe(rf.features.features[0]);
    expect(af.fc.features[1].properties).toMatchObject({ category: 'kindergarten', category_raw: '幼儿园' });
  });

  it('normalizeFeature copies only when a value changes or an id is added', () => {
    const f = { type: 'Feature' as const, properties: { id: 'a', households: 5 }, geometry: null };
    expect(normalizeFeature(f, 'communities', 0, { id: 'id', households: 'households' })).toBe(f);
    const g = { type: 'Feature' as const, properties: { households: 5 }, geometry: null };
    const n = normalizeFeature(g, 'communities', 0, { households: 'households' });
    expect(n).not.toBe(g);
    expect(Object.keys(n.properties)).toEqual(['households', 'id']);
    expect(g.properties).toEqual({ households: 5 });
  });
});
