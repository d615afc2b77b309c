import { useEffect, useRef } from 'react';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { PickingInfo } from '@deck.gl/core';
import type { GeoJSONSource } from 'maplibre-gl';
import { useStore, type AppState } from '../store/useStore';
import type { LayerKind } from '../core/model';
import { offlineStyle, IDEOGRAPH_FONT_FAMILY, STYLE_LAYERS_BY_KIND } from './offlineStyle';
import { buildDeckLayers } from './deckLayers';
import { buildAnalysisLayers } from './analysisLayers';
import { communityColoring, changeColoring } from './communityColoring';
import { collectOverlays } from './overlays';
import { dragMoveTo, endMoveDrag, scenarioClick, startMoveDrag } from '../store/scenarioActions';
import { attachDrawTools } from './drawTools';
import { labelPoints } from './labelPoints';
import { dataBounds } from './dataBounds';
import { debugState } from './testHooks';
import { setActiveMap } from './mapHandle';
import { attachBasemap, shiftDeckLayers } from './basemap';
import { choiceColoring } from './choiceColoring';
import { programmeColoring } from './monitorColoring';
import { selectSnapshotCompare } from '../store/selectMonitor';
import { surfaceCellAt } from '../core/analysis/surface';
import { memoLast } from '../util/memoLast';
import { featureIndex } from './featureIndex';
import { createSelectionFramer } from './frameSelection';
import { selectMissingLevels } from '../store/selectCompliance';
import { effectiveColoring, showsServiceArea } from '../store/mapViews';

// MapLibre 6 derives its worker URL from import.meta.url, which breaks once bundled (deps.md pitfall 2).
maplibregl.setWorkerUrl(workerUrl);

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

function onHover(kind: LayerKind, info: PickingInfo): void {
  const { setHovered, layers } = useStore.getState();
  // Facilities are drawn from filtered copies: map the picked feature back to its layer index.
  const fc = layers[kind]?.fc;
  const index = info.index >= 0 && fc ? (kind === 'facilities' ? featureIndex(fc, info.object) : info.index) : -1;
  setHovered(index >= 0 ? { kind, index, x: info.x, y: info.y } : null);
}

const analysisLayers = memoLast(buildAnalysisLayers);

/** Items in a layer's data (array, FeatureCollection or {length}), for the debug hooks. */
function dataCount(data: unknown): number | null {
  if (Array.isArray(data)) return data.length;
  const d = data as { features?: unknown[]; length?: number } | null;
  return d?.features?.length ?? (typeof d?.length === 'number' ? d.length : null);
}
const coloring = memoLast(communityColoring);
const choiceColors = memoLast(choiceColoring);

const programmeColors = memoLast(programmeColoring);

/** The communities' colours for the colouring chosen (null: by built year). */
function communityColors(s: AppState) {
  switch (effectiveColoring(s)) {
    case 'change':
      return changeColoring(s.scenarioDiff?.change ?? null);
    case 'snapshot':
      return changeColoring(selectSnapshotCompare(s)?.change ?? null);
    case 'programme':
      return programmeColors(s.layers.communities?.fc ?? null, s.rules);
    case 'choice':
      return choiceColors(s.choice, s.activeCategory);
    default:
      return coloring(s.coverage, s.coloring, s.activeCategory, s.activeLevel, selectMissingLevels(s));
  }
}

function deckInput(s: AppState) {
  const base = analysisLayers(showsServiceArea(s) ? s.serviceArea : null, s.route);
  const extra = collectOverlays(s);
  return {
    layers: s.layers,
    visible: s.visible,
    hiddenCategories: s.hiddenCategories,
    selectedCommunity: s.selectedCommunity,
    focusCategory: showsServiceArea(s) ? s.activeCategory : null,
    oldBeforeYear: s.rules.old_before_year,
    communityColors: communityColors(s),
    analysis: { below: [...base.below, ...extra.below], above: [...base.above, ...extra.above], top: extra.top },
    onHover,
  };
}

