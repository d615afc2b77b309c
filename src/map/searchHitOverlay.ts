import { ScatterplotLayer } from '@deck.gl/layers';
import type { AppState } from '../store/useStore';
import { memoLast } from '../util/memoLast';
import { featureIndex } from './featureIndex';
import { COLORS } from './palette';
import type { MapOverlay } from './overlays';

const ring = memoLast((f: NonNullable<AppState['foundFacility']>) => [f]);

/** A ring around the facility the map search found (drawn on top; gone when it leaves the layer). */
export const searchHitOverlay: MapOverlay = (s) => {
  const f = s.foundFacility;
  const fc = s.layers.facilities?.fc;
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
};
