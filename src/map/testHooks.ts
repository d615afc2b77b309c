import type { Map as MapLibreMap } from 'maplibre-gl';
import type { useStore } from '../store/useStore';

/**
 * Readiness flags for end-to-end tests and for people debugging in the console. Tests wait on
 * these instead of sleeping (SwiftShader renders a few frames per second).
 */
export interface LifeCircleDebug {
  map: MapLibreMap | null;
  /** The deck.gl overlay (pickObject etc.). */
  overlay: { pickObject: (opts: { x: number; y: number; radius?: number }) => unknown } | null;
  mapLoaded: boolean;
  /** Frames deck.gl has drawn since the last data change. */
  deckFrames: number;
  /** Number of data changes applied to the map. */
  dataVersion: number;
  /** Set when the map is idle after the last data change and deck.gl has drawn it. */
  mapIdle: boolean;
  firstRenderMs: number | null;
  /** performance.now() of the first frame that shows loaded data. */
  firstPaintAt: number | null;
  /** performance.now() when the first analysis started and when its result arrived. */
  firstRunAt: number | null;
  firstResultAt: number | null;
  /** The deck.gl layers last handed to the map: id and number of data items. */
  deckLayers: { id: string; count: number | null }[];
  /** The app store, for tests and console debugging. */
  store?: typeof useStore;
}

declare global {
  interface Window {
    __lifecircle: LifeCircleDebug;
  }
}

export function debugState(): LifeCircleDebug {
  if (!window.__lifecircle) {
    window.__lifecircle = { map: null, overlay: null, mapLoaded: false, deckFrames: 0, dataVersion: 0, mapIdle: false, firstRenderMs: null, firstPaintAt: null, firstRunAt: null, firstResultAt: null, deckLayers: [] };
  }
  return window.__lifecircle;
}

/** Records when the first analysis starts and ends (the e2e probe compares them with the first paint). */
export function watchFirstResult(store: typeof useStore): void {
  const dbg = debugState();
  const unsubscribe = store.subscribe((s) => {
    if (s.analysisStatus === 'running' && dbg.firstRunAt === null) dbg.firstRunAt = Math.round(performance.now());
    if (s.analysisStatus === 'done' && dbg.firstResultAt === null) {
      dbg.firstResultAt = Math.round(performance.now());
      unsubscribe();
    }
  });
}