/**
 * The map: MapLibre draws the offline basemap from the data (water, streets, labels); deck.gl,
 * interleaved below the labels, draws every planning layer. Both follow the store.
 */
export function MapView() {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const dbg = debugState();
    const started = performance.now();
    const map = new maplibregl.Map({
      container: container.current!,
      style: offlineStyle(),
      center: [116.4, 39.9],
      zoom: 12,
      attributionControl: false,
      localIdeographFontFamily: IDEOGRAPH_FONT_FAMILY,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    // Bottom-left: the attribution line owns the bottom-right corner.
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    dbg.map = map;
    setActiveMap(map);
    const detachBasemap = attachBasemap(map);

    const overlay = new MapLibreOverlay({
      interleaved: true,
      layers: [],
      onAfterRender: () => {
        dbg.deckFrames++;
      },
    });

    const frameSelection = createSelectionFramer(map);
    let appliedLayers: AppState['layers'] | null = null;
    let appliedExtent = -1;
    const fitToData = (s: AppState) => {
      if (s.extentVersion === appliedExtent) return;
      const b = dataBounds(s.layers);
      if (!b) return;
      appliedExtent = s.extentVersion;
      map.fitBounds([[b[0], b[1]], [b[2], b[3]]], { padding: 40, duration: 0 });
    };
    const apply = (s: AppState) => {
      if (s.layers !== appliedLayers) {
        appliedLayers = s.layers;
        (map.getSource('network') as GeoJSONSource).setData((s.layers.network?.fc ?? EMPTY) as never);
        (map.getSource('water') as GeoJSONSource).setData((s.layers.water?.fc ?? EMPTY) as never);
        (map.getSource('communities') as GeoJSONSource).setData((s.layers.communities?.fc ?? EMPTY) as never);
        (map.getSource('parks') as GeoJSONSource).setData((s.layers.parks?.fc ?? EMPTY) as never);
        (map.getSource('community-labels') as GeoJSONSource).setData(s.layers.communities ? labelPoints(s.layers.communities.fc) : EMPTY);
        dbg.dataVersion++;
        dbg.deckFrames = 0;
        dbg.mapIdle = false;
      }
      fitToData(s);
      for (const [kind, ids] of Object.entries(STYLE_LAYERS_BY_KIND)) {
        const vis = s.visible[kind as LayerKind] ? 'visible' : 'none';
        for (const id of ids) if (map.getLayoutProperty(id, 'visibility') !== vis) map.setLayoutProperty(id, 'visibility', vis);
      }
      const layers = shiftDeckLayers(buildDeckLayers(deckInput(s)), s);
      overlay.setProps({ layers });
      dbg.deckLayers = layers.map((l) => ({ id: l.id, count: dataCount(l.props.data) }));
      frameSelection(s);
    };

    let unsubscribe = () => {};
    map.once('load', () => {
      // Fit the camera to the data first, then add the overlay: added on load, not before, or the
      // interleaved layer groups are never inserted (deps.md pitfall 4); and a camera jump between
      // adding it and its first frame left picking dead until the next move (seen here).
      fitToData(useStore.getState());
      map.addControl(overlay);
      dbg.overlay = overlay as never;
      dbg.mapLoaded = true;
      apply(useStore.getState());
      const offStore = useStore.subscribe(apply);
      // scenario drawing (terra-draw), after the style has loaded
      const detachDraw = attachDrawTools(map);
      unsubscribe = () => {
        offStore();
        detachDraw();
      };
    });
    map.on('idle', () => {
      if (dbg.mapLoaded && dbg.deckFrames > 0) {
        dbg.mapIdle = true;
        if (dbg.firstRenderMs === null && appliedLayers && Object.keys(appliedLayers).length > 0) {
          dbg.firstRenderMs = Math.round(performance.now() - started);
        }
      } else if (dbg.mapLoaded) {
        map.triggerRepaint();
      }
    });
    // Selection through MapLibre's click (deck.gl's own click handling in interleaved mode missed
    // synthetic clicks here); picking still goes through deck.gl.
    // The move tool drags a facility: pressed on one, the map stops panning until release.
    let drag: { x: number; y: number; moved: boolean } | null = null;
    let swallowClick = false;
    map.on('mousedown', (e) => {
      if (!dbg.mapLoaded || useStore.getState().scenarioTool?.kind !== 'move') return;
      const fac = overlay.pickObject({ x: e.point.x, y: e.point.y, radius: 6, layerIds: ['facilities', 'facilities-focus'] });
      const id = (fac?.object as { properties?: Record<string, unknown> } | null)?.properties?.id;
      if (id == null || !startMoveDrag(String(id))) return;
      e.preventDefault();
      map.dragPan.disable();
      drag = { x: e.point.x, y: e.point.y, moved: false };
    });
    map.on('mousemove', (e) => {
      if (!drag) return;
      if (Math.hypot(e.point.x - drag.x, e.point.y - drag.y) > 4) drag.moved = true;
      if (drag.moved) dragMoveTo([e.lngLat.lng, e.lngLat.lat]);
    });
    map.on('mouseup', (e) => {
      if (!drag) return;
      const moved = drag.moved;
      drag = null;
      map.dragPan.enable();
      endMoveDrag([e.lngLat.lng, e.lngLat.lat], moved);
      // the click that follows a release is the drag's, not a new pick
      swallowClick = true;
      setTimeout(() => (swallowClick = false), 0);
    });
    map.on('click', (e) => {
      if (!dbg.mapLoaded) return;
      if (swallowClick) {
        swallowClick = false;
        return;
      }
      const picked = overlay.pickObject({ x: e.point.x, y: e.point.y, radius: 2, layerIds: ['communities'] });
      if (useStore.getState().scenarioTool) {
        // A scenario tool turns the click into an edit (store/scenarioActions).
        const fac = overlay.pickObject({ x: e.point.x, y: e.point.y, radius: 6, layerIds: ['facilities', 'facilities-focus'] });
        const idOf = (o: unknown) => {
          const v = (o as { properties?: Record<string, unknown> } | null)?.properties?.id;
          return v == null ? null : String(v);
        };
        if (scenarioClick([e.lngLat.lng, e.lngLat.lat], { facilityId: idOf(fac?.object), communityId: idOf(picked?.object) })) return;
      }
      const st = useStore.getState();
      // the access view's surface: the clicked cell's breakdown
      if (st.workbenchView.overlay === 'access' && st.surface) st.setSurfaceCell(surfaceCellAt(st.surface.grid, e.lngLat.lng, e.lngLat.lat));
      st.selectCommunity(picked && picked.index >= 0 ? picked.index : null);
    });
    map.on('render', () => {
      // First paint: the first frame in which deck.gl has drawn loaded data.
      if (dbg.firstPaintAt === null && dbg.deckFrames > 0 && appliedLayers && Object.keys(appliedLayers).length > 0) {
        dbg.firstPaintAt = Math.round(performance.now());
      }
    });
    map.on('movestart', () => {
      dbg.mapIdle = false;
    });
    return () => {
      unsubscribe();
      detachBasemap();
      map.remove();
      setActiveMap(null);
      dbg.map = null;
      dbg.mapLoaded = false;
    };
  }, []);

  // The frame owns the layout; MapLibre's own stylesheet sets `.maplibregl-map { position: relative }`
  // on the container, and in dev that sheet loads after ours, so the container only fills its frame.
  return (
    // Leaving the map in one step sends deck.gl no hover event: clear the card here.
    <div className="map-frame" onMouseLeave={() => useStore.getState().setHovered(null)}>
      <div ref={container} className="map" data-testid="map" />
    </div>
  );
}
