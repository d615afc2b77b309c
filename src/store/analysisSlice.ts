import type { StateCreator } from 'zustand';
import type { CoverageResult } from '../core/analysis/coverage';
import type { CoverageRoute } from '../core/analysis/coverage';
import type { GraphBuildStats } from '../core/network';
import type { AnalysisSettings, ServiceAreaResult } from '../worker/protocol';
import type { ParkCoverageResult } from '../core/analysis/parks';
import type { ParkingSupplyResult } from '../core/analysis/parking';
import type { CoverageWeights } from '../core/analysis/coverage';
import { DEFAULT_RENOVATION_WEIGHTS, type RenovationWeights } from '../core/analysis/renovation';
import { DEFAULTS } from '../core/rules';
import type { AppState } from './useStore';

/**
 * How communities are coloured: by built year, by coverage of the active category, by level
 * completeness, or by the number of missing mandatory categories (gap map).
 */
export type CommunityColoring = 'built_year' | 'category' | 'level' | 'missing';

export interface AnalysisSlice {
  analysisSettings: AnalysisSettings;
  analysisStatus: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  /** 0..1 while running */
  analysisProgress: number;
  analysisError: string | null;
  /** milliseconds the last run took, measured on the main thread (worker round trip) */
  analysisMs: number | null;
  graphStats: GraphBuildStats | null;
  coverage: CoverageResult | null;
  /** the same rates with straight-line distances, after a network run (official buffer convention) */
  euclideanStats: CoverageResult['stats'] | null;
  /** park service-radius coverage, when a parks layer is loaded */
  parks: ParkCoverageResult | null;
  /** parking supply and gap, when a parking layer is loaded */
  parking: ParkingSupplyResult | null;
  /** households and population per community as the analysis read them */
  weights: CoverageWeights | null;
  /** renovation-priority weights (sliders), saved with the workspace */
  renovationWeights: RenovationWeights;
  setRenovationWeights: (w: RenovationWeights) => void;
  activeLevel: string;
  activeCategory: string | null;
  coloring: CommunityColoring;
  /** The colouring to give back when the view that set its own colouring closes (store/mapViews). */
  coloringBeforeView: CommunityColoring | null;
  serviceArea: ServiceAreaResult | null;
  /** The category whose route the community card draws (defaults to the active category). */
  routeCategory: string | null;
  route: (CoverageRoute & { categoryId: string; communityIndex: number }) | null;
  setAnalysisSettings: (patch: Partial<AnalysisSettings>) => void;
  setActiveLevel: (level: string) => void;
  setActiveCategory: (id: string | null) => void;
  setColoring: (c: CommunityColoring) => void;
  setRouteCategory: (id: string | null) => void;
}

export const createAnalysisSlice: StateCreator<AppState, [], [], AnalysisSlice> = (set) => ({
  analysisSettings: { mode: 'network', maxSnap: DEFAULTS.maxSnapM, detour: DEFAULTS.detour, countNoData: DEFAULTS.countNoData },
  analysisStatus: 'idle',
  analysisProgress: 0,
  analysisError: null,
  analysisMs: null,
  graphStats: null,
  coverage: null,
  euclideanStats: null,
  parks: null,
  parking: null,
  weights: null,
  renovationWeights: { ...DEFAULT_RENOVATION_WEIGHTS },
  setRenovationWeights: (renovationWeights) => set({ renovationWeights }),
  activeLevel: '5min',
  activeCategory: null,
  coloring: 'category',
  coloringBeforeView: null,
  serviceArea: null,
  routeCategory: null,
  route: null,
  setAnalysisSettings: (patch) => set((s) => ({ analysisSettings: { ...s.analysisSettings, ...patch } })),
  setActiveLevel: (activeLevel) => set({ activeLevel }),
  setActiveCategory: (activeCategory) => set({ activeCategory, routeCategory: activeCategory }),
  setColoring: (coloring) => set({ coloring }),
  setRouteCategory: (routeCategory) => set({ routeCategory }),
});
