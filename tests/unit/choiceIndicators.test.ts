import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { analyzeCoverage, prepareCoverage } from '../../src/core/analysis/coverage';
import { facilityChoice, nearestTwo } from '../../src/core/analysis/choice';
import { buildGraph, haversine } from '../../src/core/network';
import { DEFAULT_STUDY_AREA_SETTINGS, StudyArea } from '../../src/core/studyArea';
import { defaultRules } from '../../src/core/rules/defaultRules';
import type { RuleSet } from '../../src/core/rules';
import { generateSyntheticCity } from '../../scripts/bench/syntheticCity';

type FC = FeatureCollection<Geometry, Record<string, unknown>>;
const fc = (features: Feature<Geometry, Record<string, unknown>>[]): FC => ({ type: 'FeatureCollection', features });
/** a point on the meridian 118° E at this latitude */
const at = (lat: number, props: Record<string, unknown>): Feature<Geometry, Record<string, unknown>> => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [118, lat] } });
/** one street along the meridian, a vertex every 0.001° (≈ 111.2 m) */
const street = fc([{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: Array.from({ length: 11 }, (_, i) => [118, 32 + i / 1000]) } }]);
const U = haversine(118, 32, 118, 32.001); // metres per 0.001° of latitude
const kg = (radius: number, extra: Partial<RuleSet['categories'][number]> = {}): RuleSet => ({
  ...defaultRules,
  categories: defaultRules.categories.filter((c) => c.id === 'kindergarten').map((c) => ({ ...c, radius_m: radius, ...extra })),
});

describe('2SFCA and the places gap, worked by hand (issue 13)', () => {
  // Communities A–D and kindergartens F1–F3 on one street, radius 250 m (2.25 units of 111.2 m):
  //   A 32.000 (1,000 residents)  B 32.002 (2,000)  C 32.004 (500)  D 32.009 (400)
  //   F1 32.001 (100 places)      F2 32.003 (50)    F3 32.008 (30)
  // Within 250 m: F1 → A (1 u), B (1 u); F2 → B (1 u), C (1 u); F3 → D (1 u). (C–F1 = 3 u, C–F3 = 4 u: beyond.)
  // Norm 30 places per 1,000 residents → demand A 30, B 60, C 15, D 12 places.
  // Step 1: R1 = 100 / (30 + 60) = 1.1111; R2 = 50 / (60 + 15) = 0.6667; R3 = 30 / 12 = 2.5.
  // Step 2: F_A = R1 = 1.1111; F_B = R1 + R2 = 1.7778; F_C = R2 = 0.6667; F_D = R3 = 2.5.
  // Gap = max(0, demand − F·demand): A 0, B 0, C 15 − 10 = 5, D 0; needed 117, gap 5.
  const communities = fc([at(32, { id: 'A', population: 1000 }), at(32.002, { id: 'B', population: 2000 }), at(32.004, { id: 'C', population: 500 }), at(32.009, { id: 'D', population: 400 })]);
  const facilities = fc([at(32.001, { id: 'F1', category: 'kindergarten', capacity: 100 }), at(32.003, { id: 'F2', category: 'kindergarten', capacity: 50 }), at(32.008, { id: 'F3', category: 'kindergarten', capacity: 30 })]);
  const settings = { ...DEFAULT_STUDY_AREA_SETTINGS, mode: 'network' as const };

  it('gives the hand-computed ratios and gap through the study area (capacity, population and the norm read as the app reads them)', () => {
    const rules = kg(250, { norm: { per_1000: 30, unit_zh: '学位', unit_en: 'places' } });
    const area = new StudyArea({ communities, facilities, network: street });
    area.analyze(rules, settings);
    const r = area.choice(rules, settings);
    expect(Array.from(r.fca)).toEqual([100 / 90, 100 / 90 + 50 / 75, 50 / 75, 2.5].map((x) => expect.closeTo(x, 10)));
    expect(Array.from(r.placesGap)).toEqual([0, 0, 5, 0].map((x) => expect.closeTo(x, 9)));
    expect(r.supply[0]).toEqual({ facilities: 3, withoutCapacity: 0, places: 180, needed: 117, gap: expect.closeTo(5, 9) });
    expect(Array.from(r.count)).toEqual([1, 2, 1, 1]);
    // a gravity decay looks twice as far (C–F1 at 333 m is then within it) but the catchment stays the radius
    const lin = area.choice(rules, settings, { decay: { kind: 'linear' } });
    expect(lin.limit[0]).toBe(500);
    expect(Array.from(lin.fca)).toEqual(Array.from(r.fca));
    expect(lin.access[2]).toBeCloseTo((1 - (3 * U) / 500) + (1 - U / 500) + (1 - (4 * U) / 500), 3);
  });

  it('per elderly resident: demand from each community’s elderly share (else the census share); without a norm F is places per resident', () => {
    const withShare = fc(communities.features.map((f, i) => ({ ...f, properties: { ...f.properties, ...(i === 0 ? { elderly_share: 0.5 } : {}) } })));
    const rules = kg(250, { norm: { per_1000: 30, per: 'elderly' } });
    const area = new StudyArea({ communities: withShare, facilities, network: street });
    area.analyze(rules, settings);
    const r = area.choice(rules, settings);
    // elderly: A 500, B 374, C 93.5, D 74.8 → demand A 15, B 11.22; R1 = 100 / 26.22
    expect(r.fca[0]).toBeCloseTo(100 / (15 + 2000 * 0.187 * 0.03), 9);
    const plain = new StudyArea({ communities, facilities, network: street });
    const noNorm = kg(250);
    plain.analyze(noNorm, settings);
    const p = plain.choice(noNorm, settings);
    expect(p.fca[0]).toBeCloseTo(100 / 3000, 12);
    expect(Number.isNaN(p.placesGap[0])).toBe(true);
    expect(Number.isNaN(p.supply[0]!.needed)).toBe(true);
  });

  it('a category none of whose facilities states a capacity has no ratio, and says how many lack one', () => {
    const bare = fc(facilities.features.map((f) => ({ ...f, properties: { id: f.properties.id, category: 'kindergarten' } })));
    const rules = kg(250, { norm: { per_1000: 30 } });
    const area = new StudyArea({ communities, facilities: bare, network: street });
    area.analyze(rules, settings);
    const r = area.choice(rules, settings);
    expect(Array.from(r.fca).every(Number.isNaN)).toBe(true);
    expect(r.supply[0]).toMatchObject({ withoutCapacity: 3, places: 0, needed: 117, gap: 117 });
  });
});

