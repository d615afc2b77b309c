import type { StateCreator } from 'zustand';
import type { CoverageResult, CoverageRoute, CoverageWeights } from '../core/analysis/coverage';
import type { GraphBuildStats } from '../core/network';
import type { ParkCoverageResult } from '../core/analysis/parks';
import type { ParkingSupplyResult } from '../core/analysis/parking';
import type { ServiceAreaFeature } from '../core/analysis/serviceArea';
import type { ServiceAreaResult } from '../worker/protocol';
import type { AppState } from './useStore';

/** Park service-area polygons fetched from the worker for one park result. */
export interface ParkServiceAreas {
  /** the park result they were drawn from (stale when it is no longer `s.parks`) */
  of: ParkCoverageResult;
  features: ServiceAreaFeature[];
}

/**
 * What the analysis worker answered, and how the run went. Written only by the analysis
 * controller (store/analysisController), the one caller of the worker; read by everything else.
 */
export interface ResultsSlice {
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
  /** the active category's service area */
  serviceArea: ServiceAreaResult | null;
  /** the walking route the community card draws */
  route: (CoverageRoute & { categoryId: string; communityIndex: number }) | null;
  /** park service areas, fetched while the parks view is open */
  parkServiceAreas: ParkServiceAreas | null;
}

export const createResultsSlice: StateCreator<AppState, [], [], ResultsSlice> = () => ({
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
  serviceArea: null,
  route: null,
  parkServiceAreas: null,
});
