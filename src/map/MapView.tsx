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
import { communityColoring } from './communityColoring';
import { collectOverlays } from './overlays';
import { labelPoints } from './labelPoints';
import { dataBounds } from './dataBounds';
import { debugState } from './testHooks';
import { setActiveMap } from './mapHandle';
import { attachBasemap, shiftDeckLayers } from './basemap';
import { memoLast } from '../util/memoLast';
import { selectMissingLevels } from '../store/selectCompliance';

// MapLibre 6 derives its worker URL from import.meta.url, which breaks once bundled (deps.md pitfall 2).
maplibregl.setWorkerUrl(workerUrl);

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

function onHover(kind: LayerKind, info: PickingInfo): void {
  const { setHovered } = useStore.getState();
  setHovered(info.index >= 0 ? { kind, index: info.index, x: info.x, y: info.y } : null);
}

const analysisLayers = memoLast(buildAnalysisLayers);
const coloring = memoLast(communityColoring);

function deckInput(s: AppState) {
  const base = analysisLayers(s.serviceArea, s.route);
  const extra = collectOverlays(s);
  return {
    layers: s.layers,
    visible: s.visible,
    hiddenCategories: s.hiddenCategories,
    selectedCommunity: s.selectedCommunity,
    oldBeforeYear: s.rules.old_before_year,
    communityColors: coloring(s.coverage, s.coloring, s.activeCategory, s.activeLevel, selectMissingLevels(s)),
    analysis: { below: [...base.below, ...extra.below], above: [...base.above, ...extra.above] },
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
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
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
      overlay.setProps({ layers: shiftDeckLayers(buildDeckLayers(deckInput(s)), s) });
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
      unsubscribe = useStore.subscribe(apply);
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
    map.on('click', (e) => {
      if (!dbg.mapLoaded) return;
      const picked = overlay.pickObject({ x: e.point.x, y: e.point.y, radius: 2, layerIds: ['communities'] });
      useStore.getState().selectCommunity(picked && picked.index >= 0 ? picked.index : null);
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
    <div className="map-frame">
      <div ref={container} className="map" data-testid="map" />
    </div>
  );
}
