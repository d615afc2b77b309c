import { create } from 'zustand';
import type { LayerKind } from '../core/model';
import type { DemoMeta, LoadedLayer } from './layersSlice';
import { useStore } from './useStore';

/** What a data change did, for the undo button ("Undo: import streets.geojson"). */
export interface DataChangeLabel {
  /** i18n key of the change, e.g. `undo_what_import`. */
  key: string;
  params?: Record<string, string | number>;
}

/** The data as they were before one change: layers by reference (they are never mutated). */
interface DataSnapshot {
  label: DataChangeLabel;
  layers: Partial<Record<LayerKind, LoadedLayer>>;
  demo: DemoMeta | null;
  hiddenCategories: Record<string, true>;
}

interface DataHistory {
  /** Most recent last; at most MAX_UNDO. */
  undo: DataSnapshot[];
}

const MAX_UNDO = 5;

/**
 * The undo history of data changes (import, add to layer, OSM, project, clear, demo). Its own
 * store, never part of the app state the autosave writes: a reload starts with no history.
 */
export const useDataHistory = create<DataHistory>()(() => ({ undo: [] }));

/** Call just before a data change: remembers the layers and demo notice as they are now. */
export function rememberData(label: DataChangeLabel): void {
  const s = useStore.getState();
  const snap: DataSnapshot = { label, layers: s.layers, demo: s.demo, hiddenCategories: s.hiddenCategories };
  useDataHistory.setState((h) => ({ undo: [...h.undo, snap].slice(-MAX_UNDO) }));
}

/** Puts the layers, the demo notice and the hidden facility categories back as before the last change. */
export function undoData(): DataChangeLabel | null {
  const { undo } = useDataHistory.getState();
  const last = undo[undo.length - 1];
  if (!last) return null;
  useDataHistory.setState({ undo: undo.slice(0, -1) });
  useStore.setState((s) => ({
    layers: last.layers,
    demo: last.demo,
    hiddenCategories: last.hiddenCategories,
    selectedCommunity: null,
    extentVersion: s.extentVersion + 1,
  }));
  return last.label;
}

/** Forgets the history (tests; never needed by the app). */
export function clearDataHistory(): void {
  useDataHistory.setState({ undo: [] });
}
