import type { Geometry, LineString, Point, Polygon, MultiPolygon } from 'geojson';

/** The layers a scenario edits. */
export type EditLayer = 'facilities' | 'parks' | 'parking' | 'network' | 'communities';

type Props = Record<string, unknown>;

/**
 * One edit of a scenario over the baseline (DESIGN §4 Scenario). Edits never change the baseline:
 * applyEdits builds the scenario's layers from the baseline and the list, in order.
 * Coordinates are WGS84 lon/lat rounded to ≤ 9 decimals (terra-draw's limit; roundCoordinates).
 */
export type ScenarioEdit =
  /** a new facility (properties.category a rule-set id; capacity optional) */
  | { op: 'add'; layer: 'facilities'; id: string; geometry: Point; properties: Props }
  /** a new park */
  | { op: 'add'; layer: 'parks'; id: string; geometry: Polygon | MultiPolygon; properties: Props }
  /** a new public parking lot (properties.spaces) */
  | { op: 'add'; layer: 'parking'; id: string; geometry: Point; properties: Props }
  /** a facility or lot moved to a new place (its properties unchanged) */
  | { op: 'move'; layer: 'facilities' | 'parking'; target_id: string; geometry: Point }
  /** a facility, park or lot taken away */
  | { op: 'delete'; layer: 'facilities' | 'parks' | 'parking'; target_id: string }
  /** a new footpath or link: its ends join the nearest vertex within 5 m, else split the segment they touch */
  | { op: 'add'; layer: 'network'; id: string; geometry: LineString; properties: Props }
  /** the network segment nearest to the point closed (e.g. a road under works) */
  | { op: 'close'; layer: 'network'; id: string; geometry: Point }
  /** a new gate on a community's boundary: residents also walk from there */
  | { op: 'add_entrance'; layer: 'communities'; target_id: string; geometry: Point };

export type EditOp = ScenarioEdit['op'];

/** A named scenario: its edits over the baseline, in order. */
export interface Scenario {
  id: string;
  name: string;
  edits: ScenarioEdit[];
}

/** An edit that could not be applied (its target is gone, its geometry unusable…), never silently. */
export interface EditProblem {
  /** index in the edit list */
  index: number;
  code: 'target-missing' | 'bad-geometry' | 'nothing-near' | 'bad-edit';
  /** the message (English; core/messages editProblems) */
  detail: string;
  /** the same in Chinese */
  detail_zh: string;
}

/** Geometry of every edit kind, for readers that do not care which. */
export type EditGeometry = Extract<Geometry, Point | LineString | Polygon | MultiPolygon>;
