import { describe, expect, it } from 'vitest';
import type { Feature, Geometry } from 'geojson';
import { buildGraph, buildSegmentIndex, createDijkstraWorkspace, multiSourceDijkstra, snapPoints, type WalkGraph } from '../../../src/core/network';
import { bucketWidth, createNodeBuckets, enqueue, resetBuckets, takeWord } from '../../../src/core/network/nodeBuckets';

/** A jittered street grid of side² nodes, some streets missing, some long diagonals, some 0.3 m stubs. */
function city(side: number, seed: number): WalkGraph {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const step = 0.001; // ≈ 111 m
  const p = (i: number, j: number): number[] => [116 + i * step + (rnd() - 0.5) * step * 0.3, 40 + j * step * 0.8 + (rnd() - 0.5) * step * 0.3];
  const at: number[][][] = [];
  for (let i = 0; i < side; i++) {
    at.push([]);
    for (let j = 0; j < side; j++) at[i].push(p(i, j));
  }
  const lines: Feature<Geometry>[] = [];
  const line = (a: number[], b: number[]) => lines.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [a, b] } });
  for (let i = 0; i < side; i++) {
    for (let j = 0; j < side; j++) {
      if (i + 1 < side && rnd() > 0.1) line(at[i][j], at[i + 1][j]);
      if (j + 1 < side && rnd() > 0.1) line(at[i][j], at[i][j + 1]);
      if (rnd() < 0.02) line(at[i][j], at[Math.floor(rnd() * side)][Math.floor(rnd() * side)]); // a long edge
      if (rnd() < 0.05) line(at[i][j], [at[i][j][0] + 0.000003, at[i][j][1]]); // a stub shorter than any bucket
    }
  }
  return buildGraph({ features: lines });
}

/** Textbook Dijkstra with a binary heap over the same seeds as multiSourceDijkstra. */
function reference(g: WalkGraph, seeds: Map<number, number>): Float64Array {
  const dist = new Float64Array(g.nodeCount).fill(Infinity);
  const heap: [number, number][] = [];
  const push = (d: number, v: number) => {
    heap.push([d, v]);
    for (let i = heap.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (heap[p][0] <= heap[i][0]) break;
      [heap[p], heap[i]] = [heap[i], heap[p]];
      i = p;
    }
  };
  const pop = (): [number, number] => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < heap.length && heap[l][0] < heap[m][0]) m = l;
        if (r < heap.length && heap[r][0] < heap[m][0]) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i], heap[m]];
        i = m;
      }
    }
    return top;
  };
  for (const [v, d] of seeds) {
    dist[v] = d;
    push(d, v);
  }
  while (heap.length > 0) {
    const [d, v] = pop();
    if (d > dist[v]) continue;
    for (let a = g.offsets[v]; a < g.offsets[v + 1]; a++) {
      const u = g.targets[a];
      const nd = d + g.arcLength[a];
      if (nd < dist[u]) {
        dist[u] = nd;
        push(nd, u);
      }
    }
  }
  return dist;
}

