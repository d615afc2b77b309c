import type { FeatureCollection, Geometry } from 'geojson';
import type { CoverageMode } from '../analysis/coverage/prepareCoverage';
import type { CoverageResult } from '../analysis/coverage/runCoverage';
import type { CoverageWeights } from '../analysis/coverage/coverageWeights';
import type { ParkCoverageResult } from '../analysis/parks/parkCoverage';
import type { ParkingSupplyResult } from '../analysis/parking/parkingSupply';
import type { RenovationScoreResult } from '../analysis/renovation/renovationScore';

type FC = FeatureCollection<Geometry | null, Record<string, unknown> | null>;

/**
 * The layers of a study area as the importer made them (core/io: WGS84, canonical properties,
 * facilities' `category` a rule-set id). The app and the CLI hand in the same shape.
 */
export interface StudyAreaLayers {
  communities: FC;
  facilities: FC;
  network?: FC | null;
  parks?: FC | null;
  parking?: FC | null;
}

/** How one analysis runs; defaults in core/rules/defaults (DEFAULT_STUDY_AREA_SETTINGS). */
export interface StudyAreaSettings {
  /** 'network' falls back to straight lines when there is no network */
  mode: CoverageMode;
  /** metres, features farther from the network are unreachable */
  maxSnap: number;
  /** euclidean distances × this */
  detour: number;
  /** count categories without any facility in the data as missing (core/analysis/noDataPolicy) */
  countNoData: boolean;
  /** renovation-score weight overrides (core/analysis/renovationWeights) */
  renovationWeights?: Readonly<Record<string, unknown>>;
}

/** Everything one analysis produces, per community in the input order. */
export interface StudyAreaResult {
  coverage: CoverageResult;
  /** households and population as the analysis read them (estimates marked) */
  weights: CoverageWeights;
  /** null without a parks layer */
  parks: ParkCoverageResult | null;
  /** always: without lots the supply is each community's own spaces */
  parking: ParkingSupplyResult;
  renovation: RenovationScoreResult;
}

export interface StudyAreaProgress {
  /** 0..1 */
  fraction: number;
  /** i18n key of the stage */
  stage: 'prepare' | 'categories' | 'parks' | 'parking';
}
