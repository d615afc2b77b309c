import * as maplibregl from 'maplibre-gl';
import type { Layer } from '@deck.gl/core';
import type { LayerSpecification, Map as MapLibreMap, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { useStore, type AppState } from '../store/useStore';
import { wgs84ToGcj02 } from '../core/io/crs';
import { dataBounds } from './dataBounds';
import { needsGcj02, rasterBasemap, type BasemapSetting } from '../store/basemapSetting';

/** Ids of basemap sources and layers start with this; everything else is ours. */
export const BASEMAP_PREFIX = 'basemap-';
/** The style's own background layer stays under the basemap. */
const BACKGROUND = 'background';

/** Plain text for MapLibre's attribution control, which renders HTML: tags dropped, the rest escaped. */
export function attributionText(s: string): string {
  return s.replace(/<[^>]*>/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The layer our data start with: basemap layers go right under it, above the background. */
function firstDataLayer(map: MapLibreMap): string | undefined {
  return map.getStyle().layers.find((l) => l.id !== BACKGROUND && !l.id.startsWith(BASEMAP_PREFIX))?.id;
}

function removeBasemap(map: MapLibreMap): void {
  const style = map.getStyle();
  for (const l of [...style.layers].reverse()) if (l.id.startsWith(BASEMAP_PREFIX)) map.removeLayer(l.id);
  for (const id of Object.keys(style.sources)) if (id.startsWith(BASEMAP_PREFIX)) map.removeSource(id);
}

/**
 * The sources and layers of a MapLibre style, prefixed, to draw under our data. Layers that need
 * the style's glyphs or sprite (symbols, patterns) are left out: our style draws labels with local
 * fonts and has neither. Attributions become plain text.
 */
export function styleBasemapParts(style: StyleSpecification): { sources: Record<string, SourceSpecification>; layers: LayerSpecification[] } {
  const sources: Record<string, SourceSpecification> = {};
  for (const [id, src] of Object.entries(style.sources ?? {})) {
    const s = { ...src } as SourceSpecification & { attribution?: string };
    if (typeof s.attribution === 'string') s.attribution = attributionText(s.attribution);
    sources[BASEMAP_PREFIX + id] = s;
  }
  const layers: LayerSpecification[] = [];
  for (const l of style.layers ?? []) {
    if (l.type === 'symbol') continue;
    const paint = (l as { paint?: Record<string, unknown> }).paint ?? {};
    if (Object.keys(paint).some((k) => k.endsWith('-pattern'))) continue;
    const out = { ...l, id: BASEMAP_PREFIX + l.id } as LayerSpecification & { source?: string };
    if (typeof out.source === 'string') out.source = BASEMAP_PREFIX + out.source;
    layers.push(out);
  }
  return { sources, layers };
}

/** Puts the basemap of a setting under the data (replacing the previous one). Style URLs are fetched. */
async function showBasemap(map: MapLibreMap, b: BasemapSetting, isCurrent: () => boolean): Promise<void> {
  removeBasemap(map);
  const raster = rasterBasemap(b);
  if (raster) {
    raster.layers.forEach((r, i) => {
      const id = `${BASEMAP_PREFIX}${i}`;
      map.addSource(id, { type: 'raster', tiles: r.tiles, tileSize: 256, maxzoom: r.maxzoom, ...(i === 0 ? { attribution: attributionText(raster.attribution) } : {}) });
      map.addLayer({ id, type: 'raster', source: id }, firstDataLayer(map));
    });
    return;
  }
  if (b.kind !== 'style') return;
  try {
    const res = await fetch(b.url);
    const style = (await res.json()) as StyleSpecification;
    if (!isCurrent()) return;
    const parts = styleBasemapParts(style);
    for (const [id, src] of Object.entries(parts.sources)) map.addSource(id, src);
    const before = firstDataLayer(map);
    for (const l of parts.layers) map.addLayer(l, before);
  } catch (e) {
    if (isCurrent()) useStore.getState().pushMessage('error', `${b.url}: ${(e as Error).message}`);
  }
}

/** [Δlon, Δlat] from WGS84 to GCJ-02 at the centre of the loaded data, or null when no shift is needed. */
const shiftMemo = { layers: null as AppState['layers'] | null, gcj: false, value: null as [number, number] | null };
export function displayShift(s: Pick<AppState, 'layers' | 'basemap'>): [number, number] | null {
  const gcj = needsGcj02(s.basemap);
  if (shiftMemo.layers === s.layers && shiftMemo.gcj === gcj) return shiftMemo.value;
  let value: [number, number] | null = null;
  const b = gcj ? dataBounds(s.layers) : null;
  if (b) {
    const c: [number, number] = [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
    const g = wgs84ToGcj02(c[0], c[1]);
    // Outside China gcoord leaves positions alone: no shift.
    if (g[0] !== c[0] || g[1] !== c[1]) value = [g[0] - c[0], g[1] - c[1]];
  }
  Object.assign(shiftMemo, { layers: s.layers, gcj, value });
  return value;
}

const matrixMemo = { key: '', value: null as number[] | null };
/**
 * deck.gl layers shifted to GCJ-02 for display (a translation in degrees through modelMatrix,
 * applied to LNGLAT positions in the shader) when the basemap needs it; the data are untouched.
 * Over a study area the GCJ-02 offset varies by a few metres at most, so one offset suffices.
 */
export function shiftDeckLayers(layers: Layer[], s: Pick<AppState, 'layers' | 'basemap'>): Layer[] {
  const d = displayShift(s);
  if (!d) return layers;
  const key = `${d[0]},${d[1]}`;
  if (matrixMemo.key !== key) Object.assign(matrixMemo, { key, value: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, d[0], d[1], 0, 1] });
  return layers.map((l) => l.clone({ modelMatrix: matrixMemo.value } as never));
}

const TRANSLATE: Record<string, string[]> = {
  fill: ['fill-translate'],
  line: ['line-translate'],
  circle: ['circle-translate'],
  symbol: ['text-translate', 'icon-translate'],
  'fill-extrusion': ['fill-extrusion-translate'],
};

/** The pixel translation of a lon/lat shift at every zoom (world = 512 · 2^z px), for MapLibre *-translate. */
export function translateExpression(d: [number, number], lat: number): unknown {
  const merc = (phi: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (phi * Math.PI) / 360)) / Math.PI) / 2;
  const dx = (d[0] / 360) * 512;
  const dy = (merc(lat + d[1]) - merc(lat)) * 512;
  return ['interpolate', ['exponential', 2], ['zoom'], 0, ['literal', [dx, dy]], 24, ['literal', [dx * 2 ** 24, dy * 2 ** 24]]];
}

/**
 * Connects the basemap setting to a map: draws the chosen basemap under the data, shows its
 * attribution, and shifts the MapLibre-drawn data (streets, outlines, labels) by the GCJ-02 offset
 * for display when the basemap needs it. Returns the disconnect function. Offline (the default)
 * adds nothing and requests nothing.
 */
export function attachBasemap(map: MapLibreMap): () => void {
  let shown: BasemapSetting | null = null;
  let token = 0;
  let translate: { key: string; expr: unknown; json: string } = { key: 'none', expr: null, json: 'null' };
  map.addControl(new maplibregl.AttributionControl({ compact: false }), 'bottom-left');

  const applyTranslate = () => {
    for (const l of map.getStyle().layers) {
      const props = TRANSLATE[l.type];
      if (!props || l.id.startsWith(BASEMAP_PREFIX)) continue;
      for (const p of props) {
        // Only when different: setting a paint property fires 'styledata' again.
        if (JSON.stringify(map.getPaintProperty(l.id, p as never) ?? null) !== translate.json) map.setPaintProperty(l.id, p as never, translate.expr as never);
      }
    }
  };
  const update = (s: AppState) => {
    if (s.basemap !== shown) {
      shown = s.basemap;
      const mine = ++token;
      void showBasemap(map, s.basemap, () => mine === token);
    }
    const d = displayShift(s);
    const b = d ? dataBounds(s.layers) : null;
    const key = d && b ? `${d[0]},${d[1]}` : 'none';
    if (key !== translate.key) {
      const expr = d && b ? translateExpression(d, (b[1] + b[3]) / 2) : null;
      translate = { key, expr, json: JSON.stringify(expr) };
      applyTranslate();
    }
  };
  let unsubscribe = () => {};
  const start = () => {
    update(useStore.getState());
    unsubscribe = useStore.subscribe(update);
    // Layers added later (previews, overlays) get the same shift.
    map.on('styledata', applyTranslate);
  };
  if (map.loaded()) start();
  else map.once('load', start);
  return () => {
    token++;
    unsubscribe();
    map.off('styledata', applyTranslate);
  };
}