describe('nodeBuckets: the search queue', () => {
  it('keeps count, moves a node between buckets, and hands out a word’s nodes with their bits', () => {
    const q = createNodeBuckets(2100); // three summary words per slot's bits (1,024 nodes each)
    resetBuckets(q, 500, 100);
    expect(q.mask + 1).toBe(8); // 500 / 100 + 3 → 8 slots
    expect(enqueue(q, 5, 30)).toBe(1);
    expect(enqueue(q, 2070, 30)).toBe(1);
    expect(enqueue(q, 37, 250)).toBe(1);
    expect(enqueue(q, 37, 40)).toBe(0); // moved from bucket 2 to bucket 0
    expect(enqueue(q, 5, 10)).toBe(0); // same bucket: stays
    expect([q.count[0], q.count[2]]).toEqual([3, 0]);
    expect(q.bucketOf[37]).toBe(0);
    // word 0 holds node 5, word 1 node 37 (37 = 32 + 5), word 64 node 2070 (2070 = 64·32 + 22)
    expect(takeWord(q, 0, 0)).toBe(1 << 5);
    expect(takeWord(q, 0, 1)).toBe(1 << 5);
    expect(q.count[0]).toBe(1);
    // taken nodes keep their bucket until the search has processed them: improving one queues nothing
    expect(q.bucketOf[5]).toBe(0);
    expect(enqueue(q, 5, 20)).toBe(0);
    expect(q.count[0]).toBe(1);
    expect(q.summary[0 * q.words1 + 2] & 1).toBe(1); // word 64 is in summary word 2, bit 0
    expect(takeWord(q, 0, 64)).toBe(1 << 22);
    expect(q.count[0]).toBe(0);
    expect(Array.from(q.summary.subarray(0, q.words1))).toEqual([0, 0, 0]);
  });

  it('widens the buckets rather than let keys alias when the span needs more than 64 slots', () => {
    const q = createNodeBuckets(10);
    resetBuckets(q, 10_000, 1);
    expect(q.mask + 1).toBe(64);
    expect(10_000 * q.inv + 3).toBeLessThanOrEqual(64);
  });

  it('takes the mean edge length as the bucket width, within 1 and 250 m', () => {
    const g = city(12, 3);
    const mean = g.stats!.totalLength / g.edgeCount;
    expect(bucketWidth(g)).toBeCloseTo(mean, 9);
    expect(mean).toBeGreaterThan(50);
  });

  it.each([
    ['the graph’s own width', 0],
    ['1 m buckets', 1],
    ['0.2 m buckets (every stub its own bucket)', 0.2],
    ['400 m buckets (many labels corrected)', 400],
    ['one bucket for everything', 1e9],
  ])('multiSourceDijkstra equals a binary-heap Dijkstra exactly with %s', (_label, width) => {
    const g = city(48, 11); // ≈ 2,300 nodes: three summary words
    const ws = createDijkstraWorkspace(g);
    if (width > 0) ws.bucketWidth = width;
    const idx = buildSegmentIndex(g);
    let s = 5;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (const nSources of [1, 7, 200]) {
      const pts = new Float64Array(2 * nSources);
      for (let i = 0; i < nSources; i++) {
        pts[2 * i] = 116 + rnd() * 0.047;
        pts[2 * i + 1] = 40 + rnd() * 0.037;
      }
      const snaps = snapPoints(g, idx, pts, 300);
      const seeds = new Map<number, number>();
      for (let i = 0; i < nSources; i++) {
        if (!snaps.ok[i]) continue;
        const e = snaps.edge[i], len = g.edgeLength[e];
        for (const [v, d] of [[g.edgeFrom[e], snaps.access[i] + snaps.t[i] * len], [g.edgeTo[e], snaps.access[i] + (1 - snaps.t[i]) * len]]) {
          if (d < (seeds.get(v) ?? Infinity)) seeds.set(v, d);
        }
      }
      const ref = reference(g, seeds);
      const run = multiSourceDijkstra(g, snaps, ws);
      expect(Array.from(run.dist)).toEqual(Array.from(ref));
      // every reached node's origin is a source that reaches it at exactly that distance
      for (let v = 0; v < g.nodeCount; v += 17) {
        if (ref[v] === Infinity) continue;
        const alone = multiSourceDijkstra(g, snaps, createDijkstraWorkspace(g), { sourceIds: [run.origin[v]] });
        expect(alone.dist[v]).toBe(ref[v]);
      }
      // a search stopped early leaves nodes queued: the next search on the workspace is still exact
      const stop = Int32Array.from([0, Math.floor(g.nodeCount / 2)]);
      const early = multiSourceDijkstra(g, snaps, ws, { stopWhenSettled: stop });
      for (const v of stop) expect(early.dist[v]).toBe(ref[v]);
      const cut = multiSourceDijkstra(g, snaps, ws, { cutoff: 800 });
      for (let v = 0; v < g.nodeCount; v++) expect(cut.dist[v]).toBe(ref[v] <= 800 ? ref[v] : Infinity);
    }
  });
});
