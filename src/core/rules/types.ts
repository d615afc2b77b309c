/**
 * A rule set: life-circle levels, facility categories with their walking radius, park and parking
 * rules, and OSM / Chinese-name patterns for classification. The default is GB 50180-2018
 * (`data/rules/gb50180-2018.json`); planners may save their own.
 */

/** How sure we are of a value (from the research draft): checked against the text, a secondary source, or recalled. */
export type Verification = 'verified' | 'secondary' | 'recalled-unverified' | 'app-convention';

/** Either one flag for the whole entry or one per field. */
export type VerificationInfo = Verification | Record<string, Verification>;

export type LevelId = string;

export interface RuleLevel {
  id: LevelId;
  name_zh: string;
  name_en: string;
  walk_minutes: number | null;
  /** Walking distance in metres used when a category has no radius of its own (upper end of the range). */
  walk_m: number;
  /** The range stated by the standard, when it gives one. */
  walk_m_range: [number, number] | null;
  source: string;
  verification: VerificationInfo;
  evidence?: Evidence[];
  evidence_status?: EvidenceStatus;
  user_verified?: UserVerification | null;
}

/** One OR-alternative of OSM tags; every key must match (array value = any of these, '*' = any value). */
export type OsmTagMatch = Record<string, string | string[] | boolean | number>;

export interface RuleCategory {
  id: string;
  name_zh: string;
  name_en: string;
  level: LevelId;
  /** Own service radius in metres, or null to use the level's walking distance. */
  radius_m: number | null;
  radius_kind: 'clause' | 'level_default' | 'app_convention' | null;
  mandatory: boolean;
  source: string;
  verification: VerificationInfo;
  osm_tags?: OsmTagMatch[];
  osm_exclude?: OsmTagMatch[];
  name_patterns_zh?: string[];
  note?: string;
  /** True for categories a planner added. */
  custom?: boolean;
  /** Places per 1,000 residents (千人指标), when the rule set gives one: 2SFCA demand and the places gap. */
  norm?: RuleNorm | null;
  /** Facilities required within the radius (e.g. two supermarkets within 10 minutes); none = 1. */
  min_count?: number | null;
  /** What public sources say about this category's values (issue 16; built from the evidence file). */
  evidence?: Evidence[];
  /** The evidence verdict on the values in force: confirmed (A/B source), weak (C only), contradicted, none. */
  evidence_status?: EvidenceStatus;
  /** A range a source gives for the radius (e.g. JGJ 39-2016: 300–500 m), with that source; the editor switches between its ends. */
  radius_range?: { min: number; max: number; source: string } | null;
  /** A planner's own check against the printed standard (cleared when the value changes). */
  user_verified?: UserVerification | null;
}

export type EvidenceStatus = 'confirmed' | 'weak' | 'contradicted' | 'none';

/** One piece of public evidence for a value (issue 16). */
export interface Evidence {
  /** A: text of a standard; B: a secondary source naming the standard; C: weak */
  grade: 'A' | 'B' | 'C' | null;
  status: EvidenceStatus;
  source: { key: string; title: string; url: string | null; clause?: string };
  /** at most 30 characters */
  quote: string;
}

/** "I checked this against the printed standard": who, when, where, for which value. */
export interface UserVerification {
  by: string;
  date: string;
  clause: string;
  page: string;
  note: string;
  /** the radius (or level walk) it was checked for; another value clears it */
  value: number | null;
}

/** A per-category provision norm (千人指标) with its source. */
export interface RuleNorm {
  /** places (seats, beds…) per 1,000 residents, or per 1,000 elderly residents */
  per_1000: number;
  /** whose thousand @default 'residents' */
  per?: 'residents' | 'elderly';
  /** what a place is, e.g. 学位 / seats, 床位 / beds */
  unit_zh?: string;
  unit_en?: string;
  source?: string;
  verification?: VerificationInfo;
}

export interface ParkThreshold {
  min_area_m2: number;
  max_area_m2?: number;
  radius_m: number;
}

export interface ParkRules {
  thresholds: ParkThreshold[];
  osm_tags: OsmTagMatch[];
  osm_exclude: OsmTagMatch[];
  name_patterns_zh: string[];
  source: string;
  verification: VerificationInfo;
}

export interface ParkingRules {
  /** Demand in spaces per household. */
  ratio_per_household: number;
  /** Public parking within this walking distance is shared with the community. */
  search_radius_m: number;
  source: string;
  verification: VerificationInfo;
}

export interface RuleSet {
  schema: 'lifecircle-rules';
  schema_version: 1;
  id: string;
  name_zh: string;
  name_en: string;
  /** the rule set's state (draft, verified…), as written by its author */
  status: string;
  /** the same in Chinese and English, when given (the UI shows the one of its language, else `status`) */
  status_zh?: string;
  status_en?: string;
  /** Walking speed for minutes shown to users; elderly profile is slower. */
  walk: { speed_m_per_min: number; elderly_speed_m_per_min: number };
  /** A community is old when built_year < old_before_year (national renovation scope). */
  old_before_year: number;
  /** Population estimate when only households are known. */
  persons_per_household: number;
  levels: RuleLevel[];
  categories: RuleCategory[];
  parks: ParkRules;
  parking: ParkingRules;
}
