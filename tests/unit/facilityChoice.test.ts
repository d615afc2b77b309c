import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { analyzeCoverage, prepareCoverage } from '../../src/core/analysis/coverage';
import { decayWeight, facilityChoice } from '../../src/core/analysis/choice';
import { buildGraph, haversine } from '../../src/core/network';
import { normalizeLayer, type LayerKind } from '../../src/core/model';
import { defaultRules } from '../../src/core/rules/defaultRules';
import type { RuleSet } from '../../src/core/rules';

type FC = FeatureCollection<Geometry, Record<string, unknown>>;
const fc = (features: Feature<Geometry, Record<string, unknown>>[]): FC => ({ type: 'FeatureCollection', features });
const pt = (props: Record<string, unknown>, lon: number, lat = 32): Feature<Geometry, Record<string, unknown>> => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [lon, lat] } });
const kgOnly = (radius: number): RuleSet => ({ ...defaultRules, categories: defaultRules.categories.filter((c) => c.id === 'kindergarten').map((c) => ({ ...c, radius_m: radius })) });

describe('choice, second-nearest and gravity access (issue 13)', () => {
  it('hand-computed on one street: kindergartens on the community segment, a twin, one beyond the radius', () => {
    const network = fc([{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: Array.from({ length: 11 }, (_, i) => [118 + i / 1000, 32]) } }]);
    const communities = fc([pt({ id: 'A', households: 10 }, 118.005)]);
    const facilities = fc([pt({ id: 'K1', category: 'kindergarten' }, 118.0052), pt({ id: 'K2', category: 'kindergarten' }, 118.0056), pt({ id: 'K3', category: 'kindergarten' }, 118.002), pt({ id: 'K1b', category: 'kindergarten' }, 118.0052), pt({ id: 'K9', category: 'kindergarten' }, 118.0099)]);
    const ctx = prepareCoverage({ communities, facilities, rules: kgOnly(300), graph: buildGraph(network) });
    const r = facilityChoice(ctx, { decay: { kind: 'linear' } });
    const d = (lon: number) => haversine(118.005, 32, lon, 32);
    // within 300 m: K1, its twin K1b, K2, K3 (283 m); K9 (462 m) is within the 600 m limit only
    expect(r.count[0]).toBe(4);
    expect(r.limit[0]).toBe(600);
    // the second-nearest is K1's twin, at K1's distance
    expect(r.second[0]).toBeCloseTo(d(118.0052), 1);
    const lin = (x: number) => 1 - x / 600;
    expect(r.access[0]).toBeCloseTo(2 * lin(d(118.0052)) + lin(d(118.0056)) + lin(d(118.002)) + lin(d(118.0099)), 3);
    const cum = facilityChoice(ctx);
    expect(cum.access[0]).toBe(4);
    expect(decayWeight({ kind: 'exponential', beta: 0.01 }, 100, 300, 600)).toBeCloseTo(Math.exp(-1), 12);
    expect(decayWeight({ kind: 'gaussian', sigma: 100 }, 100, 300, 600)).toBeCloseTo(Math.exp(-0.5), 12);
  });

  it('equals a brute-force search per facility on the demo (kindergartens, day-care centres)', () => {
    const demo = (kind: LayerKind): FC => normalizeLayer(JSON.parse(readFileSync(path.resolve(__dirname, '../../data/demo', `${kind}.geojson`), 'utf8')), kind) as FC;
    const communities = demo('communities'), facilities = demo('facilities'), network = demo('network');
    const graph = buildGraph(network);
    const rules = defaultRules;
    const ctx = prepareCoverage({ communities, facilities, rules, graph });
    const r = facilityChoice(ctx, { decay: { kind: 'linear' } });
    const C = ctx.communities.count;
    for (const id of ['kindergarten', 'elderly_daycare']) {
      const k = ctx.categories.findIndex((c) => c.id === id);
      const radius = ctx.categories[k].radius, limit = 2 * radius;
      const own = facilities.features.filter((f) => f.properties.category === id);
      // one coverage run per facility: its distance to every community
      const per = own.map((f) => analyzeCoverage({ communities, facilities: fc([f]), rules, graph }, { mode: 'network' }).distance.subarray(k * C, (k + 1) * C));
      for (let c = 0; c < C; c++) {
        const all = per.map((a) => a[c]).filter((x) => x < Infinity).sort((a, b) => a - b);
        const ds = all.filter((x) => x <= limit);
        expect(r.count[k * C + c], `${id} ${c}`).toBe(ds.filter((x) => x <= radius).length);
        // the second-nearest is not bounded by the limit
        if (all.length >= 2) expect(r.second[k * C + c]).toBeCloseTo(all[1], 6);
        else expect(r.second[k * C + c]).toBe(Infinity);
        expect(r.access[k * C + c]).toBeCloseTo(ds.reduce((a, x) => a + (1 - x / limit), 0), 6);
      }
    }
  });
});
