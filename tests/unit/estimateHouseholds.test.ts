import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { estimateHouseholds, withEstimatedHouseholds } from '../../src/core/estimate';
import { communityPopulation } from '../../src/core/model';

type FC = FeatureCollection<Geometry | null, Record<string, unknown> | null>;
// metres to degrees near 32° N on turf's sphere (the shapes are small: planar is exact to a few m²)
const LAT = 32, KY = (6_378_137 * Math.PI) / 180, KX = KY * Math.cos((LAT * Math.PI) / 180); // turf's sphere
/** a rectangle of w × h metres with its south-west corner x, y metres from (118, 32) */
const rect = (x: number, y: number, w: number, h: number): Geometry => {
  const lon = (m: number) => 118 + m / KX, lat = (m: number) => LAT + m / KY;
  return { type: 'Polygon', coordinates: [[[lon(x), lat(y)], [lon(x + w), lat(y)], [lon(x + w), lat(y + h)], [lon(x), lat(y + h)], [lon(x), lat(y)]]] };
};
const f = (props: Record<string, unknown>, g: Geometry): Feature<Geometry, Record<string, unknown>> => ({ type: 'Feature', properties: props, geometry: g });

const e0floor = (e: { detail: { floorArea?: number } | null }[]) => e[0].detail!.floorArea!;

describe('estimating households where none are given (issue 15)', () => {
  const communities: FC = {
    type: 'FeatureCollection',
    features: [
      f({ id: 'A', name: '甲小区', built_year: 1992 }, rect(0, 0, 100, 100)),
      f({ id: 'B', name: '乙小区', built_year: 1995 }, rect(200, 0, 100, 100)),
      f({ id: 'C', name: '丙小区', households: 500 }, rect(400, 0, 100, 100)),
      f({ id: 'D', name: '丁小区' }, { type: 'Point', coordinates: [118.01, 32.01] }),
      f({ id: 'E', name: '戊小区', built_year: 2015 }, rect(600, 0, 200, 50)),
    ],
  };
  // A: two residential buildings (1,000 m² × 6 storeys, 300 m² × 11 storeys) and a shop; one building outside every community
  const buildings: FC = {
    type: 'FeatureCollection',
    features: [
      f({ building: 'residential', 'building:levels': '6' }, rect(10, 10, 20, 50)),
      f({ building: 'apartments', levels: '11层' }, rect(50, 10, 10, 30)),
      f({ building: 'retail', levels: 2 }, rect(70, 70, 20, 20)),
      f({ building: 'yes' }, rect(1000, 1000, 20, 20)),
    ],
  };

  it('from buildings: Σ footprint × storeys ÷ 90 m²; else from the area by built period; given ones kept; points without buildings unknown', () => {
    const e = estimateHouseholds(communities, buildings);
    // A: (1,000 × 6 + 300 × 11) m² = 9,300 m² ÷ 90 = 103.3 → 103 households
    expect(e[0]).toMatchObject({ source: 'buildings', detail: { buildings: 2 } });
    // (footprints on the sphere are ≈ 0.2 % under the planar metres they were drawn with)
    expect(Math.abs(e[0].detail!.floorArea! - 9300)).toBeLessThan(9300 * 0.005);
    expect(e[0].households).toBe(Math.round(e[0].detail!.floorArea! / 90));
    expect(e[0].households).toBe(103);
    // B: 1 ha × 167 households/ha (built 1995: before 2000)
    expect(e[1]).toMatchObject({ households: 167, source: 'area', detail: { householdsPerHectare: 167 } });
    expect(e[1].detail!.hectares).toBeCloseTo(1, 2);
    expect(e[2]).toEqual({ households: 500, source: 'given', detail: null });
    expect(e[3]).toEqual({ households: null, source: null, detail: null });
    // E: 1 ha built 2015 → 278
    expect(Math.abs(e[4].households! - 278)).toBeLessThanOrEqual(1);
    // the parameters are the planner's to change
    expect(estimateHouseholds(communities, buildings, { floorAreaPerHousehold: 100 })[0].households).toBe(Math.round(e[0].detail!.floorArea! / 100));
    expect(estimateHouseholds(communities, buildings, { method: 'area' })[0]).toMatchObject({ source: 'area', households: 167 });
  });

  it('writes them in, marked as estimated with their basis; population follows as households × 2.8, estimated', () => {
    const out = withEstimatedHouseholds(communities, estimateHouseholds(communities, buildings));
    const a = out.features[0]!.properties!;
    expect(a).toMatchObject({ households: 103, households_estimated: true, households_source: 'buildings' });
    expect(String(a.households_basis)).toMatch(/^2 buildings, 9[23]\d\d m² floor area$/);
    expect(communityPopulation(a)).toEqual({ households: 103, population: 288, estimated: true });
    expect(out.features[2]!.properties).toMatchObject({ households: 500, households_source: 'given' });
    expect(out.features[2]!.properties).not.toHaveProperty('households_estimated');
    expect(out.features[3]!.properties).not.toHaveProperty('households_source');
    // estimated once, estimated again with other parameters (not taken as given)
    const again = estimateHouseholds(out, buildings, { floorAreaPerHousehold: 100 });
    expect(again[0]).toMatchObject({ households: Math.round(e0floor(again) / 100), source: 'buildings' });
  });
});
