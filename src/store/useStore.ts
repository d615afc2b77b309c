import { create } from 'zustand';
import { createLayersSlice, type LayersSlice } from './layersSlice';
import { createUiSlice, type UiSlice } from './uiSlice';
import { createRulesSlice, type RulesSlice } from './rulesSlice';
import { createAnalysisSlice, type AnalysisSlice } from './analysisSlice';
import { createPlanningSlice, type PlanningSlice } from './planningSlice';
import { createGapSlice, type GapSlice } from './gapSlice';
import { createBasemapSlice, type BasemapSlice } from './basemapSlice';

export type AppState = LayersSlice & UiSlice & RulesSlice & AnalysisSlice & PlanningSlice & GapSlice & BasemapSlice;

/** The one app store, composed of slices (layers, rules, ui, analysis). */
export const useStore = create<AppState>()((...a) => ({
  ...createLayersSlice(...a),
  ...createUiSlice(...a),
  ...createRulesSlice(...a),
  ...createAnalysisSlice(...a),
  ...createPlanningSlice(...a),
  ...createGapSlice(...a),
  ...createBasemapSlice(...a),
}));
