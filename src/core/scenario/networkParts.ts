import type { Feature, Geometry, Position } from 'geojson';
import { haversine } from '../network/haversine';
import { METRES_PER_DEGREE } from '../network/localFrame';

type F = Feature<Geometry | null, Record<string, unknown> | null>;

/** One line of the network layer (a LineString, or one part of a MultiLineString), editable. */
export interface Part {
  feature: number;
  /** index of the part in a MultiLineString, -1 for a LineString */
  part: number;
  coords: Position[];
}

/** The nearest segment found: its part, segment index (coords[s]–coords[s + 1]), the point on it and its distance (m). */
export interface SegmentHit {
  part: Part;
  /** index of the part in NetworkParts.parts */
  index: number;
  s: number;
  point: Position;
  t: number;
  d: number;
}

const RAD = Math.PI / 180;

/** Nearest point of segment a–b to p in a local metre frame around p: the point, its parameter and distance (m). */
export function nearestOnSegment(p: Position, a: Position, b: Position): { point: Position; t: number; d: number } {
  const kx = 111_320 * Math.cos((p[1] * Math.PI) / 180);
  const ky = 110_574;
  const ax = (a[0] - p[0]) * kx, ay = (a[1] - p[1]) * ky;
  const bx = (b[0] - p[0]) * kx, by = (b[1] - p[1]) * ky;
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  const point: Position = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
  return { point, t, d: haversine(p[0], p[1], point[0], point[1]) };
}

/** The walkable line parts of a network layer, in feature order. */
export function partsOf(features: readonly F[]): Part[] {
  const out: Part[] = [];
  features.forEach((f, i) => {
    const g = f?.geometry;
    const walkable = f?.properties?.walkable;
    if (walkable === false || walkable === 'false') return;
    if (g?.type === 'LineString') out.push({ feature: i, part: -1, coords: g.coordinates });
    else if (g?.type === 'MultiLineString') g.coordinates.forEach((c, j) => out.push({ feature: i, part: j, coords: c }));
  });
  return out;
}

/**
 * A uniform lon/lat grid over the segments (and lone vertices) of a network layer's parts, built
 * once per baseline layer and kept (WeakMap on its features array): the scenario editor's "what
 * is near this point" questions then look at a few cells instead of every vertex of the city.
 */
interface PartGrid {
  /** the layer's parts (shared: never changed; NetworkParts copies on write) */
  parts: readonly Part[];
  /** the coordinate arrays the grid was built from, per part (a part whose array changed is scanned in full) */
  coords: Position[][];
  minLon: number;
  minLat: number;
  /** cell size, degrees of longitude and of latitude */
  cellLon: number;
  cellLat: number;
  nx: number;
  ny: number;
  cellStart: Int32Array;
  /** per entry: part index and segment index (a lone vertex: segment 0 of a one-vertex part) */
  itemPart: Int32Array;
  itemSeg: Int32Array;
}

const gridCache = new WeakMap<readonly unknown[], PartGrid>();

