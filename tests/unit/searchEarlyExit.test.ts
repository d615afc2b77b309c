import { describe, expect, it } from 'vitest';
import type { Feature, Geometry, Polygon } from 'geojson';
import { generateSyntheticCity } from '../../scripts/bench/syntheticCity';
import { benchRules } from '../../scripts/bench/benchRules';
import { prepareCoverage } from '../../src/core/analysis/coverage/prepareCoverage';
import { runCoverage } from '../../src/core/analysis/coverage/runCoverage';
import { categoryDistances } from '../../src/core/analysis/coverage/categoryDistances';
import { createDijkstraWorkspace, multiSourceDijkstra } from '../../src/core/network/multiSourceDijkstra';

// The coverage run stops each search once every community sample's edge ends are final
// (stopWhenSettled). These tests compare it with searches over the whole graph on random cities
// where the network reaches far beyond the communities, so the early exit really happens.
const cats = ['kindergarten', 'primary_school', 'middle_school'];
const rules = { ...benchRules, categories: benchRules.categories.filter((c) => cats.includes(c.id)) };

function cornerCity(seed: number) {
  const city = generateSyntheticCity({ nodes: 6_400, communities: 900, facilitiesPerCategory: 60, categories: cats, seed });
  // an 8 km × 8 km grid (0.094° × 0.072°) whose eastern half only has streets: communities in the
  // south-west quarter, facilities in the western half
  const [lon0, lat0] = [116.2, 39.8];
  const inCorner = (f: Feature<Polygon>) => {
    const [lon, lat] = f.geometry.coordinates[0][0];
    return lon < lon0 + 0.03 && lat < lat0 + 0.025;
  };
  const communities = { type: 'FeatureCollection' as const, features: city.communities.features.filter(inCorner) as Feature<Geometry>[] };
  // a second, disconnected street far away with one community and no facility: its sample can
  // never be settled, and must not keep the search running
  const island = [[116.5, 39.9], [116.501, 39.9]];
  const network = {
    type: 'FeatureCollection' as const,
    features: [...city.network.features, { type: 'Feature' as const, properties: {}, geometry: { type: 'LineString' as const, coordinates: island } }],
  };
  communities.features.push({
    type: 'Feature', properties: { id: 'island', households: 10 },
    geometry: { type: 'Point', coordinates: [116.5005, 39.9001] },
  });
  const facilities = { ...city.facilities, features: city.facilities.features.filter((f) => f.geometry.coordinates[0] < lon0 + 0.047) };
  return { network, communities, facilities };
}

describe('search early exit (stopWhenSettled)', () => {
  for (const seed of [3, 11]) {
    it(`gives bit-identical community distances and nearest facilities (random city, seed ${seed})`, () => {
      const city = cornerCity(seed);
      for (const cutoff of [Infinity, 700]) {
        const ctx = prepareCoverage({ ...city, rules }, { cutoff });
        const C = ctx.communities.count;
        expect(C).toBeGreaterThan(50);
        const early = runCoverage(ctx);
        for (let k = 0; k < ctx.categories.length; k++) {
          const full = categoryDistances(ctx, k, { fullSearch: true });
          expect(Array.from(early.distance.subarray(k * C, (k + 1) * C))).toEqual(Array.from(full.distance));
          expect(Array.from(early.nearestFacility.subarray(k * C, (k + 1) * C))).toEqual(Array.from(full.facility));
        }
        // the island community is unreachable; most others reach every category
        expect(early.distance[C - 1]).toBe(Infinity);
        expect(early.distance.filter(Number.isFinite).length).toBeGreaterThan(cutoff === Infinity ? 3 * (C - 1) - 1 : C);
      }
    });
  }

  it('stops early, with every waited-for node exact, and a full search still reaches everything', () => {
    const city = cornerCity(5);
    const ctx = prepareCoverage({ ...city, rules });
    const net = ctx.network!;
    const { graph } = net;
    const nodes = net.samplePlan.nodes;
    for (let k = 0; k < ctx.categories.length; k++) {
      const sourceIds = ctx.categorySourceIds.subarray(ctx.categorySourceOffsets[k], ctx.categorySourceOffsets[k + 1]);
      const full = multiSourceDijkstra(graph, net.sourceSnap, createDijkstraWorkspace(graph), { sourceIds });
      // reused workspace, as in a coverage run: stamps from earlier runs must not leak
      const early = multiSourceDijkstra(graph, net.sourceSnap, net.workspace, { sourceIds, stopWhenSettled: nodes });
      expect(full.stoppedEarly).toBe(false);
      expect(early.stoppedEarly).toBe(true);
      // the eastern half, with no community and no facility, is not searched
      expect(early.settled).toBeLessThan(0.8 * full.settled);
      let reachable = 0;
      for (const v of nodes) {
        expect(early.dist[v]).toBe(full.dist[v]);
        expect(early.origin[v]).toBe(full.origin[v]);
        if (Number.isFinite(full.dist[v])) reachable++;
      }
      // only the island's two nodes are unreachable
      expect(reachable).toBe(nodes.length - 2);
      // a full search on the same workspace afterwards is complete again
      const again = multiSourceDijkstra(graph, net.sourceSnap, net.workspace, { sourceIds });
      expect(Array.from(again.dist)).toEqual(Array.from(full.dist));
    }
  });
});
