import { create } from 'zustand';
import { createLayersSlice, type LayersSlice } from './layersSlice';
import { createUiSlice, type UiSlice } from './uiSlice';
import { createRulesSlice, type RulesSlice } from './rulesSlice';

export type AppState = LayersSlice & UiSlice & RulesSlice;

/** The one app store, composed of slices (layers, rules, ui; analysis and scenario join later). */
export const useStore = create<AppState>()((...a) => ({
  ...createLayersSlice(...a),
  ...createUiSlice(...a),
  ...createRulesSlice(...a),
}));
