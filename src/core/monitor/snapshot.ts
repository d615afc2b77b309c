import type { FeatureCollection, Geometry } from 'geojson';
import type { StudyAreaResult } from '../studyArea/types';
import type { RuleSet } from '../rules/types';
import { featureId } from '../analysis/coverage/coveragePoints';
import { representativePoint } from '../analysis/points/representativePoint';
import { haversine } from '../network/haversine';
import { indicatorIds, indicatorValue, type IndicatorId } from './indicators';

type FC = FeatureCollection<Geometry | null, Record<string, unknown> | null>;

/** A dated record of the results (issue 14): what the inputs were, the indicators, who was covered. */
export interface Snapshot {
  label: string;
  /** YYYY-MM-DD */
  date: string;
  rules: string;
  /** inputs' sizes, to tell snapshots of other data apart */
  inputs: { communities: number; facilities: number };
  /** every indicator of the rule set for the whole area */
  indicators: Record<IndicatorId, number | null>;
  /** per category id: the communities covered, by community id */
  covered: Record<string, string[]>;
  /** the facilities: id, category, lon, lat */
  facilities: [string, string, number, number][];
}

const communityKey = (f: { properties: Record<string, unknown> | null } | null, i: number) => featureId(f as never) ?? `#${i}`;

/** A snapshot of one analysis (the app's "save as snapshot", the CLI's --snapshot-out). */
export function takeSnapshot(label: string, date: string, communities: FC, facilities: FC, result: StudyAreaResult, rules: RuleSet): Snapshot {
  const { coverage } = result;
  const C = coverage.communityCount;
  const covered: Record<string, string[]> = {};
  coverage.categoryIds.forEach((id, k) => {
    covered[id] = [];
    for (let c = 0; c < C; c++) if (coverage.ok[k * C + c]) covered[id].push(communityKey(communities.features[c], c));
  });
  const fac: Snapshot['facilities'] = [];
  facilities.features.forEach((f, i) => {
    const p = f?.geometry ? representativePoint(f.geometry) : null;
    if (p) fac.push([featureId(f as never) ?? `#${i}`, String(f?.properties?.category ?? ''), Math.round(p[0] * 1e7) / 1e7, Math.round(p[1] * 1e7) / 1e7]);
  });
  return {
    label, date, rules: rules.id,
    inputs: { communities: C, facilities: facilities.features.length },
    indicators: Object.fromEntries(indicatorIds(rules).map((id) => [id, indicatorValue(id, 'all', result, communities, rules)])),
    covered, facilities: fac,
  };
}

/** What changed from snapshot `a` to `b`. */
export interface SnapshotComparison {
  indicators: { id: IndicatorId; before: number | null; after: number | null; delta: number | null }[];
  /** per category: community ids newly covered and no longer covered */
  coverage: { category: string; gained: string[]; lost: string[] }[];
  /** matched by id, else by category and position within 30 m */
  facilitiesAdded: Snapshot['facilities'];
  facilitiesRemoved: Snapshot['facilities'];
}

/** Facilities within this distance, of the same category, are the same facility when ids differ. */
export const SAME_FACILITY_M = 30;

/**
 * Compares two snapshots (issue 14): indicator deltas, communities whose coverage changed per
 * category, and facilities added or removed — matched by id, else by category and position within
 * 30 m (a re-surveyed POI list gives new ids to the same places).
 */
export function compareSnapshots(a: Snapshot, b: Snapshot): SnapshotComparison {
  const ids = [...new Set([...Object.keys(a.indicators), ...Object.keys(b.indicators)])];
  const indicators = ids.map((id) => {
    const before = a.indicators[id] ?? null, after = b.indicators[id] ?? null;
    return { id, before, after, delta: before !== null && after !== null ? Math.round((after - before) * 1000) / 1000 : null };
  });
  const cats = [...new Set([...Object.keys(a.covered), ...Object.keys(b.covered)])];
  const coverage = cats.map((category) => {
    const x = new Set(a.covered[category] ?? []), y = new Set(b.covered[category] ?? []);
    return { category, gained: [...y].filter((c) => !x.has(c)), lost: [...x].filter((c) => !y.has(c)) };
  }).filter((d) => d.gained.length || d.lost.length);
  // facilities: by id, then by category and place
  const bIds = new Set(b.facilities.map((f) => f[0]));
  const aIds = new Set(a.facilities.map((f) => f[0]));
  let removed = a.facilities.filter((f) => !bIds.has(f[0]));
  let added = b.facilities.filter((f) => !aIds.has(f[0]));
  const used = new Set<number>();
  removed = removed.filter((r) => {
    const j = added.findIndex((x, i) => !used.has(i) && x[1] === r[1] && haversine(x[2], x[3], r[2], r[3]) <= SAME_FACILITY_M);
    if (j < 0) return true;
    used.add(j);
    return false;
  });
  added = added.filter((_, i) => !used.has(i));
  return { indicators, coverage, facilitiesAdded: added, facilitiesRemoved: removed };
}