function buildPartGrid(parts: readonly Part[]): PartGrid {
  // Three passes over the GeoJSON positions rather than copies of them: fresh memory is dear
  // (first touch of a page costs more than reading a line's coordinates again).
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity, total = 0;
  for (const p of parts) {
    const c = p.coords;
    total += c.length;
    for (let k = 0; k < c.length; k++) {
      const lon = c[k]?.[0], lat = c[k]?.[1];
      if (!(typeof lon === 'number' && typeof lat === 'number')) continue;
      if (lon < minLon) minLon = lon;
      if (lon > maxLon) maxLon = lon;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  }
  if (!(minLon <= maxLon)) minLon = maxLon = minLat = maxLat = 0;
  const cosLat = Math.max(0.01, Math.cos(((minLat + maxLat) / 2) * RAD));
  // about two segments per cell, never under ~50 m
  const wM = (maxLon - minLon) * METRES_PER_DEGREE * cosLat, hM = (maxLat - minLat) * METRES_PER_DEGREE;
  const cellM = Math.max(50, Math.sqrt((wM * hM) / Math.max(1, total / 2)));
  const cellLat = cellM / METRES_PER_DEGREE, cellLon = cellLat / cosLat;
  const nx = Math.floor((maxLon - minLon) / cellLon) + 1, ny = Math.floor((maxLat - minLat) / cellLat) + 1;
  const cellStart = new Int32Array(nx * ny + 1);
  let cursor: Int32Array | null = null, itemPart = new Int32Array(0), itemSeg = new Int32Array(0);
  // items: every segment, and the vertex of a one-vertex part; pass 0 counts, pass 1 fills
  for (let pass = 0; pass < 2; pass++) {
    for (let pi = 0; pi < parts.length; pi++) {
      const c = parts[pi].coords, n = c.length;
      for (let s = 0; s < Math.max(1, n - 1); s++) {
        const a = c[s], b = n > 1 ? c[s + 1] : a;
        const ax = a?.[0], ay = a?.[1], bx = b?.[0], by = b?.[1];
        if (!(typeof ax === 'number' && typeof ay === 'number' && typeof bx === 'number' && typeof by === 'number')) continue;
        if (!(Number.isFinite(ax) && Number.isFinite(ay) && Number.isFinite(bx) && Number.isFinite(by))) continue;
        const i0 = Math.floor(((ax < bx ? ax : bx) - minLon) / cellLon), i1 = Math.floor(((ax < bx ? bx : ax) - minLon) / cellLon);
        const j0 = Math.floor(((ay < by ? ay : by) - minLat) / cellLat), j1 = Math.floor(((ay < by ? by : ay) - minLat) / cellLat);
        for (let j = j0; j <= j1; j++) {
          for (let i = i0; i <= i1; i++) {
            if (cursor) {
              const at = cursor[j * nx + i]++;
              itemPart[at] = pi;
              itemSeg[at] = s;
            } else cellStart[j * nx + i + 1]++;
          }
        }
      }
    }
    if (pass === 0) {
      for (let k = 0; k < nx * ny; k++) cellStart[k + 1] += cellStart[k];
      cursor = cellStart.slice(0, nx * ny);
      itemPart = new Int32Array(cellStart[nx * ny]);
      itemSeg = new Int32Array(cellStart[nx * ny]);
    }
  }
  return { parts, coords: parts.map((p) => p.coords), minLon, minLat, cellLon, cellLat, nx, ny, cellStart, itemPart, itemSeg };
}

const KEY = 16_777_216;

/**
 * The network's parts as applyEdits edits them, with the questions attachEnd and closeSegment
 * ask: the nearest vertex, the nearest segment, and whether a segment exists twice. Answers are
 * those of a scan over every part in order (first of equals wins) — the grid of the baseline
 * layer only narrows which parts and segments are looked at; parts an edit changed or added are
 * always scanned in full. Without a grid (after a closure re-cut the lines) every query scans.
 */
export class NetworkParts {
  #parts: Part[];
  /** whether #parts is this object's own array (else the grid's, shared) */
  #own: boolean;
  readonly #grid: PartGrid | null;

  /**
   * @param features the working copy of the network layer's features
   * @param baseline the baseline layer's features array when `features` still holds exactly its
   *   features (the grid is cached on it); null after edits re-cut the lines
   */
  constructor(features: readonly F[], baseline: readonly F[] | null) {
    let grid: PartGrid | null = null;
    if (baseline && baseline.length === features.length && baseline.every((f, i) => f === features[i])) {
      grid = gridCache.get(baseline) ?? null;
      if (!grid) {
        grid = buildPartGrid(partsOf(features));
        gridCache.set(baseline, grid);
      }
    }
    this.#grid = grid;
    this.#parts = grid ? (grid.parts as Part[]) : partsOf(features);
    this.#own = !grid;
  }

  /** The parts, in layer order (edited ones replaced, new ones at the end). */
  get parts(): readonly Part[] {
    return this.#parts;
  }

  #owned(): Part[] {
    if (!this.#own) {
      this.#parts = this.#parts.slice();
      this.#own = true;
    }
    return this.#parts;
  }

  /** The part of `hit` with new coordinates (a vertex inserted). */
  replace(hit: SegmentHit, coords: Position[]): void {
    this.#owned()[hit.index] = { ...hit.part, coords };
  }

  /** A new line at the end. */
  add(part: Part): void {
    this.#owned().push(part);
  }

  /**
   * Keys part·2^24 + index of the segments (or vertices: `vertices`) of every part that may lie
   * within r metres of the box [lon0, lat0]–[lon1, lat1], ascending (the order of a full scan).
   */
  #candidates(lon0: number, lat0: number, lon1: number, lat1: number, r: number, vertices: boolean): number[] {
    const grid = this.#grid;
    const keys: number[] = [];
    const all = (pi: number) => {
      const n = this.parts[pi].coords.length;
      for (let s = 0; s < (vertices ? n : n - 1); s++) keys.push(pi * KEY + s);
    };
    if (!grid || !(r < Infinity)) {
      for (let pi = 0; pi < this.parts.length; pi++) all(pi);
      return keys;
    }
    // haversine ≥ R·|Δlat| and ≥ R·cos(lat)·|Δlon| near the poles' side: a generous box
    const dLat = (r * 1.5) / METRES_PER_DEGREE + 1e-9;
    const maxLat = Math.min(89, Math.max(Math.abs(lat0), Math.abs(lat1)) + dLat);
    const dLon = (r * 1.5) / (METRES_PER_DEGREE * Math.cos(maxLat * RAD)) + 1e-9;
    const x0 = lon0 - dLon, x1 = lon1 + dLon, y0 = lat0 - dLat, y1 = lat1 + dLat;
    const i0 = Math.max(0, Math.floor((x0 - grid.minLon) / grid.cellLon)), i1 = Math.min(grid.nx - 1, Math.floor((x1 - grid.minLon) / grid.cellLon));
    const j0 = Math.max(0, Math.floor((y0 - grid.minLat) / grid.cellLat)), j1 = Math.min(grid.ny - 1, Math.floor((y1 - grid.minLat) / grid.cellLat));
    const inBox = (c: Position) => c[0] >= x0 && c[0] <= x1 && c[1] >= y0 && c[1] <= y1;
    for (let j = j0; j <= j1; j++) {
      for (let i = i0; i <= i1; i++) {
        for (let q = grid.cellStart[j * grid.nx + i], end = grid.cellStart[j * grid.nx + i + 1]; q < end; q++) {
          const pi = grid.itemPart[q], s = grid.itemSeg[q];
          const c = this.parts[pi].coords;
          if (c !== grid.coords[pi]) continue; // changed: scanned in full below
          const a = c[s], b = c.length > 1 ? c[s + 1] : a;
          if (vertices) {
            if (inBox(a)) keys.push(pi * KEY + s);
            if (c.length > 1 && inBox(b)) keys.push(pi * KEY + s + 1);
          } else if (c.length > 1 && Math.max(a[0], b[0]) >= x0 && Math.min(a[0], b[0]) <= x1 && Math.max(a[1], b[1]) >= y0 && Math.min(a[1], b[1]) <= y1) {
            keys.push(pi * KEY + s);
          }
        }
      }
    }
    for (let pi = 0; pi < this.parts.length; pi++) if (pi >= grid.coords.length || this.parts[pi].coords !== grid.coords[pi]) all(pi);
    keys.sort((x, y) => x - y);
    let n = 0;
    for (let k = 0; k < keys.length; k++) if (k === 0 || keys[k] !== keys[k - 1]) keys[n++] = keys[k];
    keys.length = n;
    return keys;
  }

  /** The nearest vertex to p when it is within r metres (first of equals in part order), else null. */
  nearestVertex(p: Position, r: number): { point: Position; d: number } | null {
    let best: { point: Position; d: number } | null = null;
    for (const key of this.#candidates(p[0], p[1], p[0], p[1], r, true)) {
      const v = this.parts[Math.floor(key / KEY)].coords[key % KEY];
      const d = haversine(p[0], p[1], v[0], v[1]);
      if (!best || d < best.d) best = { point: v, d };
    }
    return best && best.d <= r ? best : null;
  }

  /** The nearest segment to p when it is within r metres (first of equals in part order), else null. */
  nearestSegment(p: Position, r: number): SegmentHit | null {
    let best: SegmentHit | null = null;
    for (const key of this.#candidates(p[0], p[1], p[0], p[1], r, false)) {
      const index = Math.floor(key / KEY), s = key % KEY;
      const part = this.parts[index];
      const hit = nearestOnSegment(p, part.coords[s], part.coords[s + 1]);
      if (!best || hit.d < best.d) best = { part, index, s, ...hit };
    }
    return best && best.d <= r ? best : null;
  }

  /**
   * Whether another segment of the network joins the same two nodes as segment s of `part`
   * (ends equal after rounding to 7 decimals, either way round): the walking graph then keeps
   * that edge even when this segment is split.
   */
  hasCopy(part: Part, s: number): boolean {
    const a = part.coords[s], b = part.coords[s + 1];
    const k = (c: Position) => `${Math.round(c[0] * 1e7)},${Math.round(c[1] * 1e7)}`;
    const ka = k(a), kb = k(b);
    const lon0 = Math.min(a[0], b[0]), lon1 = Math.max(a[0], b[0]), lat0 = Math.min(a[1], b[1]), lat1 = Math.max(a[1], b[1]);
    for (const key of this.#candidates(lon0, lat0, lon1, lat1, 1, false)) {
      const q = this.parts[Math.floor(key / KEY)], t = key % KEY;
      if (q === part && t === s) continue;
      const c = k(q.coords[t]), d = k(q.coords[t + 1]);
      if ((c === ka && d === kb) || (c === kb && d === ka)) return true;
    }
    return false;
  }
}
