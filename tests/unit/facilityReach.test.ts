import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { prepareCoverage, runCoverage, withFacilities } from '../../src/core/analysis/coverage';
import { facilityReach } from '../../src/core/analysis/choice';
import { buildGraph } from '../../src/core/network';
import { defaultRules } from '../../src/core/rules/defaultRules';
import type { RuleSet } from '../../src/core/rules';
import { generateSyntheticCity } from '../../scripts/bench/syntheticCity';

type FC = FeatureCollection<Geometry, Record<string, unknown>>;

describe('facilityReach (issue 13)', () => {
  it('lists, by facility ascending, every community within the limit at the coverage’s own distance (thousands of entries)', () => {
    const city = generateSyntheticCity({ nodes: 2_000, communities: 300, facilitiesPerCategory: 40, categories: ['kindergarten'], seed: 23 });
    const communities = city.communities as unknown as FC, facilities = city.facilities as unknown as FC;
    const rules: RuleSet = { ...defaultRules, categories: defaultRules.categories.filter((c) => c.id === 'kindergarten').map((c) => ({ ...c, radius_m: 5000 })) };
    const ctx = prepareCoverage({ communities, facilities, rules, graph: buildGraph(city.network as unknown as FC) });
    const C = ctx.communities.count;
    for (const limit of [700, 5000]) {
      const reach = facilityReach(ctx, 0, limit);
      expect(Array.from(reach.facility)).toEqual(Array.from(reach.facility).sort((a, b) => a - b));
      if (limit === 5000) expect(reach.community.length).toBeGreaterThan(4096); // past the buffers' first doublings
      facilities.features.forEach((f: Feature<Geometry, Record<string, unknown>>, i) => {
        // the coverage with this facility alone
        const dist = runCoverage(withFacilities(ctx, { features: [f] })).distance;
        const expected = new Map<number, number>();
        for (let c = 0; c < C; c++) if (dist[c] <= limit) expected.set(c, dist[c]);
        const at = reach.facility.indexOf(i);
        const got = new Map<number, number>();
        if (at >= 0) for (let j = reach.offsets[at]; j < reach.offsets[at + 1]; j++) got.set(reach.community[j], reach.distance[j]);
        // the same sums in another order (access + along the edge, then the path): equal to the last bit or so
        expect([...got.keys()].sort(), `facility ${i}, limit ${limit}`).toEqual([...expected.keys()].sort());
        for (const [c, d] of expected) expect(Math.abs(got.get(c)! - d)).toBeLessThan(1e-9);
      });
    }
  });
});
