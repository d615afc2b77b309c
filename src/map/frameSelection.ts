import { bbox } from '@turf/turf';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, Geometry } from 'geojson';
import type { AppState } from '../store/useStore';

type Box = [number, number, number, number];

/** The box of the selected community and, once it has arrived, its walking route. */
export function selectionBounds(s: Pick<AppState, 'selectedCommunity' | 'layers' | 'route'>): { box: Box; withRoute: boolean } | null {
  if (s.selectedCommunity == null) return null;
  const f = s.layers.communities?.fc.features[s.selectedCommunity];
  if (!f?.geometry) return null;
  const box = bbox(f as Feature<Geometry>) as Box;
  if (!box.every(Number.isFinite)) return null;
  const route = s.route && s.route.communityIndex === s.selectedCommunity ? s.route.coordinates : null;
  if (route) {
    for (const [x, y] of route) {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  }
  return { box, withRoute: !!route };
}

const PADDING = 70;

/**
 * Keeps the selected community (and its route, when it arrives) in view: the camera moves once
 * per selection, and again only if the route reaches outside what is shown. Nothing moves while
 * the same community stays selected, so the planner can pan freely.
 */
export function createSelectionFramer(map: MapLibreMap): (s: AppState) => void {
  let framed: string | null = null;
  return (s) => {
    const b = selectionBounds(s);
    if (!b) {
      framed = null;
      return;
    }
    const key = `${s.selectedCommunity}:${b.withRoute ? s.route?.categoryId : ''}`;
    if (key === framed) return;
    const firstForCommunity = !framed?.startsWith(`${s.selectedCommunity}:`);
    framed = key;
    const [w, so, e, n] = b.box;
    if (!firstForCommunity) {
      // The route arrived for a community already framed: move only when it leaves the view.
      const v = map.getBounds();
      if (v.contains([w, so]) && v.contains([e, n])) return;
    }
    map.fitBounds([[w, so], [e, n]], { padding: PADDING, maxZoom: 16, duration: 600 });
  };
}
