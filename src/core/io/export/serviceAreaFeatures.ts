import { circle } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/** The service area of one category as the analysis worker returns it (structural, no worker import). */
export interface ServiceAreaInput {
  categoryId: string;
  /** metres */
  threshold: number;
  /** Network mode: one MultiPolygon per threshold. */
  polygons: readonly Feature<MultiPolygon, object>[];
  /** Straight-line mode: facility points (lon, lat pairs) and the circle radius in metres. */
  circles: { positions: ArrayLike<number>; radius: number } | null;
}

/**
 * Service areas as GeoJSON for export: the network-mode polygons with `category`, `threshold`
 * (metres) and `mode: "network"` added; in straight-line mode one circle (48 steps) per facility
 * with `mode: "euclidean"` — circles are not merged (a union is too slow at city scale, DESIGN §7).
 */
export function serviceAreaFeatures(area: ServiceAreaInput): FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>> {
  const base = { category: area.categoryId, threshold: area.threshold };
  const features: Feature<Polygon | MultiPolygon, Record<string, unknown>>[] = area.polygons.map((f) => ({
    type: 'Feature',
    geometry: f.geometry,
    properties: { ...f.properties, ...base, mode: 'network' },
  }));
  const c = area.circles;
  if (c && c.radius > 0) {
    for (let i = 0; i + 1 < c.positions.length; i += 2) {
      const poly = circle([c.positions[i], c.positions[i + 1]], c.radius, { units: 'meters', steps: 48 });
      features.push({ type: 'Feature', geometry: poly.geometry, properties: { ...base, radius_m: c.radius, mode: 'euclidean' } });
    }
  }
  return { type: 'FeatureCollection', features };
}
