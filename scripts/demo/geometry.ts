/**
 * Plane geometry for the demo generator. The town is laid out in a "logical"
 * metre frame (x east, y north, origin at the south-west corner of the bbox),
 * then bent by a gentle smooth warp so streets curve, then turned into WGS84.
 */

import { EARTH_RADIUS_M } from '../../src/core/network';

export type XY = [number, number];

const ORIGIN_LON = 115.6;
const ORIGIN_LAT = 33.2;
const MID_LAT = 33.2225;
const M_PER_DEG_LAT = (EARTH_RADIUS_M * Math.PI) / 180;
const M_PER_DEG_LON = M_PER_DEG_LAT * Math.cos((MID_LAT * Math.PI) / 180);

/**
 * Smooth displacement (at most ~55 m in x, ~60 m in y). Its derivatives stay
 * below 0.1, so the map is one-to-one: lines that do not cross in the logical
 * frame do not cross after warping.
 */
export function warp(x: number, y: number): XY {
  const dx = 35 * Math.sin((2 * Math.PI * y) / 4200 + 0.7) + 20 * Math.sin((2 * Math.PI * (x + y)) / 3100 + 1.3);
  const dy = 45 * Math.sin((2 * Math.PI * x) / 3800 + 0.4) + 15 * Math.sin((2 * Math.PI * (x - y)) / 2600 + 2.1);
  return [x + dx, y + dy];
}

/** Rounds to 6 decimals (~0.1 m), the precision of every output coordinate. */
export function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** Logical metres → warped → WGS84 [lon, lat], rounded to 6 decimals. */
export function toLonLat(p: XY): XY {
  const [wx, wy] = warp(p[0], p[1]);
  return [round6(ORIGIN_LON + wx / M_PER_DEG_LON), round6(ORIGIN_LAT + wy / M_PER_DEG_LAT)];
}

export function lerp(a: XY, b: XY, t: number): XY {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

/** Bilinear point of the quad p00, p10, p11, p01 at (u, v) in [0, 1]². */
export function bilinear(p00: XY, p10: XY, p11: XY, p01: XY, u: number, v: number): XY {
  const a = (1 - u) * (1 - v);
  const b = u * (1 - v);
  const c = u * v;
  const d = (1 - u) * v;
  return [a * p00[0] + b * p10[0] + c * p11[0] + d * p01[0], a * p00[1] + b * p10[1] + c * p11[1] + d * p01[1]];
}

export function dist(a: XY, b: XY): number {
  return Math.hypot(b[0] - a[0], b[1] - a[1]);
}

/** Signed shoelace area (m²) of an open ring; positive when counter-clockwise. */
export function ringArea(ring: readonly XY[]): number {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i] as XY;
    const q = ring[(i + 1) % ring.length] as XY;
    s += p[0] * q[1] - q[0] * p[1];
  }
  return s / 2;
}

export function ringCentroid(ring: readonly XY[]): XY {
  let x = 0;
  let y = 0;
  for (const p of ring) {
    x += p[0];
    y += p[1];
  }
  return [x / ring.length, y / ring.length];
}

/**
 * Moves every edge of a counter-clockwise open ring inwards by its own distance
 * (metres; `dists[i]` belongs to the edge ring[i] → ring[i+1]) and returns the
 * ring of the offset lines' intersections. Nearly collinear neighbours fall back
 * to offsetting the shared vertex. Returns null when the result is not a simple
 * counter-clockwise ring (the block was too small for the setbacks).
 */
export function insetRing(ring: readonly XY[], dists: readonly number[]): XY[] | null {
  const n = ring.length;
  const lines: { p: XY; d: XY }[] = [];
  for (let i = 0; i < n; i++) {
    const a = ring[i] as XY;
    const b = ring[(i + 1) % n] as XY;
    const len = dist(a, b);
    const d: XY = [(b[0] - a[0]) / len, (b[1] - a[1]) / len];
    const normal: XY = [-d[1], d[0]]; // left of the edge = inside for CCW
    const off = dists[i] as number;
    lines.push({ p: [a[0] + normal[0] * off, a[1] + normal[1] * off], d });
  }
  const out: XY[] = [];
  for (let i = 0; i < n; i++) {
    const l1 = lines[(i - 1 + n) % n] as { p: XY; d: XY };
    const l2 = lines[i] as { p: XY; d: XY };
    const cross = l1.d[0] * l2.d[1] - l1.d[1] * l2.d[0];
    if (Math.abs(cross) < 0.05) {
      // nearly straight through the vertex: both offset points are close; average them
      const v = ring[i] as XY;
      const o1 = dists[(i - 1 + n) % n] as number;
      const o2 = dists[i] as number;
      const nx = (-l1.d[1] * o1 - l2.d[1] * o2) / 2;
      const ny = (l1.d[0] * o1 + l2.d[0] * o2) / 2;
      out.push([v[0] + nx, v[1] + ny]);
      continue;
    }
    const t = ((l2.p[0] - l1.p[0]) * l2.d[1] - (l2.p[1] - l1.p[1]) * l2.d[0]) / cross;
    out.push([l1.p[0] + l1.d[0] * t, l1.p[1] + l1.d[1] * t]);
  }
  if (ringArea(out) <= 0 || !isSimpleRing(out)) return null;
  // an inset edge that flipped direction means the setbacks ate that side
  for (let i = 0; i < n; i++) {
    const a = out[i] as XY;
    const b = out[(i + 1) % n] as XY;
    const d = (lines[i] as { d: XY }).d;
    if ((b[0] - a[0]) * d[0] + (b[1] - a[1]) * d[1] <= 0) return null;
  }
  return out;
}

/** Scales a ring about its centroid by factor s. */
export function scaleRing(ring: readonly XY[], s: number): XY[] {
  const c = ringCentroid(ring);
  return ring.map((p) => [c[0] + (p[0] - c[0]) * s, c[1] + (p[1] - c[1]) * s] as XY);
}

/** Inserts points so that no piece is longer than maxLen metres (open polyline). */
export function densify(points: readonly XY[], maxLen: number): XY[] {
  const out: XY[] = [];
  for (let i = 0; i < points.length; i++) {
    const a = points[i] as XY;
    out.push(a);
    if (i === points.length - 1) break;
    const b = points[i + 1] as XY;
    const pieces = Math.ceil(dist(a, b) / maxLen);
    for (let k = 1; k < pieces; k++) out.push(lerp(a, b, k / pieces));
  }
  return out;
}

/** Densifies a closed ring (given open) and returns it open. */
export function densifyRing(ring: readonly XY[], maxLen: number): XY[] {
  const closed = densify([...ring, ring[0] as XY], maxLen);
  closed.pop();
  return closed;
}

/** True when segments ab and cd cross at a point interior to both. */
export function segmentsCross(a: XY, b: XY, c: XY, d: XY): boolean {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

function orient(a: XY, b: XY, c: XY): number {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

/** True when no two non-adjacent edges of the open ring cross. */
export function isSimpleRing(ring: readonly XY[]): boolean {
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (segmentsCross(ring[i] as XY, ring[(i + 1) % n] as XY, ring[j] as XY, ring[(j + 1) % n] as XY)) return false;
    }
  }
  return true;
}

/** Distance (metres) from p to segment ab. */
export function pointSegmentDistance(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}
