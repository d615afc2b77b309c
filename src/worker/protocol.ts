import type { FeatureCollection, Geometry } from 'geojson';
import type { CoverageMode } from '../core/analysis/prepareCoverage';
import type { CoverageResult } from '../core/analysis/runCoverage';
import type { CoverageRoute } from '../core/analysis/coverageRoute';
import type { ServiceAreaFeature } from '../core/analysis/serviceArea';
import type { RuleSet } from '../core/rules';
import type { GraphBuildStats } from '../core/network/graph';
import type { ParkCoverageResult } from '../core/analysis/parkCoverage';
import type { ParkingSupplyResult } from '../core/analysis/parkingSupply';
import type { CoverageWeights } from '../core/analysis/coverageWeights';

type FC = FeatureCollection<Geometry, Record<string, unknown>>;

/** The study area sent to the worker once per data change (structured clone). */
export interface AnalysisData {
  communities: FC;
  facilities: FC;
  network: FC | null;
  parks: FC | null;
  parking: FC | null;
}

/** One analysis run: coverage, and park coverage / parking supply when those layers are loaded. */
export interface AnalysisAnswer {
  result: CoverageResult;
  parks: ParkCoverageResult | null;
  parking: ParkingSupplyResult | null;
  /** households and population per community as the analysis read them */
  weights: CoverageWeights;
  /** milliseconds spent in the worker */
  ms: number;
}

export interface AnalysisSettings {
  mode: CoverageMode;
  /** metres, features farther from the network are unreachable */
  maxSnap: number;
  /** euclidean distances × this */
  detour: number;
  /** count categories without any facility in the data as missing (core/analysis/noDataPolicy) */
  countNoData: boolean;
}

export interface Progress {
  /** 0..1 */
  fraction: number;
  /** i18n key of the stage */
  stage: 'prepare' | 'categories' | 'parks' | 'parking';
}

/** Reached network pieces and service-area polygons of one category at its radius. */
export interface ServiceAreaResult {
  categoryId: string;
  threshold: number;
  polygons: ServiceAreaFeature[];
  edges: {
    length: number;
    sourcePositions: Float64Array;
    targetPositions: Float64Array;
    sourceDistances: Float32Array;
    targetDistances: Float32Array;
  } | null;
  /** Euclidean mode: facility points and radius (circles are drawn, no union). */
  circles: { positions: Float64Array; radius: number } | null;
}

/**
 * What the analysis worker does (comlink). One analysis at a time; a newer request supersedes
 * (cancels) the running one between categories.
 */
export interface AnalysisWorkerApi {
  /** Builds the graph and keeps the data; returns network statistics (null without a network). */
  setData(data: AnalysisData): Promise<GraphBuildStats | null>;
  /**
   * Runs the coverage analysis; `ms` is the time spent in the worker (preparation included).
   * Resolves null when cancelled. Progress arrives through the callback
   * (a comlink proxy).
   */
  run(rules: RuleSet, settings: AnalysisSettings, onProgress?: (p: Progress) => void): Promise<AnalysisAnswer | null>;
  /** Rates with straight-line distances for the last network run (null otherwise). */
  euclideanStats(): Promise<CoverageResult['stats'] | null>;
  /** Service-area polygons of each park class (network mode), for the park view. */
  parkServiceAreas(): Promise<ServiceAreaFeature[]>;
  serviceArea(categoryId: string): Promise<ServiceAreaResult | null>;
  route(categoryId: string, communityIndex: number): Promise<CoverageRoute | null>;
  cancel(): void;
}
