import type { FeatureCollection, Geometry } from 'geojson';
import type { StudyAreaResult } from '../studyArea/types';
import type { RuleSet } from '../rules/types';
import { featureId } from '../analysis/coverage/coveragePoints';
import { representativePoint } from '../analysis/points/representativePoint';
import { haversine } from '../network/haversine';
import { indicatorIds, indicatorScopes, indicatorValues, type IndicatorId, type IndicatorScope } from './indicators';

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
  /** the same for the other scopes (old communities, each 街道), keyed by scope; absent in early snapshots */
  scoped?: Record<string, Record<IndicatorId, number | null>>;
  /** per category id: the communities covered, by community id */
  covered: Record<string, string[]>;
  /** the facilities: id, category, lon, lat */
  facilities: [string, string, number, number][];
}

/** How snapshots name a community: its id, else its place in the layer. */
export const communityKey = (f: { properties: Record<string, unknown> | null } | null, i: number) => featureId(f as never) ?? `#${i}`;

/** A snapshot of one analysis (the app's "save as snapshot", the CLI's --snapshot-out). */
export function takeSnapshot(label: string, date: string, communities: FC, facilities: FC, result: StudyAreaResult, rules: RuleSet): Snapshot {
  const { coverage } = result;
  const C = coverage.communityCount;
  const covered: Record<string, string[]> = {};
  coverage.categoryIds.forEach((id, k) => {
    covered[id] = [];
    for (let c = 0; c < C; c++) if (coverage.ok[k * C + c]) covered[id].push(communityKey(communities.features[c], c));
  });
  const ids = indicatorIds(rules);
  const fac: Snapshot['facilities'] = [];
  facilities.features.forEach((f, i) => {
    const p = f?.geometry ? representativePoint(f.geometry) : null;
    if (p) fac.push([featureId(f as never) ?? `#${i}`, String(f?.properties?.category ?? ''), Math.round(p[0] * 1e7) / 1e7, Math.round(p[1] * 1e7) / 1e7]);
  });
  return {
    label, date, rules: rules.id,
    inputs: { communities: C, facilities: facilities.features.length },
    indicators: indicatorValues(ids, 'all', result, communities, rules),
    scoped: Object.fromEntries(indicatorScopes(communities).filter((sc) => sc !== 'all').map((sc) => [sc, indicatorValues(ids, sc, result, communities, rules)])),
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

/** A snapshot's value of an indicator for a scope (null when it was not recorded). */
export function snapshotValue(s: Snapshot, id: IndicatorId, scope: IndicatorScope): number | null {
  const v = scope === 'all' ? s.indicators[id] : s.scoped?.[scope]?.[id];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** An indicator across snapshots, oldest first: the timeline chart's points. */
export function indicatorSeries(snapshots: readonly Snapshot[], id: IndicatorId, scope: IndicatorScope): { label: string; date: string; value: number | null }[] {
  return [...snapshots].sort((a, b) => a.date.localeCompare(b.date)).map((s) => ({ label: s.label, date: s.date, value: snapshotValue(s, id, scope) }));
}

/**
 * Per community of the layer at hand (by `communityKey`), how its coverage changed between the
 * compared snapshots, in the scenario's change codes: +1 gained some category, −1 lost some, 2 both,
 * 0 unchanged (or not in the snapshots).
 */
export function coverageChangeCodes(cmp: SnapshotComparison, communities: FC): Int8Array {
  const gained = new Set<string>(), lost = new Set<string>();
  for (const d of cmp.coverage) {
    for (const c of d.gained) gained.add(c);
    for (const c of d.lost) lost.add(c);
  }
  return Int8Array.from(communities.features, (f, i) => {
    const k = communityKey(f, i);
    const g = gained.has(k), l = lost.has(k);
    return g && l ? 2 : g ? 1 : l ? -1 : 0;
  });
}
