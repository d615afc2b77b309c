import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Geometry } from 'geojson';
import {
  buildGraph, buildSegmentIndex, createDijkstraWorkspace, createTwoLabelWorkspace, multiSourceDijkstra, snapPoints, twoNearestLabels, twoNearestSearch,
} from '../../../src/core/network';
import { generateSyntheticCity } from '../../../scripts/bench/syntheticCity';

type FC = FeatureCollection<Geometry | null, Record<string, unknown> | null>;

describe('twoNearestSearch: nearest and second-nearest group per node (issue 13)', () => {
  // 40 facility points in 30 groups (some groups have two points), on a small random city
  const city = generateSyntheticCity({ nodes: 1_500, communities: 10, facilitiesPerCategory: 40, categories: ['kindergarten'], seed: 5 });
  const graph = buildGraph(city.network as unknown as FC);
  const pts = Float64Array.from(city.facilities.features.flatMap((f) => (f.geometry as { coordinates: number[] }).coordinates));
  const snap = snapPoints(graph, buildSegmentIndex(graph), pts);
  const group = Int32Array.from({ length: snap.count }, (_, i) => i % 30);
  const all = Int32Array.from({ length: snap.count }, (_, i) => i);
  const n = graph.nodeCount;

  /** per node, the two smallest distances of distinct groups, one single-group search per group */
  function bruteForce(ids: Int32Array, cutoff: number): { d1: number[]; d2: number[]; per: Map<number, Float64Array> } {
    const ws = createDijkstraWorkspace(graph);
    const per = new Map<number, Float64Array>();
    for (const g of new Set(Array.from(ids, (i) => group[i]))) {
      const own = ids.filter((i) => group[i] === g);
      per.set(g, multiSourceDijkstra(graph, snap, ws, { sourceIds: own, cutoff }).dist.slice());
    }
    const d1: number[] = [], d2: number[] = [];
    for (let v = 0; v < n; v++) {
      const ds = [...per.values()].map((d) => d[v]).sort((a, b) => a - b);
      d1.push(ds[0] ?? Infinity);
      d2.push(ds[1] ?? Infinity);
    }
    return { d1, d2, per };
  }

  it('equals one search per group, exactly; a reused workspace gives what a fresh one does', () => {
    expect(snap.ok.every((x) => x === 1)).toBe(true);
    const ws = createTwoLabelWorkspace(graph);
    // several runs on one workspace: all sources, a subset with a cutoff, none, all again
    const runs: [Int32Array, number][] = [[all, Infinity], [all.filter((i) => i % 3 === 0), 400], [new Int32Array(0), Infinity], [all, Infinity]];
    for (const [ids, cutoff] of runs) {
      const fresh = twoNearestSearch(graph, snap, ids, group, cutoff);
      const reused = twoNearestLabels(graph, snap, ids, group, ws, cutoff);
      const ref = bruteForce(ids, cutoff);
      for (let v = 0; v < n; v++) {
        expect(reused.d1[v]).toBe(fresh.d1[v]);
        expect(reused.d2[v]).toBe(fresh.d2[v]);
        expect(reused.g1[v]).toBe(fresh.g1[v]);
        expect(reused.g2[v]).toBe(fresh.g2[v]);
        expect(fresh.d1[v]).toBe(ref.d1[v]);
        expect(fresh.d2[v]).toBe(ref.d2[v]);
        // the groups named are at those distances (when groups tie, either may be first)
        if (fresh.d1[v] < Infinity) expect(ref.per.get(fresh.g1[v])![v]).toBe(fresh.d1[v]);
        if (fresh.d2[v] < Infinity) expect(ref.per.get(fresh.g2[v])![v]).toBe(fresh.d2[v]);
        if (fresh.d2[v] < Infinity) expect(fresh.g2[v]).not.toBe(fresh.g1[v]);
        else expect(fresh.g2[v]).toBe(-1);
      }
    }
    const other = buildGraph(generateSyntheticCity({ nodes: 300, communities: 1, facilitiesPerCategory: 1, categories: ['kindergarten'], seed: 6 }).network as unknown as FC);
    expect(() => twoNearestLabels(graph, snap, all, group, createTwoLabelWorkspace(other))).toThrow(/another size/);
    expect(() => createTwoLabelWorkspace(graph, createDijkstraWorkspace(other))).toThrow(/another size/);
  });
});
