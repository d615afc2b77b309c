import type { StateCreator } from 'zustand';
import type { FeatureCollection, Geometry } from 'geojson';
import { LAYER_KINDS, type LayerKind } from '../core/model';
import type { AppState } from './useStore';

export type LayerFeatures = FeatureCollection<Geometry, Record<string, unknown>>;

/** A layer the user has loaded: its canonical features and where they came from. */
export interface LoadedLayer {
  kind: LayerKind;
  /** File name or "demo". */
  name: string;
  fc: LayerFeatures;
  source: 'demo' | 'file' | 'osm' | 'project';
  /** Credit shown on the map and written into exports (e.g. © OpenStreetMap contributors). */
  attribution?: string;
  /**
   * The layer the analysis ran on, when this one differs from it only in attributes the analysis
   * does not read (the renovation programme's fields): the results stay valid and nothing re-runs.
   */
  analysisRoot?: LoadedLayer;
}

/** The layer whose analysis holds for `layer` (itself, unless an attribute-only edit made it). */
export const analysisRootOf = (layer: LoadedLayer | undefined): LoadedLayer | undefined => layer?.analysisRoot ?? layer;

export interface DemoMeta {
  name_zh: string;
  name_en: string;
  notice_zh: string;
  notice_en: string;
  bbox: [number, number, number, number];
}

export interface LayersSlice {
  layers: Partial<Record<LayerKind, LoadedLayer>>;
  visible: Record<LayerKind, boolean>;
  /** Facility categories switched off in the layers panel. */
  hiddenCategories: Record<string, true>;
  demo: DemoMeta | null;
  /** Bumped whenever the data extent changes so the map refits once. */
  extentVersion: number;
  setLayer: (layer: LoadedLayer) => void;
  setLayers: (layers: LoadedLayer[], demo?: DemoMeta | null) => void;
  removeLayer: (kind: LayerKind) => void;
  toggleLayer: (kind: LayerKind) => void;
  setCategoryVisible: (id: string, visible: boolean) => void;
  setAllCategoriesVisible: (ids: string[], visible: boolean) => void;
}

const allVisible = Object.fromEntries(LAYER_KINDS.map((k) => [k, true])) as Record<LayerKind, boolean>;

export const createLayersSlice: StateCreator<AppState, [], [], LayersSlice> = (set) => ({
  layers: {},
  visible: allVisible,
  hiddenCategories: {},
  demo: null,
  extentVersion: 0,
  setLayer: (layer) =>
    set((s) => ({ layers: { ...s.layers, [layer.kind]: layer }, extentVersion: s.extentVersion + 1 })),
  setLayers: (list, demo = null) =>
    set((s) => ({
      layers: Object.fromEntries(list.map((l) => [l.kind, l])),
      demo,
      hiddenCategories: {},
      selectedCommunity: null,
      extentVersion: s.extentVersion + 1,
    })),
  removeLayer: (kind) =>
    set((s) => {
      const layers = { ...s.layers };
      delete layers[kind];
      return { layers, selectedCommunity: kind === 'communities' ? null : s.selectedCommunity };
    }),
  toggleLayer: (kind) => set((s) => ({ visible: { ...s.visible, [kind]: !s.visible[kind] } })),
  setCategoryVisible: (id, visible) =>
    set((s) => {
      const hidden = { ...s.hiddenCategories };
      if (visible) delete hidden[id];
      else hidden[id] = true;
      return { hiddenCategories: hidden };
    }),
  setAllCategoriesVisible: (ids, visible) =>
    set(() => ({ hiddenCategories: visible ? {} : Object.fromEntries(ids.map((id) => [id, true as const])) })),
});

/** The data credit of the loaded OpenStreetMap layers ("© OpenStreetMap contributors"), null when none: what every export writes. */
export function osmAttribution(layers: Partial<Record<LayerKind, LoadedLayer>>): string | null {
  return [...new Set(Object.values(layers).map((l) => (l?.source === 'osm' ? l.attribution : undefined)).filter(Boolean))].join('; ') || null;
}
