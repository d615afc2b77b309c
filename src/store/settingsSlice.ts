import type { StateCreator } from 'zustand';
import { DEFAULT_RENOVATION_WEIGHTS, type RenovationWeights } from '../core/analysis/renovation';
import { DEFAULTS } from '../core/rules';
import type { AnalysisSettings } from '../worker/protocol';
import type { AppState } from './useStore';

/** How the analysis runs (besides the rule set, see rulesSlice): saved with the workspace. */
export interface SettingsSlice {
  analysisSettings: AnalysisSettings;
  /** renovation-priority weights (sliders) */
  renovationWeights: RenovationWeights;
  setAnalysisSettings: (patch: Partial<AnalysisSettings>) => void;
  setRenovationWeights: (w: RenovationWeights) => void;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => ({
  analysisSettings: { mode: 'network', maxSnap: DEFAULTS.maxSnapM, detour: DEFAULTS.detour, countNoData: DEFAULTS.countNoData },
  renovationWeights: { ...DEFAULT_RENOVATION_WEIGHTS },
  setAnalysisSettings: (patch) => set((s) => ({ analysisSettings: { ...s.analysisSettings, ...patch } })),
  setRenovationWeights: (renovationWeights) => set({ renovationWeights }),
});
