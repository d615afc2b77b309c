import { area as turfArea } from '@turf/turf';
import type { Feature, Geometry, GeoJsonProperties, Position } from 'geojson';
import { METRES_PER_DEGREE } from '../../network/localFrame';
import { representativePoint } from './representativePoint';

type Features = { features: ReadonlyArray<Feature<Geometry | null, GeoJsonProperties> | null | undefined> };

export interface PolygonGridSampleOptions {
  /** Grid spacing in metres. @default 20 */
  cellSize?: number;
  /** The spacing grows (for all polygons alike) until there are at most about this many samples. @default 250,000 */
  maxSamples?: number;
}

/** Evenly spaced points inside each polygon, standing for equal shares of its area. */
export interface PolygonGridSamples {
  /** lon, lat interleaved */
  points: Float64Array;
  /** samples of feature i: offsets[i] ≤ s < offsets[i+1] */
  offsets: Int32Array;
  /** m² per feature (Turf `area`); 0 for points and missing geometry */
  area: Float64Array;
  /** grid spacing actually used, metres */
  cellSize: number;
}

const RAD = Math.PI / 180;

/**
 * Samples every (Multi)Polygon on a square grid of `cellSize` metres (cell centres inside the
 * polygon, even–odd rule over all rings so holes are left out), in a frame local to each
 * polygon. A polygon too small or thin to hold a cell centre gets its representative point, so
 * every polygon with an area has at least one sample; each sample stands for area / samples m².
 * Points and missing geometries get no samples and area 0.
 */
export function polygonGridSamples(features: Features, options: PolygonGridSampleOptions = {}): PolygonGridSamples {
  let cell = options.cellSize ?? 20;
  const maxSamples = options.maxSamples ?? 250_000;
  if (!(cell > 0) || !(maxSamples >= 1)) throw new Error(`polygonGridSamples: cellSize must be > 0 m and maxSamples ≥ 1 (got ${cell}, ${maxSamples})`);
  const feats = features.features;
  const n = feats.length;
  const area = new Float64Array(n);
  const boxes = new Float64Array(4 * n).fill(NaN);
  let boxArea = 0;
  for (let i = 0; i < n; i++) {
    const g = feats[i]?.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    const a = turfArea(g);
    area[i] = Number.isFinite(a) ? a : 0;
    let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
    forEachRing(g.type === 'Polygon' ? [g.coordinates] : g.coordinates, (ring) => {
      for (const q of ring) {
        if (q[0] < minLon) minLon = q[0];
        if (q[0] > maxLon) maxLon = q[0];
        if (q[1] < minLat) minLat = q[1];
        if (q[1] > maxLat) maxLat = q[1];
      }
    });
    if (!(minLon <= maxLon && minLat <= maxLat)) continue;
    boxes.set([minLon, minLat, maxLon, maxLat], 4 * i);
    const kx = METRES_PER_DEGREE * Math.cos(((minLat + maxLat) / 2) * RAD);
    boxArea += (maxLon - minLon) * kx * (maxLat - minLat) * METRES_PER_DEGREE;
  }
  if (boxArea / (cell * cell) > maxSamples) cell = Math.sqrt(boxArea / maxSamples) * 1.001;

  const points: number[] = [];
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const minLon = boxes[4 * i];
    if (Number.isFinite(minLon)) {
      const g = feats[i]!.geometry as Geometry & { type: 'Polygon' | 'MultiPolygon' };
      const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      const minLat = boxes[4 * i + 1], maxLon = boxes[4 * i + 2], maxLat = boxes[4 * i + 3];
      const dLat = cell / METRES_PER_DEGREE;
      const dLon = cell / (METRES_PER_DEGREE * Math.cos(((minLat + maxLat) / 2) * RAD));
      const before = points.length;
      for (let lat = minLat + dLat / 2; lat < maxLat; lat += dLat) {
        for (let lon = minLon + dLon / 2; lon < maxLon; lon += dLon) {
          if (insideEvenOdd(polys, lon, lat)) points.push(lon, lat);
        }
      }
      if (points.length === before && area[i] > 0) {
        const rep = representativePoint(g);
        if (rep) points.push(rep[0], rep[1]);
      }
    }
    offsets[i + 1] = points.length >> 1;
  }
  return { points: Float64Array.from(points), offsets, area, cellSize: cell };
}

function forEachRing(polys: Position[][][], fn: (ring: Position[]) => void): void {
  for (const rings of polys) for (const ring of rings) fn(ring);
}

/** Even–odd ray casting over every ring of every polygon. */
function insideEvenOdd(polys: Position[][][], x: number, y: number): boolean {
  let inside = false;
  for (const rings of polys) {
    for (const ring of rings) {
      for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
        const ya = ring[a][1], yb = ring[b][1];
        if (ya > y !== yb > y) {
          const xa = ring[a][0], xb = ring[b][0];
          if (x < xa + ((y - ya) * (xb - xa)) / (yb - ya)) inside = !inside;
        }
      }
    }
  }
  return inside;
}
