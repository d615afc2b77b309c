import type { StateCreator } from 'zustand';
import type { AppState } from './useStore';
import { OFFLINE, type BasemapSetting } from './basemapSetting';

/** The optional online basemap (offline by default); saved with the workspace settings. */
export interface BasemapSlice {
  basemap: BasemapSetting;
  setBasemap: (b: BasemapSetting) => void;
}

export const createBasemapSlice: StateCreator<AppState, [], [], BasemapSlice> = (set) => ({
  basemap: OFFLINE,
  setBasemap: (basemap) => set({ basemap }),
});
