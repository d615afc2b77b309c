import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { buildGraph } from '../../src/core/network/buildGraph';
import { buildSegmentIndex } from '../../src/core/network/buildSegmentIndex';
import { snapPoints } from '../../src/core/network/snapPoints';
import { createDijkstraWorkspace, multiSourceDijkstra } from '../../src/core/network/multiSourceDijkstra';
import { distancesAtSnaps } from '../../src/core/network/distancesAtSnaps';
import { haversine } from '../../src/core/network/haversine';
import { walkingRoute } from '../../src/core/network/walkingRoute';
import type { WalkGraph } from '../../src/core/network/graph';
import { nearestPointOnLine } from '@turf/turf';

// One degree along the equator or a meridian: M = 6,371,008.8 · π / 180 = 111,195.0802 m.
const M = (6371008.8 * Math.PI) / 180;

function line(coords: number[][]): Feature<Geometry> {
  return { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } };
}
function fc(...features: Feature<Geometry>[]): FeatureCollection<Geometry> {
  return { type: 'FeatureCollection', features };
}
/** network distance from each target point to the nearest of the source points */
function networkDistances(g: WalkGraph, sources: number[][], targets: number[][], maxSnap = 300): Float64Array {
  const idx = buildSegmentIndex(g);
  const fs = snapPoints(g, idx, Float64Array.from(sources.flat()), maxSnap);
  const cs = snapPoints(g, idx, Float64Array.from(targets.flat()), maxSnap);
  const run = multiSourceDijkstra(g, fs, createDijkstraWorkspace(g));
  return distancesAtSnaps(g, run, cs, fs).distance;
}

describe('snapPoints', () => {
  const g = buildGraph(fc(line([[0, 0], [0.001, 0], [0.002, 0]])));
  const idx = buildSegmentIndex(g);

  it('finds the nearest point on the nearest segment, its fraction and the access leg', () => {
    // (0.0015, -0.0002) drops onto (0.0015, 0): access = 0.0002° of meridian = 22.239 m,
    // halfway along the edge (0.001,0)–(0.002,0)
    const s = snapPoints(g, idx, Float64Array.of(0.0015, -0.0002));
    expect(s.ok[0]).toBe(1);
    expect(s.access[0]).toBeCloseTo(0.0002 * M, 6);
    const e = s.edge[0];
    const fromLon = g.coords[2 * g.edgeFrom[e]];
    expect(fromLon === 0.001 || fromLon === 0.002).toBe(true);
    expect(s.t[0]).toBeCloseTo(0.5, 9);
    expect(s.snapLonLat[0]).toBeCloseTo(0.0015, 12);
    expect(s.snapLonLat[1]).toBeCloseTo(0, 12);
  });

  it('snaps beyond the end of a street to the end vertex', () => {
    // (0.003, 0.0001): nearest point is the end (0.002, 0); access = hypot(0.001, 0.0001)° ≈ 0.0010050° = 111.752 m
    const s = snapPoints(g, idx, Float64Array.of(0.003, 0.0001));
    expect(s.access[0]).toBeCloseTo(haversine(0.003, 0.0001, 0.002, 0), 6);
    expect(s.access[0]).toBeCloseTo(Math.hypot(0.001, 0.0001) * M, 3);
  });

  it('flags points farther than maxSnap, never drops them, and reports how far they are', () => {
    // 0.003° north = 333.585 m > 300 m; 0.0025° = 277.988 m ≤ 300 m
    const s = snapPoints(g, idx, Float64Array.of(0.001, 0.003, 0.001, 0.0025, NaN, 0), 300);
    expect(s.count).toBe(3);
    expect(s.ok[0]).toBe(0);
    expect(s.access[0]).toBeCloseTo(0.003 * M, 6);
    expect(s.ok[1]).toBe(1);
    expect(s.access[1]).toBeCloseTo(0.0025 * M, 6);
    expect(s.ok[2]).toBe(0);
    expect(s.edge[2]).toBe(-1);
  });

  it('agrees with Turf nearestPointOnLine (spherical) on a random street set', () => {
    let seed = 5;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const lines = Array.from({ length: 150 }, () => {
      const x = 116.3 + rnd() * 0.05, y = 39.9 + rnd() * 0.05;
      return [[x, y], [x + (rnd() - 0.5) * 0.006, y + (rnd() - 0.5) * 0.006]];
    });
    const g2 = buildGraph(fc(...lines.map((c) => line(c))));
    const pts = Float64Array.from({ length: 400 }, (_, i) => (i % 2 ? 39.9 : 116.3) + rnd() * 0.05);
    const s = snapPoints(g2, buildSegmentIndex(g2), pts, Infinity);
    const multi = { type: 'Feature' as const, properties: {}, geometry: { type: 'MultiLineString' as const, coordinates: lines } };
    for (let i = 0; i < 200; i++) {
      const turfM = nearestPointOnLine(multi, [pts[2 * i], pts[2 * i + 1]], { units: 'meters' }).properties.dist;
      expect(Math.abs(s.access[i] - turfM)).toBeLessThan(0.01); // centimetres over hundreds of metres
    }
  });

  it('finds a far segment exactly even when the nearest box is a long diagonal', () => {
    // a long diagonal whose box contains the point but which passes 0.00707° away, and a short
    // street 0.002° south of the point: the short street wins
    const g2 = buildGraph(fc(line([[0, 0], [0.02, 0.02]]), line([[0.014, 0.004], [0.016, 0.004]])));
    const s = snapPoints(g2, buildSegmentIndex(g2), Float64Array.of(0.015, 0.006));
    expect(s.access[0]).toBeCloseTo(0.002 * M, 3);
  });
});

