import { bbox } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';
import { activeMap } from './mapHandle';

/**
 * Moves the page's map to a feature (fit to its bounds, at most zoom 16, animated); does
 * nothing before the map exists.
 * @param options.padding pixels around the feature @default 80
 */
export function flyToFeature(feature: Feature<Geometry | null, unknown> | null | undefined, options: { padding?: number } = {}): void {
  const map = activeMap();
  if (!map || !feature?.geometry) return;
  const [w, s, e, n] = bbox(feature as Feature<Geometry>);
  if (![w, s, e, n].every(Number.isFinite)) return;
  map.fitBounds([[w, s], [e, n]], { padding: options.padding ?? 80, maxZoom: 16, duration: 700 });
}
