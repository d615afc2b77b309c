import type { StateCreator } from 'zustand';
import type { CoverageResult } from '../core/analysis/runCoverage';
import type { CoverageRoute } from '../core/analysis/coverageRoute';
import type { GraphBuildStats } from '../core/network/graph';
import type { AnalysisSettings, ServiceAreaResult } from '../worker/protocol';
import type { AppState } from './useStore';

/** How communities are coloured: by built year, by coverage of the active category, or by level completeness. */
export type CommunityColoring = 'built_year' | 'category' | 'level';

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
  activeLevel: string;
  activeCategory: string | null;
  coloring: CommunityColoring;
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
  analysisSettings: { mode: 'network', maxSnap: 300, detour: 1 },
  analysisStatus: 'idle',
  analysisProgress: 0,
  analysisError: null,
  analysisMs: null,
  graphStats: null,
  coverage: null,
  activeLevel: '5min',
  activeCategory: null,
  coloring: 'category',
  serviceArea: null,
  routeCategory: null,
  route: null,
  setAnalysisSettings: (patch) => set((s) => ({ analysisSettings: { ...s.analysisSettings, ...patch } })),
  setActiveLevel: (activeLevel) => set({ activeLevel }),
  setActiveCategory: (activeCategory) => set({ activeCategory, routeCategory: activeCategory }),
  setColoring: (coloring) => set({ coloring }),
  setRouteCategory: (routeCategory) => set({ routeCategory }),
});