describe('network distance (DESIGN §4)', () => {
  it('a straight street: access + along the street + access', () => {
    // facility (0.0005, 0.0001): access 0.0001°; community (0.0015, -0.0002): access 0.0002°;
    // along the street 0.0015 − 0.0005 = 0.001°. Total 0.0013° · M = 144.5536 m
    const g = buildGraph(fc(line([[0, 0], [0.001, 0], [0.002, 0]])));
    const d = networkDistances(g, [[0.0005, 0.0001]], [[0.0015, -0.0002]]);
    expect(d[0]).toBeCloseTo(0.0013 * M, 5);
  });

  it('two points on the same segment use the direct along-segment distance', () => {
    // one 0.002° edge; community at 0.0005, facility at 0.0015, both 0.00001° off the street.
    // direct: 0.00001 + 0.001 + 0.00001 = 0.00102° = 113.419 m; via either end it would be 0.00202°.
    const g = buildGraph(fc(line([[0, 0], [0.002, 0]])));
    const d = networkDistances(g, [[0.0015, 0.00001]], [[0.0005, -0.00001]]);
    expect(d[0]).toBeCloseTo(0.00102 * M, 5);
    // two facilities on the edge: the nearer one counts (0.0007: 0.00001 + 0.0002 + 0.00001 = 0.00022°)
    const d2 = networkDistances(g, [[0.0015, 0.00001], [0.0007, 0.00001]], [[0.0005, -0.00001]]);
    expect(d2[0]).toBeCloseTo(0.00022 * M, 5);
  });

  it('a crossing without a shared vertex does not connect; with one it does', () => {
    const community = [[0.00001, 0.0009]]; // 0.00001° east of the meridian street
    const facility = [[0.0009, 0.00001]]; // 0.00001° north of the equator street
    const crossing = buildGraph(fc(line([[0, -0.001], [0, 0.001]]), line([[-0.001, 0], [0.001, 0]])));
    expect(networkDistances(crossing, facility, community)[0]).toBe(Infinity);
    // shared vertex (0,0): 0.00001 + 0.0009 (down the meridian) + 0.0009 (along the equator) + 0.00001 = 0.00182°
    const joined = buildGraph(fc(line([[0, -0.001], [0, 0], [0, 0.001]]), line([[-0.001, 0], [0, 0], [0.001, 0]])));
    expect(networkDistances(joined, facility, community)[0]).toBeCloseTo(0.00182 * M, 4);
  });

  it('a bridge over a street is reached only from its ends', () => {
    // street B along the equator −0.002 … 0.002 (no vertex at 0); bridge A along lon 0 from −0.001
    // to 0.001 with a vertex at (0,0) lying on B; connector C from A's north end east and down to B's end.
    const g = buildGraph(fc(
      line([[-0.002, 0], [0.002, 0]]),
      line([[0, -0.001], [0, 0], [0, 0.001]]),
      line([[0, 0.001], [0.002, 0.001], [0.002, 0]]),
    ));
    expect(g.componentCount).toBe(1);
    // community on B at lon −0.0005 (0.00002° south), facility on A at lat −0.0005 (0.00002° east).
    // Path: B east to 0.002 (0.0025°), C up (0.001°), C west along lat 0.001 (0.002°·cos 0.001° ≈ 0.002°),
    // A down from 0.001 to −0.0005 (0.0015°); plus two 0.00002° legs: 0.00704° = 782.81 m
    const d = networkDistances(g, [[0.00002, -0.0005]], [[-0.0005, -0.00002]]);
    expect(d[0]).toBeCloseTo(0.00704 * M, 3);
  });

  it('an island component is unreachable (Infinity), not an error', () => {
    const g = buildGraph(fc(line([[0, 0], [0.001, 0]]), line([[0.01, 0], [0.011, 0]])));
    const d = networkDistances(g, [[0.0005, 0.0001]], [[0.0105, 0.0001], [0.0002, 0.0001]]);
    expect(d[0]).toBe(Infinity);
    // the community on the mainland: 0.0001 + 0.0003 + 0.0001 = 0.0005° (same edge)
    expect(d[1]).toBeCloseTo(0.0005 * M, 5);
  });

  it('a facility beyond maxSnap is not a source', () => {
    const g = buildGraph(fc(line([[0, 0], [0.002, 0]])));
    // facility 0.003° = 333.6 m north of the street: unreachable; community then has no facility
    const d = networkDistances(g, [[0.001, 0.003]], [[0.0005, 0.0001]], 300);
    expect(d[0]).toBe(Infinity);
    // with maxSnap 400 m it counts: 0.0001 + 0.0005 + 0.003 = 0.0036°
    const d2 = networkDistances(g, [[0.001, 0.003]], [[0.0005, 0.0001]], 400);
    expect(d2[0]).toBeCloseTo(0.0036 * M, 4);
  });

  it('the nearest of several facilities wins, and the cutoff turns farther results into Infinity', () => {
    const g = buildGraph(fc(line([[0, 0], [0.001, 0], [0.002, 0], [0.003, 0], [0.004, 0]])));
    const idx = buildSegmentIndex(g);
    const fs = snapPoints(g, idx, Float64Array.of(0, 0, 0.004, 0)); // facilities on the two ends
    const cs = snapPoints(g, idx, Float64Array.of(0.0011, 0, 0.003, 0));
    const ws = createDijkstraWorkspace(g);
    const run = multiSourceDijkstra(g, fs, ws);
    const { distance, source } = distancesAtSnaps(g, run, cs, fs);
    expect(distance[0]).toBeCloseTo(0.0011 * M, 6); // from the west end
    expect(source[0]).toBe(0);
    expect(distance[1]).toBeCloseTo(0.001 * M, 6); // from the east end
    expect(source[1]).toBe(1);
    // cutoff 115 m: 0.0011° = 122.3 m is beyond, 0.001° = 111.2 m is within
    const cut = multiSourceDijkstra(g, fs, ws, { cutoff: 115 });
    const dc = distancesAtSnaps(g, cut, cs, fs, { cutoff: 115 }).distance;
    expect(dc[0]).toBe(Infinity);
    expect(dc[1]).toBeCloseTo(0.001 * M, 6);
    // only the west facility as a source
    const west = multiSourceDijkstra(g, fs, ws, { sourceIds: [0] });
    expect(distancesAtSnaps(g, west, cs, fs, { sourceIds: [0] }).distance[1]).toBeCloseTo(0.003 * M, 6);
  });

  it('equals a plain O(n²) Dijkstra on a random network with short and long edges', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const feats: Feature<Geometry>[] = [];
    const pts: number[][] = [];
    for (let i = 0; i < 300; i++) pts.push([rnd() * 0.02, rnd() * 0.02]);
    for (let i = 0; i < 300; i++) {
      // join each point to its 3 nearest others
      const near = pts.map((p, j) => [Math.hypot(p[0] - pts[i][0], p[1] - pts[i][1]), j]).sort((a, b) => a[0] - b[0]);
      for (let k = 1; k <= 3; k++) feats.push(line([pts[i], pts[near[k][1]]]));
      // tiny edges (< 1 m bucket) exercise the label-correcting path
      feats.push(line([pts[i], [pts[i][0] + 0.000003, pts[i][1]]]));
    }
    const g = buildGraph(fc(...feats));
    const sources = [[0.005, 0.005], [0.015, 0.012], [0.002, 0.018]];
    const fs = snapPoints(g, buildSegmentIndex(g), Float64Array.from(sources.flat()), 5000);
    const run = multiSourceDijkstra(g, fs, createDijkstraWorkspace(g));
    // reference: textbook Dijkstra over the same seeds
    const ref = new Float64Array(g.nodeCount).fill(Infinity);
    const done = new Uint8Array(g.nodeCount);
    for (let s = 0; s < fs.count; s++) {
      const e = fs.edge[s], len = g.edgeLength[e];
      ref[g.edgeFrom[e]] = Math.min(ref[g.edgeFrom[e]], fs.access[s] + fs.t[s] * len);
      ref[g.edgeTo[e]] = Math.min(ref[g.edgeTo[e]], fs.access[s] + (1 - fs.t[s]) * len);
    }
    for (;;) {
      let v = -1;
      for (let i = 0; i < g.nodeCount; i++) if (!done[i] && ref[i] < Infinity && (v === -1 || ref[i] < ref[v])) v = i;
      if (v === -1) break;
      done[v] = 1;
      for (let a = g.offsets[v]; a < g.offsets[v + 1]; a++) ref[g.targets[a]] = Math.min(ref[g.targets[a]], ref[v] + g.arcLength[a]);
    }
    let reached = 0;
    for (let i = 0; i < g.nodeCount; i++) {
      if (ref[i] === Infinity) expect(run.dist[i]).toBe(Infinity);
      else {
        reached++;
        expect(Math.abs(run.dist[i] - ref[i])).toBeLessThan(1e-9);
      }
    }
    expect(reached).toBeGreaterThan(g.nodeCount / 2);
  });

  it('walkingRoute follows the search back to the facility', () => {
    // an L: along the equator 0 → 0.002, then north along lon 0.002 to 0.002
    const g = buildGraph(fc(line([[0, 0], [0.001, 0], [0.002, 0], [0.002, 0.001], [0.002, 0.002]])));
    const idx = buildSegmentIndex(g);
    const fs = snapPoints(g, idx, Float64Array.of(0.0021, 0.0015)); // on the north leg at lat 0.0015
    const cs = snapPoints(g, idx, Float64Array.of(0.0005, -0.0001)); // on the first edge at lon 0.0005
    const run = multiSourceDijkstra(g, fs, createDijkstraWorkspace(g), { trackPaths: true });
    const route = walkingRoute(g, run, cs, 0, fs)!;
    // 0.0001 + 0.0015 (to the corner) + 0.0015 (up) + 0.0001 = 0.0032°
    expect(route.distance).toBeCloseTo(0.0032 * M, 5);
    expect(route.distance).toBeCloseTo(distancesAtSnaps(g, run, cs, fs).distance[0], 9);
    const r = route.coordinates.map(([x, y]) => [Number(x.toFixed(7)), Number(y.toFixed(7))]);
    expect(r).toEqual([[0.0005, 0], [0.001, 0], [0.002, 0], [0.002, 0.001], [0.002, 0.0015]]);
  });
});
