import { centroid } from '@turf/turf';
import type { FeatureCollection, Point } from 'geojson';
import type { LayerFeatures } from '../store/layersSlice';

const cache = new WeakMap<LayerFeatures, FeatureCollection<Point>>();

/** One label point (the centroid) per named feature, for MapLibre's symbol layer. */
export function labelPoints(fc: LayerFeatures): FeatureCollection<Point> {
  const hit = cache.get(fc);
  if (hit) return hit;
  const features = fc.features
    .filter((f) => f.geometry && f.properties.name)
    .map((f) => ({ type: 'Feature' as const, properties: { name: String(f.properties.name) }, geometry: centroid(f).geometry }));
  const out = { type: 'FeatureCollection' as const, features };
  cache.set(fc, out);
  return out;
}
