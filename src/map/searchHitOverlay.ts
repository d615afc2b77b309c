import { ScatterplotLayer } from '@deck.gl/layers';
import type { Feature, Geometry } from 'geojson';
import type { LayerFeatures } from '../store/layersSlice';
import { memoLast } from '../util/memoLast';
import { featureIndex } from './featureIndex';
import { COLORS } from './palette';
import type { OverlayLayers } from './overlays';

type Found = Feature<Geometry, Record<string, unknown>>;
const ring = memoLast((f: Found) => [f]);

/** A ring around the facility the map search found (drawn on top; gone when it leaves the layer). */
export function searchHitOverlay({ found: f, facilities: fc }: { found: Found | null; facilities: LayerFeatures | null }): OverlayLayers | null {
  if (!f || !fc || f.geometry.type !== 'Point' || featureIndex(fc, f) < 0) return null;
  return {
    top: [
      new ScatterplotLayer({
        id: 'search-hit',
        data: ring(f),
        getPosition: (d: typeof f) => (d.geometry as GeoJSON.Point).coordinates as [number, number],
        getRadius: 16,
        radiusUnits: 'pixels',
        filled: false,
        stroked: true,
        getLineColor: COLORS.focusOutline,
        getLineWidth: 3,
        lineWidthUnits: 'pixels',
        pickable: false,
      }),
    ],
  };
}