describe('counts and second-nearest at the edges of the definitions (issue 13)', () => {
  it('a facility exactly at the radius counts; two at one place are two; the second-nearest along one segment is direct', () => {
    // community at 32.0042; on its segment (32.004–32.005) G1 at 32.0044 and G2 at 32.0047, H on the next one down at 32.0035,
    // and twins T1, T2 at 32.008
    const communities = fc([at(32.0042, { id: 'c', population: 10 })]);
    const facilities = fc([
      at(32.0044, { id: 'G1', category: 'kindergarten' }), at(32.0047, { id: 'G2', category: 'kindergarten' }),
      at(32.0035, { id: 'H', category: 'kindergarten' }), at(32.008, { id: 'T1', category: 'kindergarten' }), at(32.008, { id: 'T2', category: 'kindergarten' }),
    ]);
    const graph = buildGraph(street);
    // the radius = the coverage's own distance to T1 (so T1 and T2 sit exactly on it)
    const dT = analyzeCoverage({ communities, facilities: fc([facilities.features[3]]), rules: kg(1000), graph }).distance[0];
    expect(dT).toBeCloseTo(3.8 * U, 3);
    const ctx = prepareCoverage({ communities, facilities, rules: kg(dT), graph });
    const r = facilityChoice(ctx);
    expect(r.count[0]).toBe(5);
    const two = nearestTwo(ctx, 0);
    expect(two.first[0]).toBeCloseTo(0.2 * U, 3);
    expect(two.second[0]).toBeCloseTo(0.5 * U, 3);
    expect([two.firstFacility[0], two.secondFacility[0]]).toEqual([0, 1]);
    // just inside: the twins drop out together
    const inside = facilityChoice(prepareCoverage({ communities, facilities, rules: kg(dT - 1e-6), graph }));
    expect(inside.count[0]).toBe(3);
    // twins only: the second-nearest is the twin, at the same distance
    const twins = nearestTwo(prepareCoverage({ communities, facilities: fc(facilities.features.slice(3)), rules: kg(500), graph }), 0);
    expect(twins.second[0]).toBe(twins.first[0]);
    // one facility: no second
    const one = nearestTwo(prepareCoverage({ communities, facilities: fc(facilities.features.slice(0, 1)), rules: kg(500), graph }), 0);
    expect(one.second[0]).toBe(Infinity);
  });

  it('equals a brute-force search per facility on random small cities (counts, second-nearest, both modes)', () => {
    for (const seed of [3, 17, 99]) {
      const city = generateSyntheticCity({ nodes: 900, communities: 60, facilitiesPerCategory: 12, categories: ['kindergarten'], seed });
      const communities = city.communities as unknown as FC, facilities = city.facilities as unknown as FC;
      const graph = buildGraph(city.network as unknown as FC);
      const radius = 250 + seed * 5;
      for (const mode of ['network', 'euclidean'] as const) {
        const ctx = prepareCoverage({ communities, facilities, rules: kg(radius), graph }, { mode, detour: mode === 'euclidean' ? 1.3 : 1 });
        const r = facilityChoice(ctx);
        const two = nearestTwo(ctx, 0);
        const C = ctx.communities.count;
        const per = facilities.features.map((f) => analyzeCoverage({ communities, facilities: fc([f]), rules: kg(radius), graph }, { mode, detour: mode === 'euclidean' ? 1.3 : 1 }).distance);
        for (let c = 0; c < C; c++) {
          const ds = per.map((a) => a[c]).filter((x) => x < Infinity).sort((a, b) => a - b);
          expect(r.count[c], `seed ${seed} ${mode} community ${c}`).toBe(ds.filter((x) => x <= radius).length);
          expect(two.first[c]).toBeCloseTo(ds[0] ?? Infinity, 6);
          if (ds.length >= 2) expect(two.second[c]).toBeCloseTo(ds[1], 6);
          else expect(two.second[c]).toBe(Infinity);
        }
      }
    }
  });
});
