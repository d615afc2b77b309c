/**
 * Community gates (出入口): planners measure walking distance from a compound's
 * gates, not from its centroid, which in a 300 m superblock lies 150 m from any
 * street. Gates sit on the fence where it faces a street, on the longest
 * street-facing sides; big compounds get a main gate and one or two side gates.
 */
import { dist, lerp, ringArea, type XY } from './geometry';
import type { StreetKind } from './layout';
import type { EdgeProps } from './networkBuilder';
import type { Rng } from './random';

/** A run of nearly collinear fence edges along one street. */
interface FenceSide {
  points: XY[];
  length: number;
  kind: StreetKind;
}

/** Gates rather face a side street than a main road, and rather a street than a footpath. */
const KIND_PREFERENCE: Record<StreetKind, number> = { secondary: 1, lane: 1, main: 0.85, footpath: 0.75 };

/** Consecutive edges turning by less than this (radians, ~25°) belong to one side. */
const MAX_TURN = 0.44;

/** Sides shorter than this (metres) get a gate only when the compound has no longer one. */
const MIN_SIDE_M = 30;

/** Two gates of one compound are at least this far apart (metres). */
const MIN_GATE_SPACING_M = 90;

/**
 * How many gates a compound of this fenced area gets: 1 below 1 ha, 1–2 up to
 * 2.5 ha, 2 up to 5 ha, 3 from 5 ha (a 2 × 2-cell new compound, ~280 m across).
 * @param area m² of the inset ring
 */
export function entranceCount(area: number, rng: Rng): number {
  if (area < 10_000) return 1;
  if (area < 25_000) return rng.chance(0.6) ? 2 : 1;
  if (area < 50_000) return 2;
  return 3;
}

/**
 * Places up to `count` gates on a counter-clockwise fence ring (logical metres).
 * Every fence edge runs parallel to a street: `props[k]` is the street in front of
 * ring[k] → ring[k + 1]. The first gate goes on the best side (length × street
 * preference), further gates on other sides at least 90 m from earlier gates.
 * @returns gate points on the ring, 1 ≤ length ≤ count
 */
export function placeEntrances(ring: readonly XY[], props: readonly EdgeProps[], count: number, rng: Rng): XY[] {
  if (ring.length < 3 || ringArea(ring) <= 0) throw new Error('placeEntrances: the fence must be a counter-clockwise ring of 3 or more points');
  if (props.length !== ring.length) throw new Error(`placeEntrances: ${props.length} street properties for ${ring.length} fence edges`);
  const sides = fenceSides(ring, props);
  const score = (s: FenceSide): number => s.length * KIND_PREFERENCE[s.kind];
  const ranked = sides.map((s, k) => ({ s, k, score: score(s) })).sort((a, b) => b.score - a.score || a.k - b.k);
  const usable = ranked.filter((r) => r.s.length >= MIN_SIDE_M);
  const candidates = usable.length > 0 ? usable : ranked.slice(0, 1);
  const gates: XY[] = [];
  for (const { s } of candidates) {
    if (gates.length >= count) break;
    const gate = pointAlong(s.points, s.length * rng.range(0.35, 0.65));
    if (gates.every((g) => dist(g, gate) >= MIN_GATE_SPACING_M)) gates.push(gate);
  }
  return gates;
}

/** Groups the ring's edges into sides: same street properties, turning less than ~25°. */
function fenceSides(ring: readonly XY[], props: readonly EdgeProps[]): FenceSide[] {
  const n = ring.length;
  const edge = (k: number): [XY, XY] => [ring[k % n] as XY, ring[(k + 1) % n] as XY];
  const continues = (k: number): boolean => {
    // does edge k carry on from edge k − 1?
    const p = props[(k - 1 + n) % n] as EdgeProps;
    const q = props[k % n] as EdgeProps;
    if (p.kind !== q.kind || p.name !== q.name) return false;
    const [a, b] = edge((k - 1 + n) % n);
    const [, c] = edge(k % n);
    const turn = Math.abs(Math.atan2((b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]), (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1])));
    return turn < MAX_TURN;
  };
  let start = 0;
  while (start < n && continues(start)) start++;
  if (start === n) start = 0; // a ring that never breaks (not met in the demo): one side
  const sides: FenceSide[] = [];
  for (let m = 0; m < n; m++) {
    const k = (start + m) % n;
    const [a, b] = edge(k);
    const last = sides[sides.length - 1];
    if (m > 0 && last && continues(k)) {
      last.points.push(b);
      last.length += dist(a, b);
    } else {
      sides.push({ points: [a, b], length: dist(a, b), kind: (props[k] as EdgeProps).kind });
    }
  }
  return sides;
}

/** The point `s` metres along a polyline (clamped to its ends). */
function pointAlong(points: readonly XY[], s: number): XY {
  let left = s;
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k] as XY;
    const b = points[k + 1] as XY;
    const len = dist(a, b);
    if (left <= len) return lerp(a, b, len === 0 ? 0 : left / len);
    left -= len;
  }
  return points[points.length - 1] as XY;
}
