import type { Map as MapLibreMap } from 'maplibre-gl';
import { TerraDraw, TerraDrawLineStringMode, TerraDrawPolygonMode } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { LineString, Polygon } from 'geojson';
import { finishDrawing } from '../store/scenarioActions';
import { useStore, type AppState } from '../store/useStore';

/** The terra-draw mode of a scenario tool, or null for tools that take single clicks. */
function modeOf(s: AppState): 'linestring' | 'polygon' | null {
  const k = s.scenarioTool?.kind;
  return k === 'link' ? 'linestring' : k === 'park' || k === 'suggest-area' ? 'polygon' : null;
}

/**
 * Drawing on the map with terra-draw (issue 11): while the scenario's footpath or park tool is on,
 * the planner clicks the vertices (a footpath ends on a second click on its last point, a park on
 * its first); the finished line or polygon becomes a scenario edit (store/scenarioActions
 * finishDrawing) and leaves the drawing layer — the scenario overlay draws it from then on.
 * Coordinates come rounded to 9 decimals (terra-draw's precision). Returns a detach function.
 */
export function attachDrawTools(map: MapLibreMap): () => void {
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, coordinatePrecision: 9 }),
    modes: [new TerraDrawLineStringMode(), new TerraDrawPolygonMode()],
  });
  draw.start();
  let mode: string | null = null;
  const sync = (s: AppState) => {
    const want = modeOf(s);
    if (want === mode) return;
    mode = want;
    draw.clear();
    if (want) {
      if (!draw.enabled) draw.start();
      draw.setMode(want);
    } else if (draw.enabled) draw.stop();
  };
  draw.on('finish', (id) => {
    const f = draw.getSnapshotFeature(id);
    draw.clear();
    if (f && (f.geometry.type === 'LineString' || f.geometry.type === 'Polygon')) finishDrawing(f.geometry as LineString | Polygon);
  });
  sync(useStore.getState());
  const unsubscribe = useStore.subscribe(sync);
  return () => {
    unsubscribe();
    if (draw.enabled) draw.stop();
  };
}
