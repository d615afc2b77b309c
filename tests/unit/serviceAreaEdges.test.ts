import { describe, expect, it } from 'vitest';
import { reachedEdges } from '../../src/core/analysis/serviceArea';
import { makeGraph, M_PER_DEG, LAT0, straightStreet } from './serviceAreaFixtures';

const sum = (a: ArrayLike<number>): number => Array.from(a).reduce((s, v) => s + v, 0);

describe('reachedEdges', () => {
  it('clips a straight street at the threshold', () => {
    // 21 nodes, 100 m apart; source at node 0, so node i is at 100·i m.
    const g = straightStreet(21);
    const dist = Float64Array.from({ length: 21 }, (_, i) => 100 * i);
    const r = reachedEdges(g, dist, 450);
    // edges 0–1 … 3–4 whole (4 × 100 m) + 50 m of edge 4–5 = 450 m in 5 segments
    expect(r.length).toBe(5);
    expect(r.reachedLength).toBeCloseTo(450, 6);
    const last = r.edgeIds.indexOf(4);
    expect(r.sourceDistances[last]).toBeCloseTo(400, 4);
    expect(r.targetDistances[last]).toBeCloseTo(450, 4);
    // the clip point is 450 m north of node 0
    expect(r.targetPositions[2 * last + 1]).toBeCloseTo(LAT0 + 450 / M_PER_DEG, 9);
    expect(r.targetPositions[2 * last]).toBeCloseTo(g.coords[0], 12);
  });

  it('reaches nothing when every node is unreached, and does not mutate dist', () => {
    const g = straightStreet(3);
    const dist = new Float64Array([Infinity, Infinity, Infinity]);
    const r = reachedEdges(g, dist, 1000);
    expect(r.length).toBe(0);
    expect(r.reachedLength).toBe(0);
    expect([...dist]).toEqual([Infinity, Infinity, Infinity]);
  });

  it('goes round a square block from both sides', () => {
    // square 0(0,0) 1(100,0) 2(100,100) 3(0,100); source at 0: dists 0, 100, 200, 100.
    const g = makeGraph([[0, 0], [100, 0], [100, 100], [0, 100]], [[0, 1], [1, 2], [2, 3], [3, 0]]);
    const dist = new Float64Array([0, 100, 200, 100]);
    const r = reachedEdges(g, dist, 150);
    // 0–1 and 3–0 whole (200 m) + 50 m up 1–2 and 50 m along 3–2 = 300 m
    expect(r.reachedLength).toBeCloseTo(300, 6);
    expect(r.length).toBe(4);
    expect(Math.max(...r.targetDistances, ...r.sourceDistances)).toBeCloseTo(150, 4);
  });

  it('leaves the unreached middle of an edge reached from both ends', () => {
    // one 300 m edge, both ends at 400 m, threshold 500: 100 m in from each end, 100 m gap.
    const g = makeGraph([[0, 0], [0, 300]], [[0, 1]]);
    const r = reachedEdges(g, new Float64Array([400, 400]), 500);
    expect(r.length).toBe(2);
    expect(r.reachedLength).toBeCloseTo(200, 6);
  });

  it('splits a fully reached edge at its distance peak', () => {
    // one 100 m edge with ends at 100 and 120 m: d(s) = min(100 + s, 220 − s) peaks at s = 60, d = 160.
    const g = makeGraph([[0, 0], [0, 100]], [[0, 1]]);
    const r = reachedEdges(g, new Float64Array([100, 120]), 500);
    expect(r.length).toBe(2);
    expect(r.sourceDistances[0]).toBeCloseTo(100, 4);
    expect(r.targetDistances[0]).toBeCloseTo(160, 4);
    expect(r.sourceDistances[1]).toBeCloseTo(160, 4);
    expect(r.targetDistances[1]).toBeCloseTo(120, 4);
    // the peak is 60 m north of node 0
    expect(r.targetPositions[1]).toBeCloseTo(LAT0 + 60 / M_PER_DEG, 9);
  });

  it('does not split an edge of the shortest-path tree', () => {
    const g = makeGraph([[0, 0], [0, 100]], [[0, 1]]);
    const r = reachedEdges(g, new Float64Array([100, 200]), 500);
    expect(r.length).toBe(1);
  });

  it('starts inside an edge at a seed (facility snap point)', () => {
    // 200 m edge; a facility snaps at t = 0.25 (50 m from node 0) with a 10 m access leg,
    // so node 0 is at 10 + 50 = 60 m and node 1 at 10 + 150 = 160 m.
    const g = makeGraph([[0, 0], [0, 200]], [[0, 1]]);
    const dist = new Float64Array([60, 160]);
    const seeds = { edge: Int32Array.of(0), t: Float64Array.of(0.25), access: Float64Array.of(10) };
    const r = reachedEdges(g, dist, 100, { seeds });
    // from the seed 90 m each way: 50 m to node 0 (the edge ends there) + 90 m toward node 1 = 140 m
    expect(r.reachedLength).toBeCloseTo(140, 6);
    expect(Math.min(...r.sourceDistances, ...r.targetDistances)).toBeCloseTo(10, 4);
    // without the seed only node 0's side is known: 100 − 60 = 40 m
    expect(reachedEdges(g, dist, 100).reachedLength).toBeCloseTo(40, 6);
  });

  it('keeps distance linear along every segment (total length = sum of its parts)', () => {
    const g = straightStreet(5);
    const dist = Float64Array.from([0, 100, 200, 300, 400]);
    const r = reachedEdges(g, dist, 1000);
    let len = 0;
    for (let k = 0; k < r.length; k++) len += Math.abs(r.targetDistances[k] - r.sourceDistances[k]);
    // on a tree from one source every metre of street adds one metre of distance: 400 m
    expect(len).toBeCloseTo(400, 3);
    expect(sum(r.sourceDistances)).toBeCloseTo(0 + 100 + 200 + 300, 3);
  });
});
