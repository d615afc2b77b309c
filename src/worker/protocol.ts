import type { CoverageResult } from '../core/analysis/coverage';
import type { CoverageRoute } from '../core/analysis/coverage';
import type { ServiceAreaFeature } from '../core/analysis/serviceArea';
import type { RuleSet } from '../core/rules';
import type { GraphBuildStats } from '../core/network';
import type { ServiceAreaResult, StudyAreaLayers, StudyAreaProgress, StudyAreaResult, StudyAreaSettings } from '../core/studyArea';
import type { EditProblem, ScenarioDiff, ScenarioEdit } from '../core/scenario';
import type { SiteSuggestion, SiteSuggestionProgress } from '../core/analysis/siting';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Decay, FacilityChoiceResult } from '../core/analysis/choice';
import type { AccessSurface } from '../core/studyArea';

/** Beyond yes/no (issue 13): how the gravity score is computed. */
export interface ChoiceRequest {
  decay: Decay;
  weighted: boolean;
}

/** An accessibility surface: of a category, or of a level's mandatory categories; cell size in metres. */
export interface SurfaceRequest {
  categoryId?: string;
  levelId?: string;
  cell: number;
}
export type { AccessSurface, FacilityChoiceResult };

/** A scenario's run in the engine: its result, the diff against the baseline, the edits that could not apply. */
export interface ScenarioAnswerCore {
  result: StudyAreaResult;
  diff: ScenarioDiff;
  problems: EditProblem[];
}

/** What the worker sends back for a scenario (the renovation score follows the sliders on the main thread). */
export interface ScenarioAnswer {
  answer: AnalysisAnswer;
  diff: ScenarioDiff;
  problems: EditProblem[];
}

/** A site suggestion request: candidates as points, or the network nodes inside an area. */
export interface SuggestRequest {
  categoryId: string;
  k: number;
  candidates?: Float64Array;
  area?: Polygon | MultiPolygon;
  capacity?: number | null;
  oldOnly?: boolean;
}

/** The study area sent to the worker once per data change (structured clone). */
export type AnalysisData = StudyAreaLayers;

/** One analysis run: every result of the pipeline, plus the time spent in the worker. */
export interface AnalysisAnswer extends Omit<StudyAreaResult, 'renovation'> {
  /** milliseconds spent in the worker */
  ms: number;
}

export type AnalysisSettings = StudyAreaSettings;
export type Progress = StudyAreaProgress;
export type { ServiceAreaResult };

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
  /** Runs a scenario over the last baseline run (compared with the baseline, or with the `against` scenario); null when superseded. */
  runScenario(edits: ScenarioEdit[], rules: RuleSet, settings: AnalysisSettings, onProgress?: (p: Progress) => void, against?: ScenarioEdit[] | null): Promise<ScenarioAnswer | null>;
  /** Back to the baseline for follow-up questions. */
  clearScenario(): void;
  /** Suggested sites on the scenario in force (else the baseline); null when cancelled. */
  suggestSites(rules: RuleSet, settings: AnalysisSettings, request: SuggestRequest, onProgress?: (p: SiteSuggestionProgress) => void): Promise<SiteSuggestion | null>;
  /**
   * Choice, second-nearest, gravity access and 2SFCA on the scenario in force (else the baseline),
   * a category at a time (progress, cancel: null when superseded by a newer request or analysis).
   */
  choice(rules: RuleSet, settings: AnalysisSettings, request: ChoiceRequest, onProgress?: (fraction: number) => void): Promise<FacilityChoiceResult | null>;
  /** An accessibility surface on the scenario in force (else the baseline); network mode only. */
  surface(rules: RuleSet, settings: AnalysisSettings, request: SurfaceRequest): Promise<AccessSurface | null>;
  /** Stops the running site suggestion (an analysis does not). */
  cancelSuggestion(): void;
  cancel(): void;
}
