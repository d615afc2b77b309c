import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, LngLatLike, Map as MapLibreMap } from 'maplibre-gl';
import { activeMap } from './mapHandle';
import { dataBounds } from './dataBounds';

/** Source and layer ids of the coordinate-system preview (drawn above everything, removed after). */
export const CRS_PREVIEW_SOURCE = 'crs-preview';
const LAYERS = ['crs-preview-fill', 'crs-preview-line', 'crs-preview-point'];
/** A magenta that no planning layer uses, so the candidate stands out over any data. */
export const CRS_PREVIEW_COLOR = '#d6139a';

let savedCamera: { center: LngLatLike; zoom: number } | null = null;

function ensureLayers(map: MapLibreMap): GeoJSONSource {
  let src = map.getSource(CRS_PREVIEW_SOURCE) as GeoJSONSource | undefined;
  if (src) return src;
  map.addSource(CRS_PREVIEW_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({ id: LAYERS[0]!, type: 'fill', source: CRS_PREVIEW_SOURCE, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': CRS_PREVIEW_COLOR, 'fill-opacity': 0.35 } });
  map.addLayer({ id: LAYERS[1]!, type: 'line', source: CRS_PREVIEW_SOURCE, filter: ['!=', ['geometry-type'], 'Point'], paint: { 'line-color': CRS_PREVIEW_COLOR, 'line-width': 2.5 } });
  map.addLayer({
    id: LAYERS[2]!,
    type: 'circle',
    source: CRS_PREVIEW_SOURCE,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-color': CRS_PREVIEW_COLOR, 'circle-radius': 5, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
  });
  src = map.getSource(CRS_PREVIEW_SOURCE) as GeoJSONSource;
  return src;
}

/**
 * Draws candidate WGS84 features over the current map and frames their bounds, clear of a panel
 * floating over the map (`cover`, a page rectangle); the camera before the first preview is kept
 * so cancelling can put it back. Returns the bounds, or null.
 */
export function showCrsPreview(fc: FeatureCollection, cover?: DOMRect | null): [number, number, number, number] | null {
  const map = activeMap();
  if (!map || !map.loaded() && !map.getSource('network')) return null;
  if (!savedCamera) savedCamera = { center: map.getCenter(), zoom: map.getZoom() };
  ensureLayers(map).setData(fc);
  const b = dataBounds({ communities: { fc } } as never);
  const frame = map.getContainer().getBoundingClientRect();
  const right = cover ? Math.max(0, frame.right - cover.left) : 0;
  const padding = { top: 60, bottom: 60, left: 60, right: Math.min(frame.width / 2, right + 60) };
  if (b) map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding, maxZoom: 17, duration: 0 });
  return b;
}

/** Removes the preview; `restoreCamera` puts the camera back where it was before (cancel). */
export function clearCrsPreview(restoreCamera: boolean): void {
  const map = activeMap();
  if (map) {
    for (const id of LAYERS) if (map.getLayer(id)) map.removeLayer(id);
    if (map.getSource(CRS_PREVIEW_SOURCE)) map.removeSource(CRS_PREVIEW_SOURCE);
    if (restoreCamera && savedCamera) map.jumpTo(savedCamera);
  }
  savedCamera = null;
}
