import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Geometry } from 'geojson';
import { buildGraph, buildSegmentIndex, patchGraph, patchSegmentIndex, snapPoints, type WalkGraph } from '../../../src/core/network';
import { applyEdits, type ScenarioEdit } from '../../../src/core/scenario';
import { generateSyntheticCity } from '../../../scripts/bench/syntheticCity';
import { benchCategoryIds } from '../../../scripts/bench/benchRules';

type FC = FeatureCollection<Geometry | null, Record<string, unknown> | null>;

/** The graph's edges as a sorted list of "rounded ends | length", independent of numbering. */
function edgeMultiset(g: WalkGraph): string[] {
  const key = (i: number) => `${Math.round(g.coords[2 * i] * 1e7)},${Math.round(g.coords[2 * i + 1] * 1e7)}`;
  const out: string[] = [];
  for (let e = 0; e < g.edgeCount; e++) {
    const [a, b] = [key(g.edgeFrom[e]), key(g.edgeTo[e])].sort();
    out.push(`${a}|${b}|${g.edgeLength[e]}`);
  }
  return out.sort();
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const city = generateSyntheticCity({ nodes: 2_500, communities: 100, facilitiesPerCategory: 5, categories: benchCategoryIds, seed: 11 });
const network = city.network as unknown as FC;
const layers = { communities: city.communities as unknown as FC, facilities: city.facilities as unknown as FC, network };
const base = buildGraph(network);
const rand = rng(5);
const node = () => Math.floor(rand() * base.nodeCount);
const at = (i: number): [number, number] => [base.coords[2 * i], base.coords[2 * i + 1]];
/** a point a third of the way along a random edge (splits it: no vertex within 5 m) */
const onEdge = (): [number, number] => {
  const e = Math.floor(rand() * base.edgeCount);
  const [a, b] = [at(base.edgeFrom[e]), at(base.edgeTo[e])];
  return [a[0] + (b[0] - a[0]) / 3, a[1] + (b[1] - a[1]) / 3];
};
const link = (id: string, coordinates: [number, number][]): ScenarioEdit => ({ op: 'add', layer: 'network', id, geometry: { type: 'LineString', coordinates }, properties: {} });

function check(edits: ScenarioEdit[]) {
  const applied = applyEdits(layers, edits);
  const patch = patchGraph(base, applied.networkChanges, applied.layers.network!.features.length);
  expect(patch).not.toBeNull();
  const ref = buildGraph(applied.layers.network!);
  const g = patch!.graph;
  expect(g.nodeCount).toBe(ref.nodeCount);
  expect(edgeMultiset(g)).toEqual(edgeMultiset(ref));
  expect(g.componentCount).toBe(ref.componentCount);
  const { totalLength, ...rest } = g.stats!;
  const { totalLength: refTotal, ...refRest } = ref.stats!;
  expect(rest).toEqual(refRest);
  expect(totalLength).toBeCloseTo(refTotal, 3);
  // components: every edge within one, as many as the rebuilt graph has, 0 the largest
  for (let e = 0; e < g.edgeCount; e++) expect(g.component![g.edgeFrom[e]]).toBe(g.component![g.edgeTo[e]]);
  expect(g.stats!.largestComponentNodes).toBe(g.component!.filter((c) => c === 0).length);
  // CSR consistency: every arc leads along its edge
  for (let i = 0; i < g.nodeCount; i++) {
    for (let a = g.offsets[i]; a < g.offsets[i + 1]; a++) {
      const e = g.arcEdge[a];
      expect([g.edgeFrom[e], g.edgeTo[e]].sort()).toEqual([i, g.targets[a]].sort());
      expect(g.arcLength[a]).toBe(g.edgeLength[e]);
      if (a > g.offsets[i]) expect(g.arcEdge[a]).toBeGreaterThan(g.arcEdge[a - 1]);
    }
  }
  expect(g.offsets[g.nodeCount]).toBe(2 * g.edgeCount);
  return { applied, patch: patch!, ref };
}

describe('patchGraph: the scenario graph from the baseline graph (issue 11)', () => {
  it('equals buildGraph of the edited layer up to numbering, for random links', () => {
    for (let trial = 0; trial < 30; trial++) {
      const a = node();
      const nb = base.targets[base.offsets[base.targets[base.offsets[a]]]];
      const kind = trial % 6;
      const coordinates: [number, number][] =
        kind === 0 ? [at(a), at(nb)] // node to node
          : kind === 1 ? [at(a), onEdge()] // node to a split
            : kind === 2 ? [onEdge(), onEdge()] // two splits
              : kind === 3 ? [at(a), [at(a)[0] + 0.0004, at(a)[1] + 0.0003], at(nb)] // with a new interior vertex
                : kind === 4 ? [at(a), at(base.targets[base.offsets[a]]), at(nb)] // along an existing edge (a duplicate) then on
                  : [at(a), [at(a)[0] + 0.0002, at(a)[1]]]; // a stub: one end joined
      check([link(`l${trial}`, coordinates)]);
    }
  });

  it('handles several links, a link joining a vertex another link made, and one splitting another link', () => {
    const p = onEdge();
    const a = node();
    const far: [number, number] = [at(a)[0] + 0.003, at(a)[1] + 0.002];
    const { patch } = check([
      link('x', [at(a), p]),
      link('y', [p, at(node())]), // joins the split vertex made by x
      link('z', [far, at(node())]),
      link('w', [[(far[0] + at(a)[0]) / 2, (far[1] + at(a)[1]) / 2], at(a)]),
    ]);
    expect(patch.graph.nodeCount).toBeGreaterThan(base.nodeCount);
  });

  it('keeps a segment that another line also holds when it is split', () => {
    // a link along an existing edge duplicates it; a second link then splits that copy
    const e = 7;
    const [u, v] = [at(base.edgeFrom[e]), at(base.edgeTo[e])];
    const mid: [number, number] = [u[0] + (v[0] - u[0]) * 0.4, u[1] + (v[1] - u[1]) * 0.4];
    const { applied } = check([link('dup', [u, v]), link('cross', [mid, at(node())])]);
    expect(applied.networkChanges.some((c) => c.kind === 'split' && c.shared)).toBe(true);
  });

  it('refuses closures (the graph is built again)', () => {
    const applied = applyEdits(layers, [{ op: 'close', layer: 'network', id: 'c', geometry: { type: 'Point', coordinates: at(3) } }]);
    expect(patchGraph(base, applied.networkChanges, applied.layers.network!.features.length)).toBeNull();
  });

  it('snaps on the patched index exactly as on an index of the rebuilt graph', () => {
    const { patch, ref } = check([link('s', [at(node()), onEdge()]), link('t', [onEdge(), at(node())])]);
    const index = patchSegmentIndex(buildSegmentIndex(base), patch);
    expect(index).not.toBeNull();
    const pts = new Float64Array(4000);
    for (let i = 0; i < pts.length; i += 2) {
      const c = at(node());
      pts[i] = c[0] + (rand() - 0.5) * 0.002;
      pts[i + 1] = c[1] + (rand() - 0.5) * 0.002;
    }
    const mine = snapPoints(patch.graph, index!, pts);
    const theirs = snapPoints(ref, buildSegmentIndex(ref), pts);
    for (let i = 0; i < pts.length / 2; i++) {
      expect(mine.access[i]).toBeCloseTo(theirs.access[i], 6);
      expect(mine.snapLonLat[2 * i]).toBeCloseTo(theirs.snapLonLat[2 * i], 9);
      expect(mine.snapLonLat[2 * i + 1]).toBeCloseTo(theirs.snapLonLat[2 * i + 1], 9);
    }
  });
});
