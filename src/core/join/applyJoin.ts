import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { normalizeFeature } from '../model/normalize';
import { FIELD_ALIASES, suggestFieldMapping } from '../model/fieldAliases';
import type { LayerKind } from '../model/layerKinds';
import type { JoinPlan } from './planJoin';

type Props = Record<string, unknown>;
type FC = FeatureCollection<Geometry | null, Props | null>;

/** An attribute table without geometry (CSV / Excel rows), as read by the importer. */
export interface JoinTable {
  /** file name, for messages and the workspace */
  name: string;
  columns: string[];
  rows: Props[];
}

/** The values a join may write: a kind's canonical fields other than id and name. */
export function joinableFields(kind: LayerKind): string[] {
  return Object.keys(FIELD_ALIASES[kind]).filter((k) => k !== 'id' && k !== 'name');
}

/** The layers a table may be joined to (issue 15): the 小区 list, or a facility list (学位数, 床位数 …). */
export type JoinKind = 'communities' | 'facilities';
export const JOIN_KINDS: readonly JoinKind[] = ['communities', 'facilities'];

/**
 * Which layer a table's columns speak of: the kind more of whose joinable fields the columns name
 * (a 小区 list: 户数, 人口, 建成年代 …; a facility list: 学位数, 设施类型 …), communities on a tie.
 */
export function joinKindOf(columns: readonly string[]): JoinKind {
  const named = (kind: JoinKind) => {
    const m = suggestFieldMapping(columns, kind);
    return joinableFields(kind).filter((k) => m[k]).length;
  };
  return named('facilities') > named('communities') ? 'facilities' : 'communities';
}

/**
 * The features a table was expected to cover but has no row for: every unmatched community; for
 * facilities only those of the categories the table's matches and candidates belong to (a list of
 * kindergartens says nothing about bus stops).
 */
export function joinLeftOut(plan: Pick<JoinPlan, 'matches' | 'review' | 'unmatchedFeatures'>, layer: { features: readonly { properties: Props | null }[] }, kind: JoinKind): number[] {
  if (kind === 'communities') return plan.unmatchedFeatures;
  const category = (i: number) => layer.features[i]?.properties?.category;
  const covered = new Set([...plan.matches.map((m) => category(m.feature)), ...plan.review.flatMap((r) => r.candidates.map((c) => category(c.feature)))]);
  return plan.unmatchedFeatures.filter((i) => covered.has(category(i)));
}

/**
 * The layer with the table's values on the matched features (issue 15): for each (row, feature)
 * pair the row's columns mapped to canonical fields (suggestFieldMapping, or the planner's
 * `mapping`) and read like an import (normalizeFeature: numbers, years, units), written over the
 * feature's own values where the row has one. Each joined feature records `joined_from` (the
 * table) and, when the row gave households, `households_source: 'joined'`. The input is not changed.
 */
export function applyJoin(
  layer: FC, kind: LayerKind, table: JoinTable, pairs: readonly { row: number; feature: number }[],
  mapping: Record<string, string | null> = suggestFieldMapping(table.columns, kind),
): { layer: FC; joined: number; fields: string[] } {
  const fields = joinableFields(kind).filter((k) => mapping[k]);
  const features = layer.features.slice();
  let joined = 0;
  for (const { row, feature } of pairs) {
    const f = features[feature];
    const r = table.rows[row];
    if (!f || !r) continue;
    // the row read as if it were a feature of the kind: the importer's own number and year rules
    const read = normalizeFeature({ type: 'Feature', properties: r, geometry: null } as Feature<null, Props>, kind, row, mapping).properties;
    const props: Props = { ...(f.properties ?? {}) };
    let wrote = false;
    for (const k of fields) {
      const v = read[k];
      if (v === undefined || v === null || v === '') continue;
      props[k] = v;
      // what the number reader noted beside it ("1990年前" → built_year_before …)
      for (const extra of ['range', 'before', 'after']) if (read[`${k}_${extra}`] !== undefined) props[`${k}_${extra}`] = read[`${k}_${extra}`];
      wrote = true;
    }
    if (!wrote) continue;
    props.joined_from = table.name;
    if (read.households != null && read.households !== '') props.households_source = 'joined';
    features[feature] = { ...f, properties: props };
    joined++;
  }
  return { layer: { ...layer, features }, joined, fields };
}
