import type { StateCreator } from 'zustand';
import type { ServiceAreaFeature } from '../core/analysis/serviceArea';
import type { ParkCoverageResult } from '../core/analysis/parks';
import type { AppState } from './useStore';

/** Park service-area polygons fetched from the worker for one park result. */
export interface ParkServiceAreas {
  /** the park result they were drawn from (stale when it is no longer `s.parks`) */
  of: ParkCoverageResult;
  features: ServiceAreaFeature[];
}

/** State of the planning views (renovation ranking, parks, parking): UI choices, no results. */
export interface PlanningSlice {
  /** how many of the top-ranked old communities are highlighted on the map @default 10 */
  rankingTopN: number;
  setRankingTopN: (n: number) => void;
  parkServiceAreas: ParkServiceAreas | null;
  setParkServiceAreas: (a: ParkServiceAreas | null) => void;
}

export const createPlanningSlice: StateCreator<AppState, [], [], PlanningSlice> = (set) => ({
  rankingTopN: 10,
  setRankingTopN: (rankingTopN) => set({ rankingTopN: Math.max(0, Math.round(rankingTopN)) }),
  parkServiceAreas: null,
  setParkServiceAreas: (parkServiceAreas) => set({ parkServiceAreas }),
});
